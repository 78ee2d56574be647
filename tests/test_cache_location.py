"""The extraction cache lives in the user's cache folder unless `cache_dir` is set: a build run
from any folder leaves no `.cache/` there."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.config import Settings, user_cache_dir

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "town-government.md"


def test_default_cache_is_the_users_cache_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert Settings().cache_dir == user_cache_dir() == str(tmp_path / "xdg" / "quizgen")
    assert Settings(cache_dir="my-cache").cache_dir == "my-cache"


def test_a_build_leaves_no_cache_in_the_working_folder(monkeypatch, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    (work / "reading.md").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (work / "recipe.yaml").write_text(
        "title: T\nsources: [reading.md]\noutputs: [csv]\n", encoding="utf-8"
    )
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(work)
    result = CliRunner().invoke(app, ["build", "recipe.yaml", "--out", "out"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in work.iterdir()) == ["out", "reading.md", "recipe.yaml"]
    assert any((tmp_path / "xdg" / "quizgen").rglob("*")), (
        "the cache was written to the user's cache folder"
    )


def test_configured_cache_dir_is_used(monkeypatch, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    (work / "reading.md").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (work / "config.yaml").write_text(f"cache_dir: {tmp_path / 'mine'}\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(work)
    result = CliRunner().invoke(app, ["build", "reading.md", "--out", "out"])
    assert result.exit_code == 0, result.output
    assert any((tmp_path / "mine").rglob("*")) and not (tmp_path / "xdg").exists()


def test_a_missing_document_is_one_line_without_earlier_outputs(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["build", "missing.md"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "quizgen: error: missing.md: no such file or folder"
    ]
