"""Request and response bodies of the API, as pydantic models (they make /openapi.json).

Response models describe `Question.to_dict()` and the bank's document records; the
endpoints serialise those directly, so the models are the documentation of that shape.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..bank import DocumentInfo
from ..generate import QUESTION_TYPES
from ..models import Blank, Source

# The types registered when the API is loaded (a plug-in registers before `quizgen serve`).
QuestionTypeName = Literal[tuple(QUESTION_TYPES.names())]  # type: ignore[valid-type]
Difficulty = Annotated[int, Field(ge=1, le=3)]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]

MAX_QUIZ_QUESTIONS = 200


class QuestionOut(BaseModel):
    """A question of the bank (see quizgen.models.Question for the fields of each type)."""

    id: str
    type: QuestionTypeName
    prompt: str
    answer: str
    explanation: str
    sources: list[Source]  # the dataclasses themselves: one definition of each record
    kind: str
    tags: list[str]
    topic: str | None = None
    difficulty: int
    level: Literal["remember", "understand"]
    accepted: list[str]
    choices: list[str]
    cloze: list[str | Blank]  # a cloze's text runs and blanks, in reading order
    pairs: list[tuple[str, str]]
    sequence: list[str]


class QuestionPage(BaseModel):
    items: list[QuestionOut]
    next_cursor: str | None = Field(
        description="Pass as `cursor` to get the next page; null on the last page."
    )


class QuizRequest(BaseModel):
    """What a quiz samples: `count` questions matching every given criterion, drawn with `seed`.

    The same request (criteria in any order) always gives the same quiz id; once made, a
    quiz keeps its questions even when the bank grows.
    """

    model_config = ConfigDict(extra="forbid")

    count: int = Field(
        10, ge=1, le=MAX_QUIZ_QUESTIONS, description="How many questions (fewer if fewer match)."
    )
    seed: int = Field(0, ge=0, le=2**53, description="Same seed and criteria, same quiz.")
    types: list[QuestionTypeName] = Field(
        default_factory=list, max_length=len(QUESTION_TYPES.names())
    )
    counts: dict[QuestionTypeName, Annotated[int, Field(ge=1, le=MAX_QUIZ_QUESTIONS)]] = Field(
        default_factory=dict,
        description="How many questions of each type, instead of `count` and `types`.",
    )
    kinds: list[ShortText] = Field(
        default_factory=list,
        max_length=20,
        description="Any of these item kinds (enumeration, definition, date, quote).",
    )
    tags: list[ShortText] = Field(
        default_factory=list, max_length=20, description="Questions having all of them."
    )
    document: ShortText | None = None
    difficulty: list[Difficulty] = Field(default_factory=list, max_length=3)
    q: ShortText | None = Field(
        None, description="Text the prompt, answer or explanation contains."
    )

    @model_validator(mode="after")
    def _counts_alone(self) -> QuizRequest:
        if self.counts and ("count" in self.model_fields_set or self.types):
            raise ValueError("give either counts per type, or count and types, not both")
        if sum(self.counts.values()) > MAX_QUIZ_QUESTIONS:
            raise ValueError(f"counts add up to more than {MAX_QUIZ_QUESTIONS} questions")
        return self

    def canonical(self) -> dict:
        """The request with its lists sorted and deduplicated: what the quiz id is derived from.

        `counts` and `kinds` are left out when empty, so requests made before they existed keep their quiz ids;
        `count` is left out when `counts` says how many."""
        data = self.model_dump()
        for key in ("types", "tags", "difficulty", "kinds"):
            data[key] = sorted(set(data[key]))
        for key in ("counts", "kinds"):
            if not data[key]:
                del data[key]
        if self.counts:
            del data["count"]
        return data


class QuizOut(BaseModel):
    id: str
    request: QuizRequest
    questions: list[QuestionOut]


class DocumentAdded(BaseModel):
    document: DocumentInfo
    added: list[str] = Field(description="Ids of questions new to the bank.")
    updated: list[str] = Field(description="Ids of questions already there (sources merged).")
    withdrawn: list[str] = Field(
        description="Ids of questions an earlier version of this document gave that it "
        "no longer supports, removed from the bank."
    )
    rejected: int = Field(description="Questions the quality gate or the bank schema refused.")


class Health(BaseModel):
    status: Literal["ok"]
    questions: int
    schema_version: int
