"""Bad input through the real CLI: one line on stderr naming the file and the problem, exit 1, no traceback."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "town-government.md"
QUIZGEN = Path(sys.executable).parent / "quizgen"
GOOD_TEXT = (
    "The council is the elected body that passes local laws and sets the budget of the town.\n"
)


def ingest(*args: str, cwd: Path):
    """`quizgen ingest ARGS` run in `cwd`, as a user would from that folder."""
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(app, ["ingest", *args])
    finally:
        os.chdir(old)


def scanned_pdf() -> bytes:
    weasyprint = pytest.importorskip("weasyprint")
    return weasyprint.HTML(
        string='<div style="width:6cm;height:3cm;background:#444"></div>'
    ).write_pdf()


# Each case: (what the folder holds, the argument given, the problem expected after "NAME: ").
CASES = {
    "missing path": ({}, "nowhere.md", "nowhere.md: no such file or folder"),
    "folder without supported files": (
        {"pictures/cover.png": b"\x89PNG\r\n\x1a\n"},
        "pictures",
        "pictures: no supported files in this folder",
    ),
    "empty file": ({"empty.md": b""}, "empty.md", "empty.md: the file is empty"),
    "blank file": ({"blank.txt": b"\n  \n"}, "blank.txt", "blank.txt: the file is empty"),
    "binary file": (
        {"photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20},
        "photo.txt",
        "photo.txt: binary file (NUL bytes), not a text document",
    ),
    "undecodable bytes": (
        {"garbled.txt": bytes(random.Random(3).choices(range(128, 256), k=3000))},
        "garbled.txt",
        "garbled.txt: undecodable bytes",
    ),
    "broken front matter": (
        {"essay.md": b"---\ntitle: Councils\nauthor: : Ruth\n---\n" + GOOD_TEXT.encode()},
        "essay.md",
        "essay.md:3: broken front matter: mapping values are not allowed here",
    ),
    "alias in front matter": (
        {"essay.md": b"---\na: &a [x, x]\nb: [*a, *a]\n---\n" + GOOD_TEXT.encode()},
        "essay.md",
        "essay.md:3: broken front matter: YAML aliases (*name) are not allowed",
    ),
    "alias in the config file": (
        {
            "notes.txt": GOOD_TEXT.encode(),
            "small.yaml": b"ingest: &i\n  max_file_mb: 1\nextract: *i\n",
        },
        "notes.txt",
        "small.yaml:3: invalid YAML: YAML aliases (*name) are not allowed",
    ),
    "unclosed front matter": (
        {"essay.md": b"---\ntitle: Councils\n" + GOOD_TEXT.encode()},
        "essay.md",
        "essay.md:1: broken front matter: no closing '---' line",
    ),
    "too little text": (
        {"short.txt": b"Hello.\n"},
        "short.txt",
        "short.txt: no usable text (6 characters after cleaning)",
    ),
    "not really a PDF": (
        {"paper.pdf": b"%PDF-1.7\nthis is not a PDF\n"},
        "paper.pdf",
        "paper.pdf: not a readable PDF",
    ),
    "over the size limit": (
        {"long.txt": GOOD_TEXT.encode() * 40, "small.yaml": b"ingest:\n  max_file_mb: 0.001\n"},
        "long.txt",
        "long.txt: file is 3.4 KiB, over the limit of 0.001 MiB (ingest.max_file_mb)",
    ),
}


def write_case(folder: Path, case: str) -> tuple[str, list[str], str]:
    """The case's files written in `folder`; (argument, options, problem expected)."""
    files, argument, problem = CASES[case]
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return argument, ["--config", "small.yaml"] if "small.yaml" in files else [], problem


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_one_line_naming_the_file(tmp_path, case):
    argument, options, problem = write_case(tmp_path, case)
    result = ingest(argument, *options, cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [result.stderr.strip()]  # one line
    assert result.stderr.startswith(f"quizgen: error: {problem}")
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no crash


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_building_bad_input_is_the_same_one_line(tmp_path, case):
    argument, options, problem = write_case(tmp_path, case)
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(app, ["build", argument, "--out", "out", *options])
    finally:
        os.chdir(old)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [result.stderr.strip()]  # one line
    assert result.stderr.startswith(f"quizgen: error: {problem}")
    assert not (tmp_path / "out").exists()  # nothing written


def test_pdf_without_text_layer(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(scanned_pdf())
    result = ingest("scan.pdf", cwd=tmp_path)
    assert (result.exit_code, result.stderr) == (
        1,
        "quizgen: error: scan.pdf: no text layer (scanned PDF?)\n",
    )


def test_the_size_limit_is_taken_from_the_config_file(tmp_path):
    (tmp_path / "long.txt").write_bytes(GOOD_TEXT.encode() * 40)  # 3.5 KB
    (tmp_path / "roomy.yaml").write_text("ingest:\n  max_file_mb: 1\n")
    assert ingest("long.txt", "--config", "roomy.yaml", cwd=tmp_path).exit_code == 0


def test_a_bad_config_file_is_one_line(tmp_path):
    (tmp_path / "notes.txt").write_text(GOOD_TEXT)
    (tmp_path / "config.yaml").write_text(
        "ingest:\n  max_file_mb: lots\n"
    )  # found without --config
    result = ingest("notes.txt", cwd=tmp_path)
    assert result.exit_code == 1
    assert (
        result.stderr
        == "quizgen: error: config.yaml:2: 'ingest.max_file_mb' is lots; allowed: a number\n"
    )


def test_one_bad_file_does_not_stop_a_batch(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a-good.md").write_text("# Councils\n\n" + GOOD_TEXT)
    (tmp_path / "docs" / "b-empty.txt").write_text("")
    (tmp_path / "docs" / "c-good.txt").write_text(GOOD_TEXT)
    (tmp_path / "docs" / "d-binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    result = ingest("docs", "missing.md", "--json", cwd=tmp_path)
    assert result.exit_code == 1
    read = [d["name"] for d in json.loads(result.stdout)["documents"]]
    assert read == ["a-good.md", "c-good.txt"]
    assert (
        result.stderr.splitlines()
        == [
            "quizgen: error: missing.md: no such file or folder",  # paths are checked before files are read
            f"quizgen: error: {Path('docs/b-empty.txt')}: the file is empty",
            f"quizgen: error: {Path('docs/d-binary.txt')}: binary file (NUL bytes), not a text document",
            "quizgen: 3 file(s) failed",
        ]
    )


def test_a_failed_build_leaves_earlier_outputs_alone(tmp_path):
    (tmp_path / "essay.md").write_bytes(b"---\ntitle: [Councils\n---\n" + GOOD_TEXT.encode())
    earlier = tmp_path / "out" / "essay" / "bank.json"
    earlier.parent.mkdir(parents=True)
    earlier.write_text('{"questions": ["from an earlier run"]}')
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(app, ["build", "essay.md", "--out", "out"])
    finally:
        os.chdir(old)
    assert result.exit_code == 1
    assert "essay.md:" in result.stderr and "broken front matter" in result.stderr
    assert earlier.read_text() == '{"questions": ["from an earlier run"]}'
    assert sorted(p.name for p in (tmp_path / "out").rglob("*")) == ["bank.json", "essay"]


# ---- the installed command ---------------------------------------------------------------------


def run_quizgen(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    if not QUIZGEN.exists():
        pytest.skip(f"the quizgen command is not installed beside {sys.executable}")
    return subprocess.run(
        [str(QUIZGEN), *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_installed_command_reports_bad_and_good_files_without_traceback(tmp_path):
    (tmp_path / "garbled.txt").write_bytes(bytes(random.Random(5).choices(range(128, 256), k=2000)))
    result = run_quizgen("ingest", str(SAMPLE), "garbled.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "town-government.md" in result.stdout
    assert (
        result.stderr
        == "quizgen: error: garbled.txt: undecodable bytes: not UTF-8, cp1252 or any other text encoding\n"
    )


def test_ingest_help_does_not_load_heavy_libraries():
    code = (
        "import sys\n"
        "from quizgen.cli import app\n"
        "try:\n"
        "    app(['ingest', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('spacy', 'trafilatura', 'pypdf', 'weasyprint', 'charset_normalizer') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert "Show what the cleaner made of each file" in result.stdout
    assert "HEAVY []" in result.stdout


def test_a_bad_option_value_is_one_line(tmp_path):
    bank = ROOT / "tests" / "roots" / "bank-small" / "bank.json"
    result = CliRunner().invoke(
        app, ["render", "csv", str(bank), "-o", str(tmp_path / "cards"), "-O", "deck=[Unit 3"]
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "quizgen: error: --option 'deck=[Unit 3': not a YAML value "
        "(expected ',' or ']', but got '<stream end>')"
    ]
    assert not (tmp_path / "cards").exists()


def test_an_alias_in_a_recipe_is_one_line(tmp_path):
    (tmp_path / "notes.txt").write_text(GOOD_TEXT)
    (tmp_path / "deck.yaml").write_text("sources: &s [notes.txt]\nextra: *s\n")
    result = CliRunner().invoke(
        app, ["build", str(tmp_path / "deck.yaml"), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"quizgen: error: {tmp_path / 'deck.yaml'}:2: invalid YAML: "
        "YAML aliases (*name) are not allowed"
    ]
