"""The store's own learner id: made once, kept, shared by kernels, damaged files set aside."""
import multiprocessing
import os

import pytest

from kit.errors import StoreError
from kit.assessment.log import learner_id


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_PROGRESS_DIR", str(tmp_path / "store"))
    return tmp_path / "store"


def test_made_once_and_kept(folder):
    first = learner_id()
    assert len(first) == 12 and int(first, 16) >= 0
    assert learner_id() == first
    assert (folder / "learner_id").read_text().strip() == first


def test_two_stores_have_different_ids(tmp_path, monkeypatch):
    ids = set()
    for n in range(5):
        monkeypatch.setenv("KIT_PROGRESS_DIR", str(tmp_path / f"s{n}"))
        ids.add(learner_id())
    assert len(ids) == 5


def _id(path, queue):
    os.environ["KIT_PROGRESS_DIR"] = path
    queue.put(learner_id())


def test_two_processes_starting_at_once_agree(folder):
    queue = multiprocessing.get_context("fork").Queue()
    procs = [multiprocessing.get_context("fork").Process(target=_id, args=(str(folder), queue)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(20)
    assert len({queue.get(timeout=5) for _ in procs}) == 1


def test_a_damaged_id_is_set_aside_not_overwritten(folder):
    folder.mkdir(parents=True)
    (folder / "learner_id").write_text("not an id\n")
    with pytest.warns(UserWarning, match="does not hold a learner id"):
        new = learner_id()
    aside = [p for p in folder.iterdir() if p.name.startswith("learner_id.corrupt-")]
    assert len(aside) == 1 and aside[0].read_text() == "not an id\n"
    assert learner_id() == new


def test_a_file_in_the_way_is_a_clear_store_error(tmp_path, monkeypatch):
    (tmp_path / "plain").write_text("x")
    monkeypatch.setenv("KIT_PROGRESS_DIR", str(tmp_path / "plain" / "store"))
    with pytest.raises(StoreError, match="KIT_PROGRESS_DIR"):
        learner_id()
