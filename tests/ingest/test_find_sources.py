"""Folder expansion: readings only, in a stable order; a file named explicitly is always read."""

from pathlib import Path

import pytest

from quizgen.errors import IngestError
from quizgen.ingest import find_sources

READING = "The towers were tall.\n"


def make_files(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(READING)


@pytest.mark.parametrize(
    "name, read",
    [
        ("towers.txt", True),
        ("chapters/keepers.md", True),
        ("Notebook.md", True),  # only the word itself, or followed by '.', '-' or '_'
        ("readmes-of-the-coast.md", True),
        ("licensed-pilots.txt", True),
        ("README.md", False),
        ("readme.txt", False),
        ("NOTES.md", False),
        ("notes_2024.txt", False),
        ("CHANGELOG.md", False),
        ("LICENSE", False),  # no suffix: not a supported file anyway
        ("LICENSE-MIT.txt", False),
        ("License.md", False),
        ("chapters/NOTES.md", False),
        (".draft.md", False),
        (".archive/old.md", False),
        ("sub/.hidden/old.txt", False),
    ],
)
def test_folder_expansion_skips_files_that_are_not_readings(tmp_path, name, read):
    make_files(tmp_path, ["anchor.txt", name])
    found = [p.relative_to(tmp_path).as_posix() for p in find_sources([tmp_path])]
    assert found == sorted(["anchor.txt", name] if read else ["anchor.txt"])


def test_a_file_named_explicitly_is_always_read(tmp_path):
    make_files(tmp_path, ["NOTES.md", ".draft.md", "README.txt"])
    given = [tmp_path / "NOTES.md", tmp_path / ".draft.md", tmp_path / "README.txt"]
    assert find_sources(given) == given


def test_a_hidden_folder_named_explicitly_is_expanded(tmp_path):
    make_files(tmp_path, [".corpus/towers.txt", ".corpus/README.md"])
    assert find_sources([tmp_path / ".corpus"]) == [tmp_path / ".corpus" / "towers.txt"]


def test_a_folder_of_notes_only_says_what_it_skipped(tmp_path):
    make_files(tmp_path, ["README.md", "NOTES.txt"])
    with pytest.raises(
        IngestError, match="no supported files.*skipped 2 notes, readme or hidden files"
    ):
        find_sources([tmp_path])


def test_failures_are_collected_and_other_paths_still_read(tmp_path):
    make_files(tmp_path, ["towers.txt", "empty/README.md"])
    failures: list[str] = []
    found = find_sources(
        [tmp_path / "empty", tmp_path / "missing", tmp_path / "towers.txt"], failures
    )
    assert found == [tmp_path / "towers.txt"]
    assert len(failures) == 2 and "empty" in failures[0] and "missing" in failures[1]


CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present at ../shared/corpus")
def test_the_corpus_folder_yields_documents_not_its_notes():
    found = find_sources([CORPUS])
    assert found and all(not p.name.upper().startswith("NOTES") for p in found)
