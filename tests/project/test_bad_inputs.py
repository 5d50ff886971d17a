"""A table of bad inputs across the public API.

Each row calls the kit the wrong way (a path, an encoding, a size, a type, an option,
an id, a question bank, the progress store) and expects exactly one class of the
KitError family and a message that names the problem (a regular expression per row).
The whole suite runs with network sockets blocked (conftest.py at the top of the repository); the last test
here checks that the guard is in place.
"""
from __future__ import annotations

import os
import re
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

import kit
from kit import errors as E


@dataclass
class Files:
    """Bad files made fresh for each row, in the row's tmp_path."""

    tmp: Path

    def write(self, name: str, data: bytes) -> Path:
        path = self.tmp / name
        path.write_bytes(data)
        return path

    def sparse(self, name: str, size: int) -> Path:
        path = self.tmp / name
        with open(path, "wb") as fh:
            fh.truncate(size)  # a file of `size` bytes without writing them
        return path


def _bank(files: Files, text: str) -> Path:
    return files.write("my_bank.yaml", text.encode("utf-8"))


# A bank whose only question lacks `cites:` (the bank contract requires it).
BANK_WITHOUT_CITES = """\
id: my_bank
title: Mine
questions:
  - id: q1
    type: single
    prompt: Which?
    options:
      - text: a
      - text: b
    answer: a
"""
# Line 2 is indented under a scalar: a YAML syntax error at line 2.
BANK_BAD_YAML = "id: my_bank\n  title: [unclosed\n"


@dataclass
class Row:
    id: str
    call: Callable  # (corpus, files) -> anything; must raise
    error: type
    message: str  # regex searched in str(exc)


ROWS = [
    # --- paths ---------------------------------------------------------------------
    Row("path-missing", lambda c, f: kit.load_text(f.tmp / "missing.txt"),
        E.TextNotFound, r"No file at '.*missing\.txt'.*Check the spelling"),
    Row("path-folder", lambda c, f: kit.load_text(f.tmp),
        E.NotAFile, r"is a folder, not a text file"),
    Row("path-pdf", lambda c, f: kit.load_text(f.write("essay.pdf", b"%PDF-1.7\n...")),
        E.BinaryFile, r"looks like a PDF, not plain text"),
    Row("path-png", lambda c, f: kit.load_text(f.write("scan.txt", b"\x89PNG\r\n\x1a\n....")),
        E.BinaryFile, r"looks like a PNG image"),
    Row("path-docx", lambda c, f: kit.load_text(f.write("essay.docx", b"PK\x03\x04rest")),
        E.BinaryFile, r"zip archive \(perhaps a \.docx\)"),
    Row("path-nul-bytes", lambda c, f: kit.load_text(f.write("data.txt", b"abc\x00\x01\x02")),
        E.BinaryFile, r"looks like a binary file"),
    # --- encodings -----------------------------------------------------------------
    # b"caf\xe9": 'c', 'a', 'f' are bytes 0-2; byte 3 is 0xe9 (latin-1 e-acute), invalid in UTF-8
    Row("encoding-latin1-file-read-as-utf8", lambda c, f: kit.load_text(f.write("cafe.txt", b"caf\xe9 ok.")),
        E.DecodeError, r"not valid utf-8: byte 3 \(0xe9\).*encoding='cp1252'"),
    Row("encoding-bytes", lambda c, f: kit.load_text(b"caf\xe9 ok."),
        E.DecodeError, r"bytes given is not valid utf-8"),
    Row("encoding-unknown", lambda c, f: kit.load_text("Some text.", encoding="utf-99"),
        E.InvalidArgument, r"encoding='utf-99'\): not a text encoding"),
    # --- sizes -----------------------------------------------------------------------
    # 21 MiB = 22,020,096 bytes = 22.0 MB, over the 20 MiB limit (kit.corpus.loading.MAX_BYTES)
    Row("size-too-large", lambda c, f: kit.load_text(f.sparse("huge.txt", 21 * 1024 * 1024)),
        E.TextTooLarge, r"is 22\.0 MB; the kit loads texts up to 20 MB"),
    Row("size-empty-file", lambda c, f: kit.load_text(f.write("empty.txt", b"  \n\n \t")),
        E.EmptyText, r"empty\.txt' is empty"),
    Row("size-empty-string", lambda c, f: kit.load_text("   "),
        E.EmptyText, r"text given is empty"),
    # --- types -----------------------------------------------------------------------
    Row("type-load_text-int", lambda c, f: kit.load_text(42),
        E.WrongType, r"file path or a string of text, not 42 \(an int\)"),
    Row("type-tokens-list", lambda c, f: kit.tokens(["cho", "yang"]),
        E.WrongType, r"tokens\(\) takes one document or a string, not a list"),
    Row("type-sentences-str", lambda c, f: kit.sentences("cho"),
        E.WrongType, r"sentences\(\) takes the corpus .*not a str.*load_text"),
    Row("type-frequencies-list", lambda c, f: kit.frequencies([1, 2]),
        E.WrongType, r"frequencies\(\) takes the corpus .*not a list"),
    Row("type-kwic-query-int", lambda c, f: kit.kwic(c, 5),
        E.WrongType, r"query must be a string"),
    Row("type-ngrams-n-str", lambda c, f: kit.ngrams(c, n="2"),
        E.WrongType, r"ngrams\(n='2'\): give the number without quotes"),
    Row("type-keyness-str", lambda c, f: kit.keyness("cho", c["yang"]),
        E.WrongType, r"keyness\(\) takes the corpus .*not a str"),
    Row("type-plot_frequencies-str", lambda c, f: kit.plot_frequencies("abc"),
        E.WrongType, r"plot_frequencies\(\) takes the table made by kit\.frequencies"),
    Row("type-stopwords-set-of-ints", lambda c, f: kit.tokens("a b", stopwords={1, 2}),
        E.WrongType, r"stopwords contains [12], which is not a string"),
    Row("type-check_citations-int", lambda c, f: kit.check_citations(5),
        E.WrongType, r"check_citations\(\) takes your text as a string, not an? int"),
    Row("type-compare_annotations-str", lambda c, f: kit.compare_annotations("abc"),
        E.WrongType, r"mine must be kit\.load_annotations\(\.\.\.\) or a dict"),
    Row("type-describe_plot-str", lambda c, f: kit.describe_plot("abc"),
        E.WrongType, r"describe_plot\(\) takes the Axes returned by a kit\.plot_\* function"),
    Row("type-gazetteer-str", lambda c, f: kit.gazetteer("Iran"),
        E.WrongType, r"gazetteer= takes a dict of actor -> names"),
    Row("type-annotate-corpus", lambda c, f: kit.annotate(c),
        E.WrongType, r"annotate\(\) takes one document, such as corpus\['cho'\], not a Corpus"),
    Row("type-highlight_explorer-query-int", lambda c, f: kit.highlight_explorer(c, query=5),
        E.WrongType, r"query must be a word or a list of words"),
    Row("type-plot_keyness-wrong-table", lambda c, f: kit.plot_keyness(kit.frequencies(c)),
        E.InvalidArgument, r"plot_keyness\(\) needs the columns .*Make it with kit\.keyness"),
    # --- options -----------------------------------------------------------------------
    Row("option-stopwords-unknown-list", lambda c, f: kit.tokens("a b", stopwords="french"),
        E.InvalidArgument, r"stopwords='french' is not a known list"),
    Row("option-kwic-window", lambda c, f: kit.kwic(c, "china", window=-1),
        E.InvalidArgument, r"window=-1\): use a whole number from 1 to 100"),
    Row("option-kwic-empty-query", lambda c, f: kit.kwic(c, ""),
        E.InvalidArgument, r"query is empty"),
    Row("option-kwic-bad-regex", lambda c, f: kit.kwic(c, "((", regex=True),
        E.InvalidArgument, r"'\(\(' is not a valid regular expression"),
    Row("option-kwic-sort", lambda c, f: kit.kwic(c, "china", sort="bogus"),
        E.InvalidArgument, r"sort='bogus'\) is not an option"),
    Row("option-ngrams-n-zero", lambda c, f: kit.ngrams(c, n=0),
        E.InvalidArgument, r"ngrams\(n=0\): use a whole number of at least 1"),
    Row("option-frequencies-top", lambda c, f: kit.frequencies(c, top=-3),
        E.InvalidArgument, r"frequencies\(top=-3\): use a whole number of at least 1"),
    Row("option-collocations-measure", lambda c, f: kit.collocations(c["cho"], measure="bogus"),
        E.InvalidArgument, r"measure='bogus' is not a collocation measure.*likelihood_ratio"),
    Row("option-dispersion-no-terms", lambda c, f: kit.dispersion(c, []),
        E.InvalidArgument, r"dispersion\(\) needs words to look for"),
    Row("option-keyness-same-text", lambda c, f: kit.keyness(c["cho"], c["cho"]),
        E.InvalidArgument, r"target 'cho' is also in the reference"),
    Row("option-keyness-correction", lambda c, f: kit.keyness(c["cho"], c["yang"], correction="bogus"),
        E.InvalidArgument, r"correction='bogus' is not known"),
    Row("option-highlight-no-terms", lambda c, f: kit.highlight(c["cho"], []),
        E.InvalidArgument, r"No terms to highlight"),
    Row("option-stance-by", lambda c, f: kit.stance(c, by="bogus"),
        E.InvalidArgument, r"stance\(by='bogus'\) is not an option\. Use one of: None, 'sentence', 'doc'"),
    Row("option-quiz-show_answer_after", lambda c, f: kit.quiz("00_start_here", show_answer_after=0),
        E.InvalidArgument, r"show_answer_after must be a whole number of tries"),
    Row("option-document-id-with-space", lambda c, f: kit.load_text("A text.", id="my text"),
        E.InvalidArgument, r"document id must be one word.*'my text'"),
    # --- ids ---------------------------------------------------------------------------
    Row("id-unknown-document", lambda c, f: c["kim"],
        E.UnknownDocument, r"no document 'kim' in this corpus\. It has \['cho', 'yang'\]"),
    Row("id-misspelt-document", lambda c, f: c["yng"],
        E.UnknownDocument, r"no document 'yng' in this corpus\. Did you mean 'yang'\?"),
    Row("bank-misspelt-id", lambda c, f: kit.quiz("01_close_reding"),
        E.UnknownQuestion, r"no question bank '01_close_reding'\. Did you mean '01_close_reading'\?"),
    # Cho has 3 paragraphs (5, 6 and 8 sentences): there is no paragraph 9
    Row("id-unknown-sentence", lambda c, f: c.sentence("cho 9.1"),
        E.UnknownSentence, r"no sentence 'cho 9\.1' in 'cho'.*¶3: 8"),
    Row("id-sentence-of-unknown-document", lambda c, f: c.sentence("kim 1.1"),
        E.UnknownSentence, r"'kim 1\.1' does not name a document of this corpus"),
    Row("id-sentence-not-a-string", lambda c, f: c["cho"].sentence(3.3),
        E.WrongType, r"sentence id is a string such as 'cho 1\.1', not 3\.3"),
    Row("id-unknown-term", lambda c, f: kit.dispersion(c, ["zzzqqq"]),
        E.UnknownTerm, r"None of \['zzzqqq'\] occurs"),
    Row("id-unknown-actor", lambda c, f: kit.actors(c, select=["Mars"]),
        E.UnknownActor, r"'Mars' is not an actor in the gazetteer"),
    Row("id-unknown-reference-annotation", lambda c, f: kit.reference_annotations("kim"),
        E.UnknownDocument, r"reference annotation covers \['cho', 'yang'\], not 'kim'"),
    Row("id-unknown-argument-map", lambda c, f: kit.arguments("kim"),
        E.UnknownDocument, r"no argument map for 'kim'"),
    Row("id-unknown-comparison", lambda c, f: kit.compare_arguments("nope"),
        E.UnknownQuestion, r"no comparison question 'nope'"),
    Row("id-unknown-exercise", lambda c, f: kit.exercise("99.9"),
        E.UnknownExercise, r"no exercise '99\.9'"),
    Row("id-check-unknown-exercise", lambda c, f: kit.check_exercise("99.9", 3),
        E.UnknownExercise, r"no exercise '99\.9'"),
    # --- question banks -------------------------------------------------------------------
    Row("bank-unknown-id", lambda c, f: kit.load_bank("99_nope"),
        E.UnknownQuestion, r"no question bank '99_nope'.*'00_start_here'"),
    Row("bank-not-a-name", lambda c, f: kit.load_bank(3),
        E.WrongType, r"load_bank\(\) takes a bank id"),
    Row("bank-missing-file", lambda c, f: kit.load_bank(f.tmp / "nothere.yaml"),
        E.TextNotFound, r"No question bank file at"),
    Row("bank-question-without-cites", lambda c, f: kit.load_bank(_bank(f, BANK_WITHOUT_CITES)),
        E.QuestionBankError, r"my_bank\.yaml: question 'q1', field 'cites'"),
    Row("bank-yaml-syntax", lambda c, f: kit.load_bank(_bank(f, BANK_BAD_YAML)),
        E.QuestionBankError, r"my_bank\.yaml: YAML syntax error at line 2"),
    Row("bank-quiz-unknown-id", lambda c, f: kit.quiz("99_nope"),
        E.UnknownQuestion, r"no question bank '99_nope'"),
    Row("bank-answer_key-unknown-id", lambda c, f: kit.answer_key("99_nope"),
        E.UnknownQuestion, r"no question bank '99_nope'"),
    # --- progress store -------------------------------------------------------------------
    Row("store-export-to-missing-folder", lambda c, f: kit.export_progress(f.tmp / "no" / "p.csv"),
        E.StoreError, r"folder .*no' does not exist.*Create the folder first"),
    Row("store-folder-is-a-file", lambda c, f: _record_under_a_file(f),
        E.StoreError, r"Cannot create the folder .*KIT_PROGRESS_DIR"),
    Row("store-export-not-csv", lambda c, f: kit.export_progress(f.tmp / "progress.pdf"),
        E.InvalidArgument, r"writes a CSV table, but 'progress.pdf' does not end in \.csv"),
    Row("store-export-inside-a-file", lambda c, f: kit.export_progress(f.write("afile", b"x") / "p.csv"),
        E.StoreError, r"afile' is a file, not a folder"),
    Row("store-export-wrong-type", lambda c, f: kit.export_progress(5),
        E.WrongType, r"takes a file name such as 'my_progress.csv', not a int"),
    Row("store-progress-bank-wrong-type", lambda c, f: kit.progress(bank=5),
        E.WrongType, r"progress\(bank=\.\.\.\) takes a bank id"),
    Row("type-load_annotations-number", lambda c, f: kit.load_annotations(5),
        E.WrongType, r"load_annotations\(doc_id=\.\.\.\) takes a string such as 'cho', not 5"),
]


def _unreadable(files: Files):
    """A chmod-000 file.  Root may read it anyway, so there ``open`` is made to refuse."""
    from unittest import mock

    path = files.write("secret.txt", b"Some text.")
    path.chmod(0)
    try:
        if os.geteuid() != 0:
            return kit.load_text(path)

        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied", str(path))

        with mock.patch("kit.files.textfile.open", refuse, create=True):
            return kit.load_text(path)
    finally:
        path.chmod(0o644)


def _fifo(files: Files):
    path = files.tmp / "pipe.txt"
    os.mkfifo(path)
    return kit.load_text(path)


def _loop(files: Files):
    a, b = files.tmp / "a.txt", files.tmp / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    return kit.load_text(a)


def _dangling(files: Files):
    link = files.tmp / "link.txt"
    link.symlink_to(files.tmp / "gone.txt")
    return kit.load_text(link)


def _plot(call):
    import matplotlib

    matplotlib.use("Agg")
    return call()


# Robustness rows (issue 12): one row per option of the reading, loading, counting and
# plotting functions, with the value a student might type.
ROWS += [
    # --- paths ---------------------------------------------------------------------------
    Row("path-no-permission", lambda c, f: _unreadable(f),
        E.NoPermission, r"secret\.txt' exists, but you may not read it"),
    Row("path-name-too-long", lambda c, f: kit.load_text(f.tmp / ("a" * 300 + ".txt")),
        E.InvalidArgument, r"too long for this system"),
    Row("path-unknown-user", lambda c, f: kit.load_text("~nouser_zz/x.txt"),
        E.TextNotFound, r"'~nouser_zz/x\.txt' starts with '~' and a user name"),
    Row("path-dev-zero", lambda c, f: kit.load_text("/dev/zero"),
        E.NotAFile, r"'/dev/zero' is a device"),
    Row("path-dev-null", lambda c, f: kit.load_text("/dev/null"),
        E.NotAFile, r"'/dev/null' is a device"),
    Row("path-fifo", lambda c, f: _fifo(f),
        E.NotAFile, r"pipe\.txt' is a named pipe \(FIFO\)"),
    Row("path-symlink-loop", lambda c, f: _loop(f),
        E.NotAFile, r"a\.txt' is a symbolic link that leads back to itself"),
    Row("path-dangling-symlink", lambda c, f: _dangling(f),
        E.TextNotFound, r"No file at .*link\.txt' \(it is a link to a file that is gone\)"),
    Row("path-nul-in-name", lambda c, f: kit.load_text("my\x00essay.txt"),
        E.InvalidArgument, r"not a file name the system accepts"),
    # --- encodings -------------------------------------------------------------------------
    Row("encoding-rot13", lambda c, f: kit.load_text("Some text.", encoding="rot13"),
        E.InvalidArgument, r"encoding='rot13'\): not a text encoding"),
    Row("encoding-not-a-string", lambda c, f: kit.load_text("Some text.", encoding=8),
        E.InvalidArgument, r"encoding=8\): not a text encoding"),
    # --- load_text's options -----------------------------------------------------------------
    Row("type-load_text-title", lambda c, f: kit.load_text("A text.", title=5),
        E.WrongType, r"load_text\(title=5\): title must be text in quotes, e\.g\. .*title='My essay'"),
    Row("type-load_text-id", lambda c, f: kit.load_text("A text.", id=5),
        E.WrongType, r"load_text\(id=5\)"),
    Row("type-load_text-author", lambda c, f: kit.load_text("A text.", author=["me"]),
        E.WrongType, r"load_text\(author=\['me'\]\)"),
    Row("type-load_text-unwrap", lambda c, f: kit.load_text("A text.", unwrap="no"),
        E.WrongType, r"load_text\(unwrap='no'\): unwrap is True or False"),
    Row("type-load_text-abbreviations", lambda c, f: kit.load_text("A text.", abbreviations=5),
        E.WrongType, r"load_text\(abbreviations=5\): give a list of abbreviations"),
    Row("option-load_text-body-out-of-range", lambda c, f: kit.load_text("One.\nTwo.", body="1-9"),
        E.InvalidArgument, r"body: line 9 is out of range; the text has 2 lines"),
    Row("option-load_text-front-marker", lambda c, f: kit.load_text("One.\nTwo.", front={"start": "Zzz"}),
        E.InvalidArgument, r"start marker 'Zzz' is on no line"),
    Row("type-load_text-back", lambda c, f: kit.load_text("One.\nTwo.", back=2.5),
        E.WrongType, r"back_matter: lines are a list of numbers"),
    # --- tokens --------------------------------------------------------------------------------
    Row("type-tokens-case_sensitive", lambda c, f: kit.tokens("A b.", case_sensitive="no"),
        E.WrongType, r"tokens\(case_sensitive='no'\): case_sensitive is True or False"),
    Row("type-tokens-stem", lambda c, f: kit.tokens("A b.", stem="yes"),
        E.WrongType, r"tokens\(stem='yes'\)"),
    Row("type-tokens-keep_punct", lambda c, f: kit.tokens("A b.", keep_punct=1),
        E.WrongType, r"tokens\(keep_punct=1\)"),
    Row("type-tokens-split_hyphens", lambda c, f: kit.tokens("A b.", split_hyphens="true"),
        E.WrongType, r"tokens\(split_hyphens='true'\)"),
    # --- kwic and highlight ------------------------------------------------------------------
    Row("type-kwic-case_sensitive", lambda c, f: kit.kwic(c, "china", case_sensitive="no"),
        E.WrongType, r"kwic\(case_sensitive='no'\): case_sensitive is True or False \(no quotes\)"),
    Row("type-kwic-regex", lambda c, f: kit.kwic(c, "china", regex="yes"),
        E.WrongType, r"kwic\(regex='yes'\)"),
    Row("type-kwic-window-str", lambda c, f: kit.kwic(c, "china", window="6"),
        E.WrongType, r"kwic\(window='6'\): give the number without quotes"),
    Row("option-kwic-window-huge", lambda c, f: kit.kwic(c, "china", window=10**6),
        E.InvalidArgument, r"window=1000000\): use a whole number from 1 to 100"),
    Row("option-kwic-regex-too-slow", lambda c, f: kit.kwic(kit.load_text("x " + "a" * 3000 + "c."),
                                                            "(a|aa)+b", regex=True),
        E.QueryTooSlow, r"took more than .* s and was stopped"),
    Row("type-highlight-case_sensitive", lambda c, f: kit.highlight(c["cho"], "china", case_sensitive="no"),
        E.WrongType, r"highlight\(case_sensitive='no'\)"),
    Row("type-highlight-query", lambda c, f: kit.highlight(c["cho"], 5),
        E.WrongType, r"query must be a word or a list of words"),
    Row("type-highlight-colors", lambda c, f: kit.highlight(c["cho"], "china", colors=5),
        E.WrongType, r"colors= takes a list of colours"),
    # --- actors and stance ---------------------------------------------------------------------
    Row("type-actors-select", lambda c, f: kit.actors(c, select=5),
        E.WrongType, r"actors\(select=5\): give a word or a list of words, e\.g\. .*select=\['China'"),
    Row("option-actors-by", lambda c, f: kit.actors(c, by="sentence"),
        E.InvalidArgument, r"actors\(by='sentence'\) is not an option\. Use one of: None, 'doc'"),
    Row("type-actors-include_back_matter", lambda c, f: kit.actors(c, include_back_matter="yes"),
        E.WrongType, r"actors\(include_back_matter='yes'\)"),
    Row("type-actors-exclude", lambda c, f: kit.actors(c, exclude=5),
        E.WrongType, r"actors\(exclude=5\)"),
    # --- counting ------------------------------------------------------------------------------
    Row("type-frequencies-case_sensitive", lambda c, f: kit.frequencies(c, case_sensitive="no"),
        E.WrongType, r"frequencies\(case_sensitive='no'\)"),
    Row("type-frequencies-stem", lambda c, f: kit.frequencies(c, stem="yes"),
        E.WrongType, r"frequencies\(stem='yes'\)"),
    Row("type-frequencies-split_hyphens", lambda c, f: kit.frequencies(c, split_hyphens=1),
        E.WrongType, r"frequencies\(split_hyphens=1\)"),
    Row("type-frequencies-min_count", lambda c, f: kit.frequencies(c, min_count="2"),
        E.WrongType, r"frequencies\(min_count='2'\): give the number without quotes"),
    Row("type-frequencies-stopwords", lambda c, f: kit.frequencies(c, stopwords=5),
        E.WrongType, r"stopwords=5 is a int"),
    Row("type-ngrams-case_sensitive", lambda c, f: kit.ngrams(c, case_sensitive="no"),
        E.WrongType, r"ngrams\(case_sensitive='no'\)"),
    Row("option-collocations-window", lambda c, f: kit.collocations(c, window=1),
        E.InvalidArgument, r"collocations\(window=1\): use a whole number from 2 to 20"),
    Row("type-collocations-top", lambda c, f: kit.collocations(c, top="5"),
        E.WrongType, r"collocations\(top='5'\): give the number without quotes"),
    Row("type-dispersion-split_hyphens", lambda c, f: kit.dispersion(c, "china", split_hyphens="no"),
        E.WrongType, r"dispersion\(split_hyphens='no'\)"),
    # --- plots and widgets -----------------------------------------------------------------------
    Row("type-plot_frequencies-top-str", lambda c, f: _plot(lambda: kit.plot_frequencies(kit.frequencies(c), top="10")),
        E.WrongType, r"plot_frequencies\(top='10'\): give the number without quotes"),
    Row("option-plot_frequencies-top-negative", lambda c, f: _plot(lambda: kit.plot_frequencies(kit.frequencies(c), top=-5)),
        E.InvalidArgument, r"plot_frequencies\(top=-5\): use a whole number from 1 to 100"),
    Row("option-plot_frequencies-value", lambda c, f: _plot(lambda: kit.plot_frequencies(kit.frequencies(c), value="x")),
        E.InvalidArgument, r"plot_frequencies\(value='x'\) is not an option. Use one of: 'per_1000', 'count'"),
    Row("type-plot_frequencies-ax", lambda c, f: _plot(lambda: kit.plot_frequencies(kit.frequencies(c), ax=5)),
        E.WrongType, r"plot_frequencies\(ax=5\): ax is a matplotlib Axes or None"),
    Row("option-plot_keyness-top-zero", lambda c, f: _plot(lambda: kit.plot_keyness(kit.keyness(c["cho"], c["yang"]), top=0)),
        E.InvalidArgument, r"plot_keyness\(top=0\)"),
    Row("type-plot_actors-ax", lambda c, f: _plot(lambda: kit.plot_actors(kit.actors(c, by="doc"), ax="left")),
        E.WrongType, r"plot_actors\(ax='left'\)"),
    Row("type-kwic_explorer-query", lambda c, f: kit.kwic_explorer(c, query=5),
        E.WrongType, r"kwic_explorer\(query=5\): query must be text in quotes"),
    Row("option-kwic_explorer-window", lambda c, f: kit.kwic_explorer(c, window=500),
        E.InvalidArgument, r"kwic_explorer\(window=500\): use a whole number from 1 to 20"),
    Row("type-Corpus-int", lambda c, f: kit.Corpus([5]),
        E.WrongType, r"Corpus\(\) takes a list of documents"),
]


def _record_under_a_file(files: Files):
    """KIT_PROGRESS_DIR names a file, so the store's folder cannot be made."""
    import os

    from kit.assessment.log import record_attempt

    blocker = files.write("not_a_folder", b"x")
    os.environ["KIT_PROGRESS_DIR"] = str(blocker / "inside")  # conftest's monkeypatch restores it
    record_attempt(quiz="q", question="x", response="a", status="correct", attempt=1, score=1.0)


def test_table_is_broad():
    assert len(ROWS) >= 25
    kinds = {row.id.split("-")[0] for row in ROWS}
    assert kinds == {"path", "encoding", "size", "type", "option", "id", "bank", "store"}
    assert len({row.id for row in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_bad_input_gives_clear_kit_error(row, corpus, tmp_path):
    with pytest.raises(E.KitError) as caught:
        row.call(corpus, Files(tmp_path))
    exc = caught.value
    assert type(exc) is row.error, f"{row.id}: {type(exc).__name__} instead of {row.error.__name__}: {exc}"
    assert re.search(row.message, str(exc), re.S), f"{row.id}: message does not name the problem: {exc}"


def test_nltk_stopwords_missing_is_clear():
    try:
        import nltk

        nltk.data.find("corpora/stopwords")
    except LookupError:
        pass
    else:  # a machine that has NLTK's data installed by hand
        pytest.skip("NLTK's stopwords are installed here; the error cannot occur")
    with pytest.raises(E.ResourceUnavailable, match=r"NLTK's stopword list is not installed.*never downloads"):
        kit.tokens("a b", stopwords="nltk")


# Student answers of the wrong type get a friendly hint, not an exception.
def _first_numeric_question():
    return next(q for q in kit.load_bank("00_start_here").questions if q.type == "numeric")


HINTS = [
    ("exercise-wrong-type", lambda: kit.check_exercise("01.1", object()), r"Give your answer as"),
    ("exercise-not-answered", lambda: kit.check_exercise("01.1", ...), r"not answered yet"),
    ("quiz-number-as-word", lambda: kit.check(_first_numeric_question(), "five"), r"'five' is not a number"),
]


@pytest.mark.parametrize("make, hint", [(m, h) for _, m, h in HINTS], ids=[i for i, _, _ in HINTS])
def test_wrong_type_answer_gets_a_hint_not_an_exception(make, hint, capsys):
    result = make()
    shown = str(result) + capsys.readouterr().out
    assert re.search(hint, shown), shown
    assert not getattr(result, "correct", False)


def test_network_is_blocked_for_the_suite():
    # No packet is sent: the guard refuses before connecting (conftest.py at the top of the repository).
    assert socket.socket.connect.__name__ == "_guarded_connect"
    assert socket.create_connection.__name__ == "_guarded_create_connection"
