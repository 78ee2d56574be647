"""The one atomic writer and the one zip writer."""

from __future__ import annotations

import io
import zipfile

import pytest

from quizgen.util.files import ZIP_TIME, atomic_path, write_text, write_zip, zip_bytes


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = write_text(tmp_path / "out" / "bank.json", "old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in target.parent.iterdir()] == ["bank.json"]


def test_written_files_are_readable_by_others(tmp_path):
    target = write_text(tmp_path / "sheet.html", "<p>x</p>")
    assert target.stat().st_mode & 0o044  # mkstemp alone would make it 0600


def test_the_same_files_give_the_same_zip_bytes_in_their_order(tmp_path):
    files = {"imsmanifest.xml": b"<manifest/>", "items/q-1.xml": b"<item/>"}
    first = zip_bytes(files)
    assert first == zip_bytes(dict(files))
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.namelist() == list(files)
        assert {info.date_time for info in archive.infolist()} == {ZIP_TIME}
        assert archive.read("items/q-1.xml") == b"<item/>"
    written = write_zip(tmp_path / "package.zip", files)
    assert written.read_bytes() == first
