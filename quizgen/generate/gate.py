"""The quality gate: every question a teacher would reject is set aside with a reason.

A reason is a short stable code, a colon and a detail ("dangling-pronoun: 'he' opens
the answer"). The checks, in order (the first three on each text a student reads):
  unreliable-region   a source sentence lies where the cleaner distrusts the text
  footnote-digits     a footnote number glued to a word ("river.1", "3harbour")
  dangling-pronoun    a prompt part, answer or option opens with a pronoun whose
                      antecedent is in another sentence ("he", "this", "they")
  truncated           unbalanced quotes or brackets, or text ending on "and", "the", a comma,
                      a possessive or "the end" without what it is of
  markdown-emphasis   Markdown emphasis (`**`) left in a text
  answer-in-prompt    the prompt already gives the answer away (or only the right option
                      repeats one of its words)
  rival-answer        a date question whose prompt holds another date that could answer it
  too-long            prompt over generate.max_prompt_chars, answer over max_answer_chars
  bad-choices         multiple choice without four distinct options, exactly one the answer
  duplicate-prompt    the same question again (the first by id is kept)
  ambiguous-prompt    the same prompt with different answers: none of them is kept
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..models import Document, Question, cloze_text
from .ids import normalise

PRONOUNS = {
    "he",
    "she",
    "it",
    "they",
    "this",
    "these",
    "those",
    "that",
    "his",
    "her",
    "its",
    "their",
    "them",
    "him",
    "such",
}
TRUNCATING_WORDS = {
    "and",
    "or",
    "but",
    "the",
    "a",
    "an",
    "of",
    "to",
    "with",
    "by",
    "for",
    "in",
    "on",
    "as",
    "that",
    "than",
}
# Nouns that need their "of X": a text ending on "at the end" was cut.
PART_NOUNS = {
    "end",
    "beginning",
    "start",
    "middle",
    "rest",
    "part",
    "course",
    "outset",
    "height",
    "eve",
}
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
# A footnote number glued to a word: after its final punctuation ("river.1", "them.”17",
# "growth,52"), or to the front of a word ("3harbour"; ordinals like "21st" are words);
# or a Markdown reference ("[^1]").
_GLUED_FOOTNOTE = re.compile(
    r"[^\W\d_]{2}[.,;:]?[”\"’)]?\d{1,3}(?![\w.,]?\d)"
    r"|(?<![\w$£€.,-])\d{1,3}(?!(?:st|nd|rd|th|s)\b)[^\W\d_]{2,}"
    r"|\[\^[^\]\s]+\]"  # a Markdown footnote reference left in the text
)


@dataclass(frozen=True)
class Rejection:
    """A question the quality gate refused; `reason` is "code: detail"."""

    question: Question
    reason: str

    @property
    def code(self) -> str:
        return self.reason.split(":", 1)[0]


def traits(qtype: str):
    from . import traits as registered

    return registered(qtype)


def check(
    questions: Iterable[Question],
    documents: Mapping[str, Document],
    settings,
    known: Mapping[str, str | None] | None = None,
) -> tuple[list[Question], list[Rejection]]:
    """(kept, rejections) in id order, each rejection with the first reason that applies.

    `known`: question id -> `first_problem` already found for that very question (a build
    keeps them per document); only the checks across questions are made again for those."""
    ordered = sorted(questions, key=lambda q: q.id)
    known = known or {}
    unknown = [q for q in ordered if q.id not in known]
    cited = {s.document for q in unknown for s in q.sources}
    flagged = flagged_spans({name: documents[name] for name in cited if name in documents})
    reasons = {
        q.id: known[q.id] if q.id in known else first_problem(q, flagged, settings) for q in ordered
    }
    shared = {t for t in {q.type for q in ordered} if traits(t).shared_prompt}
    asked: dict[tuple[str, str], list[Question]] = {}
    for question in ordered:
        if reasons[question.id] is None and question.type not in shared:
            asked.setdefault(prompt_key(question), []).append(question)
    for same in asked.values():
        answers = {normalise(q.answer) for q in same}
        for question in same[1:] if len(answers) == 1 else same:
            other = same[0] if question is not same[0] else same[1]
            reasons[question.id] = (
                f"duplicate-prompt: same question as {other.id}"
                if len(answers) == 1
                else f"ambiguous-prompt: {other.id} asks the same with another answer"
            )
    kept = [q for q in ordered if reasons[q.id] is None]
    rejections = [Rejection(question=q, reason=reasons[q.id]) for q in ordered if reasons[q.id]]
    return kept, rejections


def prompt_key(question: Question) -> tuple[str, str]:
    """What makes two prompts the same question. Cloze cards of one sentence with other
    blanks are different cards, so a cloze keeps where its blanks are."""
    text = (
        "".join(p if isinstance(p, str) else f"[{p.answer}]" for p in question.cloze)
        if question.cloze
        else question.prompt
    )
    return question.type, " ".join(text.casefold().split())


def first_problem(question: Question, flagged: Mapping[str, list[Span]], settings) -> str | None:
    checks = (
        lambda q: unreliable(q, flagged),
        unfit_text,
        answer_in_prompt,
        rival_answer,
        lambda q: too_long(q, settings),
        bad_choices,
    )
    for check_one in checks:
        reason = check_one(question)
        if reason:
            return reason
    return None


def plain(question: Question) -> str:
    """The prompt as read, a cloze's blanks filled with the words they hide."""
    return cloze_text(question.cloze) if question.cloze else question.prompt


def texts(question: Question) -> list[tuple[str, str]]:
    """(where, text) of everything a student reads: prompt, answer, options, pairs, items."""
    found = [("prompt", plain(question))]
    if traits(question.type).answer_shown:
        found.append(("answer", question.answer))
    found += [("option", c) for c in question.choices]
    found += [("pair", side) for pair in question.pairs for side in pair]
    found += [("item", s) for s in question.sequence]
    found += [("blank", b) for b in question.blanks]
    return found


Span = tuple[int, int, str]  # first line, last line, why the text there is unreliable


def flagged_spans(documents: Mapping[str, Document]) -> dict[str, list[Span]]:
    """Per document, the lines the cleaner could not trust: found once, not per question."""
    return {
        name: [(r.line, r.end_line, r.reason) for r in document.regions if not r.restored]
        + [
            (s.line, s.end_line, "sentence flagged by the cleaner")
            for s in document.sentences
            if s.unreliable
        ]
        for name, document in documents.items()
    }


def unreliable(question: Question, flagged: Mapping[str, list[Span]]) -> str | None:
    for source in question.sources:
        for line, end_line, reason in flagged.get(source.document, ()):
            if line <= source.line <= end_line:
                return f"unreliable-region: {source.document}:{source.line} ({reason})"
    return None


@functools.lru_cache(maxsize=65536)  # distractor candidates are checked for many questions
def text_problem(text: str, where: str = "text") -> str | None:
    """What makes one piece of question text unfit, or None. Group types (matching,
    ordering) use it to leave out one bad item rather than lose the whole question."""
    match = _GLUED_FOOTNOTE.search(text)
    if match:
        return f"footnote-digits: '{match.group(0)}' in {where}"
    # Quoted words are left alone: a quotation may say "we" or "they".
    for part in re.split(r"(?<=[.?!:;])\s+|^", _QUOTED.sub("“…”", text)):
        first = re.match(r"\W*([A-Za-z]+)", part)
        if first and first.group(1).lower() in PRONOUNS:
            return f"dangling-pronoun: '{first.group(1)}' opens the {where}"
    if text.count("“") != text.count("”") or text.count('"') % 2:
        return f"truncated: unbalanced quotation marks in {where}"
    if text.count("(") != text.count(")") or text.count("[") != text.count("]"):
        return f"truncated: unbalanced brackets in {where}"
    words = re.findall(r"[\w'’-]+|[,;]", text.rstrip(' .?!:”"').rstrip())
    if words and (words[-1] in {",", ";"} or words[-1].lower() in TRUNCATING_WORDS):
        return f"truncated: {where} ends on '{words[-1]}'"
    if words and re.search(r"\w[’']s$", words[-1]):
        return f"truncated: {where} ends on the possessive '{words[-1]}'"
    if len(words) > 2 and words[-2].lower() == "the" and words[-1].lower() in PART_NOUNS:
        return f"truncated: {where} ends on 'the {words[-1]}' without what it is of"
    if "**" in text or "__" in text:
        return f"markdown-emphasis: Markdown emphasis in {where}"
    return None


def unfit_text(question: Question) -> str | None:
    for where, text in texts(question):
        problem = text_problem(text, where)
        if problem:
            return problem
    return None


def answer_in_prompt(question: Question) -> str | None:
    """The prompt (or a pair's other side) already says what the student must give."""
    prompt = f" {normalise(plain(question))} "
    if question.cloze:
        outside = f" {normalise(cloze_text(question.cloze, ' '))} "
        for hidden in question.blanks:
            if f" {normalise(hidden)} " in outside:
                return f"answer-in-prompt: '{hidden}' also appears outside its blank"
        return None
    if traits(question.type).prompt_asks_answer:
        answer = normalise(question.answer)
        if answer and f" {answer} " in prompt:
            return f"answer-in-prompt: '{question.answer}' is in the prompt"
        year = re.fullmatch(r"(?:\d{1,2} )?(?:[A-Z][a-z]+ )?(\d{4})(?:–\d{4})?", question.answer)
        if year and year.group(1) in question.prompt:
            return f"answer-in-prompt: the year {year.group(1)} is in the prompt"
    if question.type == "multiple_choice" and (echo := lone_echo(question)):
        return f"answer-in-prompt: only the answer repeats '{echo}' from the prompt"
    for left, right in question.pairs:
        if (
            re.fullmatch(r"(?:\d{1,2} )?(?:[A-Z][a-z]+ )?\d{4}(?:–\d{4})?", right)
            and right[-4:] in left
        ):
            return f"answer-in-prompt: '{left}' names its own date"
    return None


_YEAR = re.compile(r"(?<![\d.,$£€-])(?:1[0-9]{3}|20[0-9]{2})(?:s|’s|'s)?(?![\d,.]\d)")
_STATED_DATE = re.compile(
    r"\s+(?:(?:in|on|by|since|after|before|until)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4}"
    r"|from\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4}\s+to\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4})\.$"
)


def rival_answer(question: Question) -> str | None:
    """A date question whose prompt holds another date: that date could be taken for the
    answer ("In what year did tensions grow, as well as in Tessel in 1880?")."""
    qtype = traits(question.type)
    if question.kind != "date" or not (qtype.prompt_asks_answer or qtype.recognition):
        return None
    prompt = plain(question)
    if question.type == "true_false":
        prompt = _STATED_DATE.sub(".", prompt)  # the date the statement is about
    found = _YEAR.search(prompt)
    if found:
        return f"rival-answer: the prompt also holds the date '{found.group(0)}'"
    return None


_MIN_ECHO_CHARS = 4  # shorter words ("of", "the", "new") are echoed by chance


def lone_echo(question: Question) -> str | None:
    """A word of the prompt that the answer repeats and no other option does
    ("aspects of globalization" -> "globalization of institutions"): it gives the answer away."""
    prompt = set(normalise(plain(question)).split())
    others = {w for c in question.choices if c != question.answer for w in normalise(c).split()}
    for word in normalise(question.answer).split():
        if len(word) >= _MIN_ECHO_CHARS and word in prompt and word not in others:
            return word
    return None


def too_long(question: Question, settings) -> str | None:
    limits = settings.generate
    if len(plain(question)) > limits.max_prompt_chars:
        return f"too-long: prompt has {len(plain(question))} characters (max {limits.max_prompt_chars})"
    for where, text in texts(question)[1:]:
        if where == "answer" and (question.sequence or question.blanks):
            continue  # a list's answer is its parts joined: each part is checked instead
        limit = limits.max_prompt_chars if where == "pair" else limits.max_answer_chars
        if len(text) > limit:
            return f"too-long: {where} has {len(text)} characters (max {limit})"
    return None


def bad_choices(question: Question) -> str | None:
    if question.type != "multiple_choice":
        return None
    distinct = {normalise(c) for c in question.choices}
    if len(question.choices) != 4 or len(distinct) != 4:
        return "bad-choices: not four distinct options"
    if question.choices.count(question.answer) != 1:
        return "bad-choices: the answer is not exactly one of the options"
    return None
