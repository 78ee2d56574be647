"""The review file: the teacher's decision on each question, keyed by question id.

    # decks/unit.review.yaml
    questions:
      def-3f2a9c0d1e4b:
        status: edited          # approved | edited | rejected
        fact: 9b1c...           # fact_hash of the question the decision was made on
        version: 2              # counts saves, so two reviewers cannot overwrite each other
        edit: {prompt: "What is a ward?"}
      mc-0a1b2c3d4e5f:
        status: rejected
        reason: trivial         # wrong | unclear | trivial | off-topic (optional)
        fact: 41d0...
        version: 1

The file is YAML a teacher can read and edit; it is read with the config's checks (one line
naming the file and the line of a mistake) and written atomically under a lock, so a killed
build or server never leaves half a file and two saves never interleave.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from ..config import parse_yaml, validate
from ..errors import ConfigError
from ..generate.ids import sentence_key
from ..models import Question
from ..util.files import write_text

Status = Literal["approved", "edited", "rejected"]
Reason = Literal["wrong", "unclear", "trivial", "off-topic"]
REASONS: tuple[str, ...] = ("wrong", "unclear", "trivial", "off-topic")
SUFFIX = ".review.yaml"
HEADER = (
    "# Teacher review decisions, keyed by question id (quizgen review; docs/review.md).\n"
    "# status: approved | edited | rejected; reason: wrong | unclear | trivial | off-topic.\n"
    "# fact: the fact the decision was made on; a build flags a question whose fact changed.\n"
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Edit(Strict):
    """The teacher's version of the parts of a question they changed (None: as generated)."""

    prompt: str | None = Field(None, min_length=1)
    answer: str | None = Field(None, min_length=1)
    accepted: list[str] | None = None
    distractors: list[str] | None = None
    explanation: str | None = Field(None, min_length=1)


class Decision(Strict):
    status: Status
    fact: str = Field(..., pattern=r"^[0-9a-f]{16,64}$", description="fact_hash at the decision")
    version: int = Field(1, ge=1)
    reason: Reason | None = None
    edit: Edit | None = None
    by: str | None = None
    at: str | None = None  # ISO time of the decision, UTC


class ReviewFile(Strict):
    questions: dict[str, Decision] = Field(default_factory=dict)


class Conflict(Exception):
    """Someone saved a decision on the question after the page the reviewer edited was shown."""

    def __init__(self, current: Decision | None):
        super().__init__("the question was changed by someone else")
        self.current = current


def review_path_for(recipe_or_bank: Path) -> Path:
    """decks/unit.yaml -> decks/unit.review.yaml; build/unit/bank.json -> build/unit/bank.review.yaml."""
    path = Path(recipe_or_bank)
    return path.with_name(path.stem + SUFFIX)


def fact_hash(question: Question) -> str:
    """What a decision was made on: the question's source sentences (normalised, so a
    punctuation or markup fix is not a change) and the value it asks. A reworded question
    keeps its hash; a changed source sentence or asked value gives a new one, even when the
    question id (derived from the fact's key alone) stays the same."""
    parts = [question.type, question.kind]
    parts += sorted(sentence_key(s.sentence) for s in question.sources)
    parts += ["answer", question.answer, *question.blanks, *question.sequence]
    parts += [f"{left}\x1e{right}" for left, right in question.pairs]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


def load_decisions(path: Path) -> dict[str, Decision]:
    """The decisions in a review file (none when it does not exist yet).

    A mistake raises ConfigError naming the file and the line."""
    path = Path(path)
    if not path.exists():
        return {}
    data, lines = parse_yaml(path)
    if data is not None and not isinstance(data, dict):
        raise ConfigError("a review file is a mapping with one key, 'questions'", str(path), 1)
    return dict(validate(ReviewFile, data, path, lines).questions)


def save_decisions(path: Path, decisions: dict[str, Decision]) -> Path:
    """Write the whole file atomically (a temporary file renamed over it), ids sorted."""
    data = {
        "questions": {
            qid: decisions[qid].model_dump(mode="json", exclude_none=True)
            for qid in sorted(decisions)
        }
    }
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return write_text(Path(path), HEADER + text)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock on the review file for a read-change-write, across processes
    (`quizgen serve --workers N`). The lock is on a file beside it, never on the data."""
    lock = Path(path).with_name(f".{Path(path).name}.lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def update(
    path: Path,
    question_id: str,
    seen_version: int,
    make: Callable[[Decision | None], Decision | None],
) -> Decision | None:
    """Replace one decision, if nobody saved one since the reviewer saw `seen_version`
    (0: no decision yet); else raise Conflict. `make` gets the current decision and returns
    the new one (its version is set here) or None to remove it (back to pending)."""
    with locked(path):
        decisions = load_decisions(path)
        current = decisions.get(question_id)
        if (current.version if current else 0) != seen_version:
            raise Conflict(current)
        made = make(current)
        if made is None:
            decisions.pop(question_id, None)
        else:
            made = made.model_copy(
                update={
                    "version": seen_version + 1,
                    "at": datetime.now(UTC).isoformat("T", "seconds"),
                }
            )
            decisions[question_id] = made
        save_decisions(path, decisions)
        return made
