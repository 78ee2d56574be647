"""The hostile-input suite: each case runs the real `quizgen` command in a child process
under a memory and time budget that the test enforces, so a regression fails instead of
filling the machine or hanging CI.

The child runs under a small Python wrapper that sets an address-space limit (the hard
stop), runs the command and reports the command's peak resident memory and CPU time
from the kernel's own accounting (`getrusage`); the test then checks them against the
budget the issue states: one clear line within 10 s of CPU and under 500 MB.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

QUIZGEN = Path(sys.executable).parent / "quizgen"
MEMORY_BUDGET_MB = 500
CPU_BUDGET_S = 10.0
HARD_MEMORY_LIMIT = 4 << 30  # a runaway child stops here instead of taking the machine
HANG_LIMIT_S = 120

WRAPPER = """
import json, resource, subprocess, sys
limit = int(sys.argv[1])
def cap():
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
done = subprocess.run(sys.argv[2:], preexec_fn=cap, capture_output=True, text=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": done.returncode, "stdout": done.stdout, "stderr": done.stderr,
                  "peak_mb": usage.ru_maxrss / 1024, "cpu_s": usage.ru_utime + usage.ru_stime}))
"""


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str
    peak_mb: float
    cpu_s: float

    def within_budget(self) -> bool:
        return self.peak_mb < MEMORY_BUDGET_MB and self.cpu_s < CPU_BUDGET_S

    def one_line_error(self, *expected: str) -> bool:
        """Exit 1 and exactly one stderr line, starting 'quizgen: error: ' and holding each expected text."""
        lines = self.stderr.splitlines()
        return (
            self.code == 1
            and len(lines) == 1
            and lines[0].startswith("quizgen: error: ")
            and all(text in lines[0] for text in expected)
        )


def run_limited(*args: str | Path, cwd: Path, program: list[str] | None = None) -> Outcome:
    """`quizgen ARGS` (or `program ARGS`) in `cwd`, measured; fails the test past the hang limit."""
    program = program or [str(QUIZGEN)]
    command = [sys.executable, "-c", WRAPPER, str(HARD_MEMORY_LIMIT), *program, *map(str, args)]
    try:
        done = subprocess.run(
            command, cwd=cwd, capture_output=True, text=True, timeout=HANG_LIMIT_S
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"quizgen {' '.join(map(str, args))} still running after {HANG_LIMIT_S} s")
    assert done.returncode == 0, done.stderr
    return Outcome(**json.loads(done.stdout))
