"""What tests in every folder share: the repository's paths, documents made from a string,
and golden files (the `golden` fixture in tests/conftest.py compares with them)."""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Mapping
from pathlib import Path

from quizgen.models import Document

ROOT = Path(__file__).resolve().parents[1]
TEST_ROOTS = ROOT / "tests" / "roots"  # small input projects of our own, one folder a case
SMALL_BANK = TEST_ROOTS / "bank-small" / "bank.json"
GOLDEN = ROOT / "tests" / "golden"
UPDATE_FLAG = "--update-goldens"


def make_doc(text: str, name: str = "sample.txt") -> Document:
    """A Document made from `text` as if read from a file called `name` (.txt, .md, .html),
    by the real reader and cleaner."""
    from quizgen.ingest.clean import clean
    from quizgen.ingest.readers import choose_reader

    data = text.encode("utf-8")
    reader = choose_reader(Path(name), data[:4096])
    return clean(reader.read(name, data, None))


def check_golden(suite: str, case: str, files: Mapping[str, str], update: bool = False) -> None:
    """`files` (relative name -> text) are exactly the files of tests/golden/<suite>/<case>/.

    With `update` the folder is rewritten from `files` first: run
    `pytest --update-goldens ...` after an intended change and review the diff.
    """
    folder = GOLDEN / suite / case
    if update:
        shutil.rmtree(folder, ignore_errors=True)
        for name, text in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(text.encode("utf-8"))
    expected = {
        p.relative_to(folder).as_posix(): p.read_bytes().decode("utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
    hint = f"if intended, refresh with: pytest {UPDATE_FLAG} (then review the diff)"
    assert sorted(files) == sorted(expected), f"{suite}/{case}: other files than golden; {hint}"
    for name, text in files.items():
        if text != expected[name]:
            diff = "".join(
                list(
                    difflib.unified_diff(
                        expected[name].splitlines(True), text.splitlines(True), "golden", "now"
                    )
                )[:40]
            )
            raise AssertionError(f"{suite}/{case}/{name} changed; {hint}\n{diff}")
