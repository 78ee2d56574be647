"""A build killed while it writes leaves the earlier outputs intact and no half-written file.

`quizgen build` runs in a subprocess into a folder that already holds a good build;
it is killed (SIGKILL, then SIGINT) as soon as a temporary output file appears.
Every file under a final name must then be the earlier file, byte for byte, or a
complete new one; after SIGINT no temporary file may be left either.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from test_cache import READING

ROOT = Path(__file__).resolve().parents[1]
QUIZGEN = (
    [sys.executable, "-c", "from quizgen.cli import main; main()"]
    if not (ROOT / ".venv" / "bin" / "quizgen").exists()
    else [str(ROOT / ".venv" / "bin" / "quizgen")]
)

pytestmark = pytest.mark.slow


def project(root: Path) -> list[str]:
    """Five readings, a recipe with a slow output (the worksheet PDFs) among fast ones, a config."""
    (root / "texts").mkdir(parents=True)
    for n in range(5):
        (root / "texts" / f"reading{n}.md").write_text(
            READING.replace("1833", str(1833 + n)), encoding="utf-8"
        )
    (root / "unit.yaml").write_text(
        "title: Tides\nsources: [texts]\noutputs:\n  gift: {}\n  anki: {}\n"
        "  worksheet: {versions: 2}\n  moodle: {}\n",
        encoding="utf-8",
    )
    (root / "config.yaml").write_text(
        f"cache_dir: {root / 'cache'}\nextract: {{pipeline: blank}}\n", encoding="utf-8"
    )
    return QUIZGEN + [
        "build",
        str(root / "unit.yaml"),
        "--out",
        str(root / "out"),
        "-c",
        str(root / "config.yaml"),
    ]


def snapshot(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def temporary(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*.tmp")]


def complete(path: Path) -> bool:
    """Whether a file is a whole output of its kind (what a half-written one is not)."""
    data = path.read_bytes()
    try:
        if path.suffix == ".json":
            json.loads(data)
        elif path.suffix in (".apkg", ".zip"):
            with zipfile.ZipFile(path) as package:
                return package.testzip() is None
        elif path.suffix == ".xml":
            etree.fromstring(data)
        elif path.suffix == ".pdf":
            return data.rstrip().endswith(b"%%EOF")
        elif path.suffix == ".html":
            return data.rstrip().lower().endswith(b"</html>")
        else:
            return data.endswith(b"\n")
    except (ValueError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return False
    return True


@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("interrupt")
    command = project(root)
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=root)
    assert done.returncode == 0, done.stderr
    return root, command


def kill_while_writing(
    command: list[str], out: Path, sig: int, cwd: Path
) -> subprocess.CompletedProcess:
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd
    )
    deadline = time.monotonic() + 240
    while not temporary(out):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("the build ended before it wrote a temporary file; nothing was interrupted")
        time.sleep(0.005)
    process.send_signal(sig)
    stdout, stderr = process.communicate(timeout=60)
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_a_killed_build_leaves_the_earlier_outputs_whole(first_build, sig):
    root, command = first_build
    out = root / "out"
    for leftover in temporary(out):  # from the previous parameter's SIGKILL
        leftover.unlink()
    before = snapshot(out)
    assert before and all(complete(p) for p in before)
    # A changed source makes every output different, so an early replacement would show.
    (root / "texts" / "reading0.md").write_text(
        READING.replace("Tides", f"Tides {sig}"), encoding="utf-8"
    )

    run = kill_while_writing(command, out, sig, root)

    assert run.returncode != 0
    after = snapshot(out)
    finals = {p for p in after if p.suffix != ".tmp"}
    assert finals == set(before), "an output appeared or vanished"
    for path in sorted(finals):
        assert after[path] == before[path] or complete(path), (
            f"{path.relative_to(out)} is half-written"
        )
    if sig == signal.SIGINT:
        assert not temporary(out), "an interrupted build left temporary files"
        assert "Traceback" not in run.stderr, run.stderr
