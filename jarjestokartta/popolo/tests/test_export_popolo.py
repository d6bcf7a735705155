"""manage.py export_popolo: the operator's full dump, streamed to a file or standard output."""

import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from jarjestokartta.popolo.exporter import export_document, iter_records
from jarjestokartta.popolo.management.commands import export_popolo

pytestmark = pytest.mark.django_db


def test_it_writes_the_whole_document_to_a_file(tmp_path, demo):
    path = tmp_path / "out.json"
    err = io.StringIO()
    call_command("export_popolo", str(path), stderr=err)
    document = export_document()
    assert json.loads(path.read_text(encoding="utf-8")) == document
    assert not (tmp_path / "out.json.partial").exists()
    counts = ", ".join(f"{len(items)} {name}" for name, items in document.items())
    assert err.getvalue() == f"Exported {counts} to {path}.\n"
    assert len(document["memberships"]) > 0 and any(not p["public"] for p in document["persons"])


def test_it_writes_the_same_document_to_standard_output(demo):
    out, err = io.StringIO(), io.StringIO()
    call_command("export_popolo", "-", stdout=out, stderr=err)
    assert json.loads(out.getvalue()) == export_document()
    assert err.getvalue().endswith(" to standard output.\n")


@pytest.mark.parametrize("collection", ["organizations", "persons", "memberships"])
def test_records_read_in_many_chunks_are_the_same_records(demo, collection):
    expected = export_document()[collection]
    # The demo's records in many chunks (each with its nested lists read apart), the last short.
    chunk = next(size for size in range(3, 10) if len(expected) % size)
    assert len(expected) > 3 * chunk
    assert list(iter_records(collection, chunk_size=chunk)) == expected


def test_an_empty_database_exports_empty_collections(tmp_path):
    path = tmp_path / "empty.json"
    call_command("export_popolo", str(path), stderr=io.StringIO())
    document = json.loads(path.read_text(encoding="utf-8"))
    assert list(document) == ["areas", "organizations", "persons", "posts", "memberships", "events"]
    assert document == export_document()
    assert document["organizations"] == [] and document["areas"]  # the reference geography


def test_a_failed_export_leaves_no_partial_file_and_keeps_the_old_one(tmp_path, demo, monkeypatch):
    path = tmp_path / "out.json"
    path.write_text("the export of yesterday", encoding="utf-8")

    def broken(collection: str) -> Iterator[dict[str, Any]]:
        yield from iter_records(collection)
        if collection == "persons":
            raise RuntimeError("the database went away")

    monkeypatch.setattr(export_popolo, "iter_records", broken)
    with pytest.raises(RuntimeError, match="went away"):
        call_command("export_popolo", str(path), stderr=io.StringIO())
    assert path.read_text(encoding="utf-8") == "the export of yesterday"
    assert not (tmp_path / "out.json.partial").exists()


def test_it_says_when_it_cannot_write_and_leaves_nothing_behind(tmp_path, demo):
    with pytest.raises(CommandError, match=r"cannot write .*dir\.json: No such file"):
        call_command("export_popolo", str(tmp_path / "no" / "such" / "dir.json"))
    folder = tmp_path / "a folder"
    folder.mkdir()
    with pytest.raises(CommandError, match=r"cannot write .*a folder: Is a directory"):
        call_command("export_popolo", str(folder), stderr=io.StringIO())
    assert [p.name for p in tmp_path.iterdir()] == ["a folder"]


class RecordingBar:
    """Stands in for tqdm: remembers how it was set up and how far it got."""

    made: list["RecordingBar"] = []

    def __init__(self, total: int, unit: str, disable: bool | None) -> None:
        self.total, self.disable, self.done = total, disable, 0
        RecordingBar.made.append(self)

    def update(self, count: int = 1) -> None:
        self.done += count

    def __enter__(self) -> "RecordingBar":
        return self

    def __exit__(self, *exc: object) -> None:
        pass


@pytest.fixture
def bars(monkeypatch) -> list[RecordingBar]:
    RecordingBar.made = []
    monkeypatch.setattr(export_popolo, "tqdm", RecordingBar)
    monkeypatch.setattr(export_popolo, "PROGRESS_FROM", 100)  # the demo is a few hundred
    return RecordingBar.made


def test_a_file_target_shows_progress_over_every_record(tmp_path, demo, bars):
    call_command("export_popolo", str(tmp_path / "out.json"), stderr=io.StringIO())
    records = sum(len(items) for items in export_document().values())
    (bar,) = bars
    assert bar.disable is None  # shown, where stderr is a terminal
    assert bar.total == bar.done == records


@pytest.mark.parametrize("target", ["-", "file --no-progress"])
def test_standard_output_or_no_progress_shows_no_bar(tmp_path, demo, bars, target):
    args = ["-"] if target == "-" else [str(tmp_path / "out.json"), "--no-progress"]
    call_command("export_popolo", *args, stdout=io.StringIO(), stderr=io.StringIO())
    assert [bar.disable for bar in bars] == [True]


def test_a_small_export_shows_no_bar(tmp_path, demo, bars, monkeypatch):
    monkeypatch.setattr(export_popolo, "PROGRESS_FROM", 10_000)
    call_command("export_popolo", str(tmp_path / "out.json"), stderr=io.StringIO())
    assert [bar.disable for bar in bars] == [True]
