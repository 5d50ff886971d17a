"""Every lesson and exercise notebook runs top to bottom in a fresh kernel, is committed
without outputs, and has the shape of a lesson (goals, time, quiz, going further).

Lessons follow predict -> try -> check -> reveal: the student writes (``kit.compare_reading_box``)
before any kit reading, map or comparison is shown, and writes code in "# your code:"
cells.  When a lesson runs here, the student's writing is simulated by cells the test
inserts after each writing widget: they type into its boxes and press its button, as a
student would (the widget has no test mode).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("*.ipynb")) + sorted((ROOT / "exercises" / "solutions").glob("*.ipynb"))
ALL = LESSONS + EXERCISES


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


WRITE_FIRST = "kit.compare_reading_box("
TASK_RE = re.compile(r"[\"'](\d\d\.[\w-]+)[\"']")
# Cells that show a kit reading of the texts: argument maps, comparisons, reference
# labels, recommendations, keyness tables, the recorded metadata, a reading itself.
REVEALS = ("kit.arguments(", "kit.compare_arguments(", "kit.compare_arguments_explorer(",
           "kit.reference_annotations(", "kit.compare_annotations(", "kit.recommendations(",
           "kit.keyness(", "kit.keyness_explorer(", "kit.plot_keyness(", "kit.compare_reading(",
           ".metadata")
QUOTED_CITATION = re.compile(r"[\"“][^\"“”]{2,}[\"”]\s*\[(?:cho|yang) \d")
SIMULATED = """_w = _  # the writing widget the previous cell returned
assert _w.button.disabled, "the button must wait until the student has written"
for _box in _w.textareas:
    _box.value = "A simulated student answer, in my own words, citing [cho 3.2]."
assert not _w.button.disabled
_w.button.click()
assert "Saved" in _w.status.value and _w.output.value, _w.status.value
"""


def _your_turn(source: str) -> bool:
    lines = [line.strip() for line in source.strip().splitlines() if line.strip()]
    return bool(lines) and lines[0].startswith("# your code:") and all(line.startswith("#") for line in lines)


def test_there_are_lessons():
    assert (ROOT / "notebooks" / "00_start_here.ipynb") in LESSONS


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_committed_without_outputs(path):
    dirty = [i for i, c in enumerate(_cells(path))
             if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count"))]
    assert not dirty, f"{_id(path)}: cells {dirty} carry outputs; clear them before committing"


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_lesson_shape(path):
    cells = _cells(path)
    first = _source(cells[0]).lower()
    assert cells[0]["cell_type"] == "markdown"
    assert "goals" in first or "you will" in first, "first cell states learning goals"
    assert re.search(r"\d+\s*(minutes|min)\b", first), "first cell gives a time estimate"
    code = "\n".join(_source(c) for c in cells if c["cell_type"] == "code")
    assert "kit.quiz(" in code, "the lesson ends with a quiz"
    headings = [_source(c).lower() for c in cells if c["cell_type"] == "markdown"]
    assert any("going further" in h for h in headings[-3:]), "a 'Going further' section near the end"
    long_cells = [i for i, c in enumerate(cells) if c["cell_type"] == "code" and len(_source(c).splitlines()) > 15]
    assert not long_cells, f"code cells {long_cells} are long; keep lesson code cells short"


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_students_write_before_any_kit_reading(path):
    """>= 3 saved student attempts before the first cell that shows a kit reading."""
    from kit.assessment.readings import reading_task

    cells, written, first_reveal = _cells(path), 0, None
    for i, cell in enumerate(cells):
        src = _source(cell)
        if cell["cell_type"] == "markdown":
            if written == 0:
                assert not QUOTED_CITATION.search(src), (
                    f"{_id(path)} cell {i}: quotes the texts with a citation (a reading) before the student has written")
            continue
        if WRITE_FIRST in src:
            tasks = TASK_RE.findall(src)
            assert tasks, f"{_id(path)} cell {i}: compare_reading_box without a task id"
            lesson = path.stem
            assert all(reading_task(t)["lesson"] == lesson for t in tasks), f"cell {i}: a task of another lesson"
            written += len(tasks)
            if any(reading_task(t).get("reading") for t in tasks):
                assert written >= 3, f"{_id(path)} cell {i}: shows a kit reading after only {written} attempts"
        if any(r in src for r in REVEALS):
            first_reveal = i if first_reveal is None else first_reveal
            assert written >= 3, f"{_id(path)} cell {i}: shows a kit reading after only {written} saved attempts"
    assert written >= 3


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_students_write_code_themselves(path):
    turns = [i for i, c in enumerate(_cells(path)) if c["cell_type"] == "code" and _your_turn(_source(c))]
    assert len(turns) >= 3, f"{_id(path)}: {len(turns)} 'your code' cells; each lesson needs at least 3"


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_yang_is_dated_by_a_range_not_june(path):
    """[yang 7.1] "late May" and [yang 8.3] "next February": late May to December 2021."""
    text = "\n".join(_source(c) for c in _cells(path)).lower()
    assert "june 2021" not in text and "most likely june" not in text


# The annotation widget: the student labels two sentences and presses Save (cho 3.6 differs
# from the reference, which calls "should collaborate" [cho 3.6] a recommendation).
ANNOTATE = "kit.annotate("
SIMULATED_LABELS = """_a = _  # the annotation widget the previous cell returned
_a.dropdowns["cho 3.2"].value = "claim"
_a.dropdowns["cho 3.6"].value = "claim"
_a.save.click()
assert "Saved 2" in _a.status.value, _a.status.value
"""
_EXECUTED: dict = {}


def _executed(path: Path):
    """The notebook run top to bottom in a fresh kernel, with the student's simulated
    writing after each writing widget (run once per test session, shared by the tests)."""
    if path not in _EXECUTED:
        import os

        import nbformat
        from nbclient import NotebookClient

        nb = nbformat.read(path, as_version=4)
        for i in reversed(range(len(nb.cells))):  # the student writes, then presses the button
            if nb.cells[i].cell_type == "code" and WRITE_FIRST in nb.cells[i].source:
                nb.cells.insert(i + 1, nbformat.v4.new_code_cell(SIMULATED))
            elif nb.cells[i].cell_type == "code" and nb.cells[i].source.startswith(ANNOTATE + "cho"):
                nb.cells.insert(i + 1, nbformat.v4.new_code_cell(SIMULATED_LABELS))
        client = NotebookClient(nb, timeout=300, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}})
        backend = os.environ.get("MPLBACKEND")
        os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
        try:
            client.execute()  # raises CellExecutionError on the first failing cell
            _EXECUTED[path] = nb
        except Exception as exc:  # every test of this notebook fails with the same error
            _EXECUTED[path] = exc
        finally:
            if backend is None:
                os.environ.pop("MPLBACKEND")
            else:
                os.environ["MPLBACKEND"] = backend
    if isinstance(_EXECUTED[path], Exception):
        raise _EXECUTED[path]
    return _EXECUTED[path]


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_runs_top_to_bottom_in_a_fresh_kernel(path):
    nb = _executed(path)
    errors = [
        (i, out.get("ename"), out.get("evalue"))
        for i, cell in enumerate(nb.cells) if cell.cell_type == "code"
        for out in cell.get("outputs", []) if out.get("output_type") == "error"
    ]
    assert not errors, f"{_id(path)}: error outputs {errors}"
    # No stderr box at all: a kit warning shows as a styled note in the output (kit.accessible_tables).
    stderr = [
        (i, out.get("text", "")[:300])
        for i, cell in enumerate(nb.cells) if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if out.get("output_type") == "stream" and out.get("name") == "stderr"
    ]
    assert not stderr, f"{_id(path)}: output on stderr {stderr}"
    too_long = [(i, what) for i, cell in enumerate(nb.cells) if cell.cell_type == "code"
                for what in _over_long(cell)]
    assert not too_long, f"{_id(path)}: over-long output (cell, what) {too_long}"
    # Every cell that draws with the kit shows its figure (a figure that is made but
    # never displayed raises no error, so look for the image itself).  A plot under an
    # `if` (e.g. only when there is saved progress) may rightly draw nothing.
    blank = [i for i, cell in enumerate(nb.cells) if cell.cell_type == "code" and "kit.plot_" in cell.source
             and not cell.source.lstrip().startswith("if ")
             and not any("image/png" in out.get("data", {}) for out in cell.get("outputs", []))]
    assert not blank, f"{_id(path)}: cells {blank} draw a plot but show no image"


MAX_TABLE_CHARS = 1500  # the text of one table; longer prose is printed as lines, or summarised
MAX_LIST_LINES = 15  # a list shown one short item per line


def _over_long(cell) -> list[str]:
    """What in a cell's outputs is too long to read: a table with more than MAX_TABLE_CHARS
    characters of text, or more than MAX_LIST_LINES lines of one word each (a list printed
    one token per line).  A widget is shown as the widget, not as its text."""
    import html

    found = []
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        if "application/vnd.jupyter.widget-view+json" in data:
            continue
        page = "".join(data.get("text/html", ""))
        if "<table" in page:
            cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", page, re.S)
            chars = sum(len(html.unescape(re.sub(r"<[^>]+>", "", c)).strip()) for c in cells)
            if chars > MAX_TABLE_CHARS:
                found.append(f"a table of {chars} characters")
        text = out.get("text", "") if out.get("output_type") == "stream" else "" if page else "".join(data.get("text/plain", ""))
        lines = [line.strip(" []'\",") for line in text.splitlines()]
        lines = [line for line in lines if line]
        single = [line for line in lines if len(line.split()) == 1]
        if len(single) > MAX_LIST_LINES and len(single) > 0.8 * len(lines):
            found.append(f"{len(single)} lines of one word each")
    return found


def test_over_long_outputs_are_found():
    """The check itself: a 20-token list shown one per line, and a wide prose table, are caught."""
    from nbformat.v4 import new_code_cell, new_output

    tokens = new_code_cell(outputs=[new_output("execute_result", data={"text/plain": "[\n" + ",\n".join(
        f"'word{i}'" for i in range(20)) + "]"})])
    table = new_code_cell(outputs=[new_output("display_data", data={"text/html": "<table>" + "<tr><td>" + "prose " * 300
                                                                                        + "</td></tr></table>"})])
    short = new_code_cell(outputs=[new_output("stream", name="stdout", text="['a', 'b', 'c']\n")])
    assert _over_long(tokens) == ["20 lines of one word each"]
    assert _over_long(table) == ["a table of 1799 characters"]
    assert _over_long(short) == []


# --- nothing shown before the student tries ----------------------------------------------
# (notebook, answer text, the attempt that must be saved first).  An attempt is a
# write-first task id (saved by the simulated cell after its widget) or ANNOTATE (labels
# saved in the annotation widget).  The answer may not stand in any markdown cell (markdown
# is on screen whatever has run), nor in any output before the attempt is saved; and it
# must be shown once the attempt is saved: in a later output, or in the task's reading,
# which the writing widget shows when the student presses its button.
HIDDEN_UNTIL_TRIED = [
    # Neither text prints a date: Cho's rests on "Last month, the White House confirmed"
    # [cho 1.1] and "In June" [cho 1.5], Yang's on "in late May" [yang 7.1] and "The Beijing
    # Winter Olympics next February" [yang 8.3]; the years are the student's to work out.
    ("00_start_here", "2024", "00.date-cho"),
    ("00_start_here", "November", "00.date-cho"),
    ("00_start_here", "2021", "00.date-yang"),
    ("00_start_here", "December", "00.date-yang"),
    # The stance lexicon's misreadings: "Nearly all of its trade" [cho 3.4] is no hedge,
    # "have not always seen eye to eye" [cho 3.5] concedes.
    ("01_close_reading", "counted as a hedge", "01.stance-errors"),
    ("01_close_reading", "concedes a point", "01.stance-errors"),
    # 751 words between spaces, 757 tokens: Yang's six "'s" ("U.S.'s" [yang 1.2]).
    ("02_keyword_frequencies", "751 + 6", "02.token-count"),
    ("02_keyword_frequencies", "358 + 8", "02.token-count"),
    # Only Yang writes "sanctions" [yang 2.1; yang 7.3; yang 8.1]; the comparison table has
    # a row for it.
    ("03_comparing_arguments", "does not mention sanctions", "03.sanctions"),
    ("03_comparing_arguments", "What role do sanctions play?", "03.sanctions"),
]


def _shown(cell) -> str:
    """What the student sees of a cell: its markdown, or the text of its outputs."""
    import html

    if cell.cell_type == "markdown":
        return " ".join(cell.source.split())
    parts = []
    for out in cell.get("outputs", []):
        parts.append(out.get("text", ""))
        for mime in ("text/plain", "text/html", "text/markdown"):
            value = out.get("data", {}).get(mime, "")
            parts.append("".join(value) if isinstance(value, list) else value)
    return " ".join(html.unescape(" ".join(parts)).split())


def _saved_at(nb, attempt: str) -> int:
    """The index of the (simulated) cell where ``attempt`` is saved."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and ((WRITE_FIRST in cell.source and attempt in TASK_RE.findall(cell.source))
                                         or (attempt == ANNOTATE and cell.source.startswith(ANNOTATE + "cho"))):
            return i + 1
    raise AssertionError(f"no cell saves the attempt {attempt!r}")


def _hidden_until_tried(path: Path, nb) -> list[tuple[str, str, bool]]:
    """(answer text, attempt, must be shown after) for this notebook: the list above, every
    statement of the kit's readings of its tasks, and the reference labels' reasons."""
    from kit.argumentation.annotation import reference_annotations
    from kit.assessment.readings import reading_task

    items = [(text, attempt, True) for stem, text, attempt in HIDDEN_UNTIL_TRIED if stem == path.stem]
    for cell in nb.cells:
        if cell.cell_type == "code" and WRITE_FIRST in cell.source:
            for task in TASK_RE.findall(cell.source):
                items += [(" ".join(s["text"].split()), task, False) for s in reading_task(task).get("reading") or []]
    if any(c.cell_type == "code" and c.source.startswith(ANNOTATE + "cho") for c in nb.cells):
        items += [(" ".join(r.split()), ANNOTATE, False) for r in reference_annotations("cho").reason]
    return items


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_no_answer_is_shown_before_the_student_tries(path):
    from kit.assessment.readings import reading_task

    nb = _executed(path)
    shown = [_shown(c) for c in nb.cells]
    items = _hidden_until_tried(path, nb)
    assert items, f"{_id(path)}: no attempt to protect"
    for text, attempt, must_show in items:
        saved = _saved_at(nb, attempt)
        early = [i for i, c in enumerate(nb.cells) if text in shown[i] and (c.cell_type == "markdown" or i < saved)]
        assert not early, f"{_id(path)}: {text[:60]!r} is on screen in cells {early}, before {attempt} is saved (cell {saved})"
        if must_show:
            reading = " ".join(" ".join(s["text"].split()) for s in reading_task(attempt).get("reading") or [])
            assert text in reading or any(text in t for t in shown[saved:]), f"{_id(path)}: {text!r} is never shown"
    if path.stem == "01_close_reading":  # the reference beside the student's labels: cho 3.6
        assert any("should collaborate" in t for t in shown[_saved_at(nb, ANNOTATE):])


def test_every_reading_task_is_used_in_its_lesson():
    from kit.assessment.readings import reading_task, reading_tasks

    used = {}
    for path in LESSONS:
        for cell in _cells(path):
            if cell["cell_type"] == "code" and WRITE_FIRST in _source(cell):
                for task in TASK_RE.findall(_source(cell)):
                    used[task] = path.stem
    assert {t: reading_task(t)["lesson"] for t in reading_tasks()} == used


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_time_estimate_covers_the_tasks(path):
    """A floor, not a model: 5 min per writing task, 3 per 'your code' cell, 10 for the quiz.
    The stated time (the first number of minutes in the first cell) must not be below it."""
    cells = _cells(path)
    stated = int(re.search(r"(\d+)\s*(?:minutes|min)\b", _source(cells[0])).group(1))
    writing = sum(len(TASK_RE.findall(_source(c))) for c in cells
                  if c["cell_type"] == "code" and WRITE_FIRST in _source(c))
    coding = sum(1 for c in cells if c["cell_type"] == "code" and _your_turn(_source(c)))
    floor = 5 * writing + 3 * coding + 10
    assert stated >= floor, f"{_id(path)}: says {stated} min for {writing} writing tasks and {coding} code cells"


# --- every "your code" cell is preceded by what it needs ----------------------------------
# A model solution for each lesson's "# your code:" cell (keyed by words of its comment);
# the exercises' solutions are the filled-in cells of exercises/solutions/.
LESSON_SOLUTIONS = {
    'corpus.sentence("...").text to look up': 'corpus.sentence("yang 7.2").text',
    "with time words such as": 'kit.kwic(corpus, "month")',
    "to read one glossary term": 'kit.kwic(corpus, "honest broker")',
    "keep Yang's rows of `words`": 'yang_words = words[words["doc"] == "yang"]\n'
                                   'yang_words.sort_values("count", ascending=False).head(5)',
    "how many different words": 'cho_words = words[words["doc"] == "cho"]\nlen(cho_words[cho_words["count"] == 1])',
    'kit.kwic(yang, "should")': 'kit.kwic(yang, "should")',
    'to find "reliant" and "relying"': 'kit.kwic(corpus, "reliant|relying", regex=True)',
    'kit.actors(corpus) and keep the rows': 'mentions = kit.actors(corpus)\nmentions[mentions["sentence_id"] == "yang 5.2"]',
    "markers[markers.sentence_id": 'markers[markers["sentence_id"] == "cho 3.5"]',
    'kit.tokens(yang).count': 'kit.tokens(yang).count("\'s")\ncho.text.split().count("—")',
    'kit.frequencies(corpus) and keep the rows': 'freq = kit.frequencies(corpus)\nfreq[freq["term"] == "china"]',
    "kit.ngrams(yang, n=3": 'kit.ngrams(yang, n=3, min_count=2)\nkit.kwic(yang, "the U.S.")',
    "one key word": 'kit.kwic(corpus, "sanctions")',
    'kit.arguments("yang") and keep': 'yang_map = kit.arguments("yang")\nyang_map[yang_map["type"] == "prediction"]',
    "kit.recommendations(kit.load_text": 'kit.recommendations(kit.load_text("They must be tired.", id="mine"))',
    'kit.stance(corpus["yang"]) and keep': 'hits = kit.stance(corpus["yang"])\nhits[hits["category"] == "hedge"]',
    'kit.kwic(corpus, "sanction*")': 'kit.kwic(corpus, "sanction*")',
    "to find the passages you will cite": 'corpus.sentence("cho 3.2").text',
    "kit.check_citations(": 'kit.check_citations("""Cho calls a wedge "futile" [cho 3.2].""")',
    "kit.progress() and keep": 'saved = kit.progress()\nsaved[saved["kind"] == "reading"]',
}
_BUILTINS = {"len", "int", "float", "round", "dict", "zip", "list", "set", "sorted", "sum", "help"}
# How each feature looks where it is shown (in a code cell, or in `code` in the text).
_SHOWN_AS = {
    "[[": r"\[\[",
    "df[condition]": r"(\w+)\[\s*\1(?:\.\w+|\[[\"'][^\"']+[\"']\])",
    "[... for ...]": r"\[[^\]]* for \w+ in ",
}


def _features(code: str) -> set[str]:
    """The kit functions, pandas and Python moves a piece of code uses."""
    import ast

    found = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute):
                kit_call = isinstance(func.value, ast.Name) and func.value.id == "kit"
                found.add(f"kit.{func.attr}(" if kit_call else f".{func.attr}(")
                found |= {f"{k.arg}=" for k in node.keywords if k.arg}
            elif isinstance(func, ast.Name) and func.id in _BUILTINS:
                found.add(f"{func.id}(")
        elif isinstance(node, ast.Subscript):
            if isinstance(node.value, ast.Attribute) and node.value.attr in ("loc", "iloc"):
                found.add(f".{node.value.attr}[")
            if isinstance(node.slice, ast.List):
                found.add("[[")
            elif isinstance(node.slice, ast.Compare) or (
                    isinstance(node.slice, ast.Attribute) and isinstance(node.value, ast.Name)
                    and isinstance(node.slice.value, ast.Name) and node.slice.value.id == node.value.id):
                found.add("df[condition]")
        elif isinstance(node, ast.ListComp):
            found.add("[... for ...]")
    return found


def _shown_before(feature: str, text: str) -> bool:
    """A pandas or Python move must have been shown in code; a kit function may also have
    been named (its help() says how to call it)."""
    if feature.startswith("kit."):
        return re.search(re.escape(feature[:-1]) + r"\b", text) is not None
    pattern = _SHOWN_AS.get(feature) or (r"\b" + re.escape(feature) if feature[0].isalpha() else re.escape(feature))
    return re.search(pattern, text) is not None


def _series() -> list[tuple[Path, list[dict]]]:
    """Lessons and exercises in the order a student meets them (exercise NN after lesson NN)."""
    order = sorted(LESSONS + EXERCISES[:len(EXERCISES) // 2],
                   key=lambda p: (p.stem[:2], p.parent.name == "exercises"))
    return [(p, _cells(p)) for p in order]


def _your_code_cells():
    """(notebook, cell index, the model solution) for every cell a student fills in."""
    for path, cells in _series():
        for i, cell in enumerate(cells):
            src = _source(cell)
            if cell["cell_type"] != "code":
                continue
            if _your_turn(src):
                keys = [k for k in LESSON_SOLUTIONS if k in src]
                assert len(keys) == 1, f"{_id(path)} cell {i}: no model solution for {src!r} in LESSON_SOLUTIONS"
                yield path, i, LESSON_SOLUTIONS[keys[0]]
            elif src.startswith("# use "):  # an exercise: its solution, and the filled-in answer cell
                solved = _cells(path.parent / "solutions" / path.name)
                answer = _source(solved[i + 1]) if "answer = " in _source(solved[i + 1]) else ""
                yield path, i, _source(solved[i]) + "\n" + answer


def test_every_your_code_cell_is_preceded_by_what_it_needs():
    """Each kit function, pandas or Python move a cell's solution uses was shown earlier in
    the series (in a code cell, or as `code` in the text): a student who has never coded
    meets a row filter, a sort or `.tolist()` before a task needs it."""
    series = _series()
    missing = []
    for path, index, solution in _your_code_cells():
        earlier = []
        for other, cells in series:
            for j, cell in enumerate(cells):
                if other == path and j >= index:
                    break
                if not (cell["cell_type"] == "code" and (_your_turn(_source(cell)) or _source(cell).startswith("# use "))):
                    earlier.append(_source(cell))
            if other == path:
                break
        text = "\n".join(earlier)
        missing += [(_id(path), index, f) for f in sorted(_features(solution)) if not _shown_before(f, text)]
    assert not missing, f"used before it is shown (notebook, cell, feature): {missing}"


def test_lesson_03_timeline_is_background_with_sources_and_exact_quotes():
    """The timeline between the texts (section 5, "Two moments") is marked as outside
    knowledge, names a source for every entry, quotes the texts word for word with ids
    (e.g. "after a five-year hiatus" [cho 2.5]) and is the teacher's guide's own."""
    import kit

    def block(text):
        found = re.search(r"<!-- timeline -->\n(.*?)\n<!-- /timeline -->", text, re.S)
        assert found, "no timeline block"
        return found.group(1)

    cells = _cells(ROOT / "notebooks" / "03_comparing_arguments.ipynb")
    heads = [i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and "## 5. Two moments" in _source(c)]
    here = [i for i, c in enumerate(cells) if "<!-- timeline -->" in _source(c)]
    assert heads and here and here[0] == heads[0] + 1, "the timeline follows the heading of section 5"
    lesson = block(_source(cells[here[0]]))
    assert lesson == block((ROOT / "docs" / "teacher_guide.md").read_text(encoding="utf-8"))
    assert "Background from outside the texts" in lesson
    entries = [e for e in re.split(r"\n- ", lesson)[1:]]
    assert len(entries) >= 6 and all("Sources:" in e or "Source:" in e for e in entries)
    for cited in ("yang 7.1", "yang 8.3", "cho 1.1", "cho 1.5", "cho 2.5"):
        assert f"[{cited}]" in lesson
    assert kit.check_citations(lesson) == []
