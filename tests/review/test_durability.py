"""The review file survives a killed server, a killed build and a crash mid-save; a
hand-edited file with a mistake stops the build with one line naming the file and line."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

import httpx
import pytest

from quizgen.review.decisions import Decision, load_decisions, save_decisions

from .project import ROOT, make_project

SMALL = ROOT / "tests" / "roots" / "bank-small" / "bank.json"
FACT = "0123456789abcdef01234567"


def test_a_crash_while_saving_leaves_the_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "unit.review.yaml"
    save_decisions(path, {"mc-1": Decision(status="approved", fact=FACT)})
    before = path.read_bytes()

    def crash(*args):
        raise KeyboardInterrupt  # the process dies between writing and renaming

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        save_decisions(path, {"mc-2": Decision(status="rejected", fact=FACT)})
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["unit.review.yaml"]  # no temporary left


def test_a_killed_review_server_leaves_a_whole_file(tmp_path):
    bank = tmp_path / "bank.json"
    shutil.copy(SMALL, bank)
    review_file = tmp_path / "bank.review.yaml"
    server = subprocess.Popen(
        [sys.executable, "-m", "quizgen", "review", str(bank), "--no-browser"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        url = next(m.group(1) for line in server.stdout if (m := re.search(r"open (\S+)", line)))
        client = httpx.Client(follow_redirects=True)
        listing = client.get(url).text
        csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', listing).group(1)
        base = url.split("/review/")[0]
        ids = re.findall(r'data-id="([^"]+)"', listing)
        acknowledged: dict[str, int] = {}  # question id -> version the server said it saved
        answers: list[int] = []

        def keep_deciding() -> None:  # approve, reject, approve... until the server is gone
            while True:
                for qid in ids:
                    version = acknowledged.get(qid, 0)
                    action = "reject" if version % 2 else "approve"
                    try:
                        response = client.post(
                            f"{base}/review/q/{qid}/decide",
                            data={"csrf": csrf, "version": str(version), "action": action},
                            follow_redirects=False,
                        )
                    except httpx.TransportError:
                        return
                    answers.append(response.status_code)
                    acknowledged[qid] = version + 1

        worker = threading.Thread(target=keep_deciding)
        worker.start()
        while len(answers) < 3 * len(ids):
            time.sleep(0.01)
        server.send_signal(signal.SIGKILL)  # in the middle of a run of saves
        worker.join()
    finally:
        server.kill()
        server.wait()
    assert set(answers) == {303}
    decisions = load_decisions(review_file)  # whole and valid YAML
    for qid, version in acknowledged.items():
        # what was acknowledged is there; the save the kill interrupted may or may not be
        assert decisions[qid].version in (version, version + 1)
        assert decisions[qid].status == ("approved" if decisions[qid].version % 2 else "rejected")


def test_a_killed_build_keeps_the_review_file_and_earlier_outputs(tmp_path):
    project = make_project(tmp_path / "project")
    candidates = json.loads(bank_of(project))["questions"]
    decided = {q["id"]: Decision(status="approved", fact=FACT) for q in candidates[:3]}
    save_decisions(project.review_file, decided)
    before = project.review_file.read_bytes()
    candidates_file = project.out / "candidates.json"
    written = candidates_file.stat().st_mtime_ns
    build = subprocess.Popen(
        [sys.executable, "-m", "quizgen", "build", "decks/unit.yaml", "--report"],
        cwd=project.root,
        env=project.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Killed right after the review step, while the bank and outputs are being written.
    while build.poll() is None and candidates_file.stat().st_mtime_ns == written:
        time.sleep(0.005)
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert project.review_file.read_bytes() == before
    assert load_decisions(project.review_file) == decided
    json.loads(candidates_file.read_text("utf-8"))  # whole, old or new
    if (project.out / "bank.json").exists():
        json.loads((project.out / "bank.json").read_text("utf-8"))


def bank_of(project) -> str:
    project.quizgen(
        "build", "decks/unit.yaml"
    )  # review: required, nothing approved: candidates only
    return (project.out / "candidates.json").read_text("utf-8")


def test_a_mistake_in_the_review_file_stops_the_build_in_one_line(project):
    project.review_file.write_text(
        "questions:\n  mc-000000000001:\n    status: approved\n    fact: " + FACT + "\n"
        "    reason: boring\n",
        encoding="utf-8",
    )
    done = project.quizgen("build", "decks/unit.yaml")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    line = next(line for line in done.stderr.splitlines() if "unit.review.yaml" in line)
    assert re.match(
        r"quizgen: error: decks/unit\.review\.yaml:5: 'questions\.mc-000000000001\.reason'", line
    )
    assert len(done.stderr.strip().splitlines()) == 1
    review = project.quizgen("review", "decks/unit.yaml", "--no-browser")
    assert review.returncode == 1 and review.stderr.count("\n") == 1
    assert "decks/unit.review.yaml:5:" in review.stderr


def test_review_of_a_missing_bank_is_one_line(project):
    done = project.quizgen("review", "missing.json", "--no-browser")
    assert (
        done.returncode == 1
        and done.stderr.strip() == "quizgen: error: missing.json: no such bank file"
    )


def test_review_file_is_not_taken_for_a_recipe(project):
    """`quizgen build` without arguments builds decks/*.yaml, which now holds the review file too."""
    project.review_file.write_text("questions: {}\n", encoding="utf-8")
    done = project.quizgen("build")
    assert done.stderr.strip().splitlines() == [
        "quizgen: error: decks/unit.yaml: review is required and no question is approved yet "
        "(quizgen review decks/unit.yaml); nothing written"
    ]
    assert (project.out / "candidates.json").exists()
    assert not (project.root / "build" / "unit.review").exists()
