"""The whole build of the default recipe (decks/sample.yaml) against tests/golden/build/sample/:
every output file, as Pelican keeps the whole output of its sample site.

Binary outputs are compared by a stable text form: a zip by its members, the Anki package
by its notes, note types and decks, a PDF by its text (pdftotext). The bank's `built_at` is
the one value that changes from build to build. After an intended change:
    .venv/bin/python -m pytest tests/test_build_golden.py --update-goldens
and review the diff.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import pytest

from quizgen.build import build_recipe
from quizgen.config import Settings
from quizgen.recipe import load_recipe
from tests.helpers import ROOT

BUILT_AT = "2000-01-01T00:00:00Z"


def bank_text(path: Path) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["built_at"] = BUILT_AT
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def apkg_text(path: Path, tmp: Path) -> str:
    """An Anki package's collection as JSON: note types and decks by name, notes by GUID."""
    with zipfile.ZipFile(path) as archive:
        archive.extract("collection.anki2", tmp)
        media = archive.read("media").decode("utf-8")
    db = sqlite3.connect(tmp / "collection.anki2")
    try:
        models = json.loads(db.execute("select models from col").fetchone()[0])
        decks = json.loads(db.execute("select decks from col").fetchone()[0])
        notes = [
            {
                "guid": guid,
                "note_type": models[str(mid)]["name"],
                "fields": dict(
                    zip((f["name"] for f in models[str(mid)]["flds"]), fields.split("\x1f"))
                ),
                "tags": tags.split(),
                "cards": [
                    [ord_, decks[str(did)]["name"]]
                    for ord_, did in db.execute(
                        "select ord, did from cards where nid = ? order by ord", (nid,)
                    )
                ],
            }
            for nid, guid, mid, tags, fields in db.execute(
                "select id, guid, mid, tags, flds from notes order by guid"
            )
        ]
        note_types = {
            m["name"]: {
                "fields": [f["name"] for f in m["flds"]],
                "templates": [t["name"] for t in m["tmpls"]],
            }
            for m in models.values()
        }
    finally:
        db.close()
    described = {"note_types": note_types, "media": media, "notes": notes}
    return json.dumps(described, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def text_forms(out: Path, tmp: Path) -> dict[str, str]:
    """Every file under `out` as (relative name -> text); a zip's members under its name."""
    files: dict[str, str] = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        name = path.relative_to(out).as_posix()
        if path.name in {"bank.json", "candidates.json"}:  # banks: built_at set to one time
            files[name] = bank_text(path)
        elif path.suffix == ".apkg":
            files[name + ".json"] = apkg_text(path, tmp)
        elif path.suffix == ".pdf":
            files[name + ".txt"] = pdf_text(path)
        elif path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    files[f"{name}/{member}"] = archive.read(member).decode("utf-8")
        else:
            files[name] = path.read_text(encoding="utf-8")
    return files


@pytest.mark.slow
def test_the_sample_recipe_builds_the_golden_outputs(tmp_path, monkeypatch, golden):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    monkeypatch.chdir(ROOT)  # document paths in the bank are relative to the working folder
    recipe = load_recipe(Path("decks") / "sample.yaml")  # relative: paths in the bank are too
    result = build_recipe(recipe, tmp_path / "out", Settings(cache_dir=str(tmp_path / "cache")))
    assert result.ok, result.failures
    (built,) = (tmp_path / "out").iterdir()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    files = text_forms(built, scratch)
    assert {"bank.json", "sample-anki.apkg.json", "sample-qti21.zip/imsmanifest.xml"} <= set(files)
    golden("build", "sample", files)
