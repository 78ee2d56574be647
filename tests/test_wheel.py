"""The wheel works on its own: built from the tree, installed (not editable) into a fresh
virtualenv with its dependencies, it builds the sample from a folder outside the checkout.

This is the CI step for `pip install .`: templates/, the rules and the schema must ship in
the wheel, and nothing may be read from the checkout. It needs the package index pip is
configured with (or its cache), and takes about a minute.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "town-government.md"
# What setup.py and pyproject.toml build the wheel from.
PROJECT_FILES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "quizgen", "templates")


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, f"{' '.join(map(str, command))}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a copy of the project files (the build leaves no build/ in the tree)."""
    source = tmp_path_factory.mktemp("source")
    for name in PROJECT_FILES:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name,
                source / name,
                ignore=shutil.ignore_patterns("__pycache__", "_templates"),
            )
        else:
            shutil.copy2(ROOT / name, source / name)
    wheels = tmp_path_factory.mktemp("wheels")
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, source, cwd=source)
    (built,) = wheels.glob("quizgen-*.whl")
    return built


def test_the_wheel_carries_every_data_file_the_package_reads(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        f"quizgen/_templates/{p.relative_to(ROOT / 'templates').as_posix()}"
        for p in (ROOT / "templates").rglob("*")
        if p.is_file()
    }
    data = {
        p.relative_to(ROOT).as_posix()
        for folder in ("rules", "schemas")
        for p in (ROOT / "quizgen" / folder).rglob("*")
        if p.is_file()
    }
    assert shipped and data
    assert shipped | data <= names, sorted((shipped | data) - names)


@pytest.mark.slow
def test_installed_wheel_builds_the_sample_from_another_folder(wheel, tmp_path):
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")
    }
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")  # a cold build, not one from this suite
    run(venv / "bin" / "python", "-m", "pip", "install", "-q", wheel, cwd=tmp_path, env=env)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = run(
        venv / "bin" / "python",
        "-c",
        "import quizgen; print(quizgen.__file__)",
        cwd=elsewhere,
        env=env,
    )
    assert Path(where.strip()).is_relative_to(venv), where
    run(venv / "bin" / "quizgen", "build", SAMPLE, "--out", "out", cwd=elsewhere, env=env)

    out = elsewhere / "out" / "town-government"
    bank = json.loads((out / "bank.json").read_text(encoding="utf-8"))
    assert len(bank["questions"]) > 20
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert {
        "bank.json",
        "town-government-anki.apkg",
        "worksheet/town-government-A.html",
        "worksheet/town-government-A.pdf",
        "worksheet/town-government-A-key.pdf",
        "town-government-qti21.zip",
        "town-government-moodle.xml",
    } <= written, sorted(written)
    # The worksheet was rendered from the shipped templates, print CSS included.
    page = (out / "worksheet" / "town-government-A.html").read_text(encoding="utf-8")
    css = (ROOT / "templates" / "worksheet" / "print.css").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and css.splitlines()[0] in page
