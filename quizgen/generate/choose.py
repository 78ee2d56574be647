"""Choosing what to ask: questions ranked by how central their fact is and how well
formed they are, and a set of questions that can stand on one sheet.

Rank (`score`): centrality of the item in its document (`centrality`) plus the
question's own form (`form_score`). Centrality: a term in a heading, marked bold or
used again; a list its text names by a count; an event, quotation or list whose names
the text returns to. Form: a short prompt and a short answer; fewer blanks.

One sheet (`sheet`): a worksheet, quiz or LMS test never asks the same fact twice,
never prints one question's answer in another question, and never pairs a true
statement with its falsified twin. Questions here are compared by what they show: two
questions that cite one source sentence ask one fact (a true/false statement and its
twin cite the same sentence); two that print the same five content words in a row
state one thing twice (a false statement made with another fact's definition); and a
question whose answer appears in another's prompt, options, pairs or items gives the
other away. The better-ranked question is kept.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from ..models import Document, Item, Question
from .ids import normalise

# Sections in the order the worksheet prints them: the round robin follows it.
TYPE_ORDER: tuple[str, ...] = (
    "true_false",
    "multiple_choice",
    "matching",
    "ordering",
    "cloze",
    "list_recall",
    "short_answer",
    "basic",
)
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")
LONG_PROMPT = 100
LONG_ANSWER = 60
MIN_LEAK_CHARS = 4  # an answer shorter than this ("UN") is found in other text by chance


# --- rank -----------------------------------------------------------------------------------

_INDEXES: dict[tuple[str, str], tuple] = {}


def _document_index(document: Document) -> tuple[str, str, str, tuple[str, ...]]:
    """(heading text, bold text, all text, sentences), lower case, for centrality lookups."""
    key = (document.name, document.checksum)
    if key not in _INDEXES:
        if len(_INDEXES) > 256:
            _INDEXES.clear()
        _INDEXES[key] = _index(document)
    return _INDEXES[key]


def _index(document: Document) -> tuple[str, str, str, tuple[str, ...]]:
    headings = " \n ".join(p.text for p in document.paragraphs if p.kind == "heading").casefold()
    raw = "\n".join(p.text for p in document.paragraphs)
    # What the source marked (bold, <dfn>), as the reader recorded it on each sentence.
    bold = " \n ".join(
        s.text[m.start : m.end]
        for s in document.sentences
        for m in s.marks
        if m.kind in ("strong", "dfn")
    ).casefold()
    sentences = tuple(s.text.casefold() for s in document.sentences)
    return headings, bold, raw.casefold(), sentences


def _mentions(phrase: str, sentences: Sequence[str]) -> int:
    phrase = phrase.casefold().strip()
    if len(phrase) < 3:
        return 0
    pattern = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")
    return sum(1 for s in sentences if pattern.search(s))


def _names(text: str) -> list[str]:
    """Capitalised runs not at the start of the text: the names an item is about."""
    return [m.group(0) for m in _NAME.finditer(text) if len(m.group(0)) > 2]


def centrality(item: Item, document: Document) -> float:
    """0 (a passing mention) .. about 3 (what the reading is about)."""
    headings, bold, _, sentences = _document_index(document)
    score = 0.0
    if item.kind == "definition":
        term = re.sub(r"^(?:the|a|an)\s+", "", item.term.strip(), flags=re.IGNORECASE).casefold()
        score += 1.0 if term and term in headings else 0.0
        score += 1.0 if term and term in bold else 0.0
        score += 0.5 if _mentions(term, sentences) >= 2 else 0.0
        score += 0.5  # a definition is what a reading teaches
    elif item.kind == "enumeration":
        label = item.label.casefold()
        counted = (
            re.search(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d+)\b", label) is not None
        )
        score += 1.0 if counted else 0.0
        score += 0.5 if label and label in headings else 0.0
        score += 0.5 if label and _mentions(label, sentences) >= 2 else 0.0
    elif item.kind == "date":
        names = _names(item.event)
        returns = max((_mentions(n, sentences) for n in names), default=0)
        score += min(returns - 1, 3) * 0.4 if returns > 1 else 0.0
        score += 0.4 if any(n.casefold() in headings for n in names) else 0.0
    elif item.kind == "quote":
        speaker = item.speaker.split()[-1] if item.speaker.split() else ""
        score += 0.5 if _mentions(speaker, sentences) >= 2 else 0.0
        score += 0.5 if speaker and speaker.casefold() in headings else 0.0
    return score


def form_score(question: Question) -> float:
    """0 .. 1: how well a question reads on paper, from the question alone."""
    prompt = _CLOZE.sub(r"\1", question.prompt)
    score = 1.0
    if len(prompt) > LONG_PROMPT:
        score -= min((len(prompt) - LONG_PROMPT) / 150, 0.8)  # room on paper, time to read
    if (
        question.type not in {"true_false", "matching", "ordering", "list_recall"}
        and len(question.answer) > LONG_ANSWER
    ):
        score -= 0.3
    if question.type == "cloze" and len(question.blanks) > 3:
        score -= 0.2
    if re.search(r"\d\s*%|\$\s*\d", prompt):
        score -= 0.1  # figures make fussy questions
    return max(score, 0.0)


def score(question: Question, central: float) -> float:
    return central + form_score(question)


# --- one sheet ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=65536)
def _sentences(explanation: str) -> frozenset[str]:
    return frozenset(normalise(line) for line in explanation.split("\n") if line.strip())


def shown(question: Question) -> str:
    """Everything a student reads of a question on the sheet, normalised, padded with spaces."""
    if question.type == "cloze":
        parts = [_CLOZE.sub(" ", question.prompt)]
    else:
        parts = [question.prompt, *question.choices, *question.sequence]
        parts += [side for pair in question.pairs for side in pair]
    return f" {normalise(' '.join(parts))} "


def answers(question: Question) -> list[str]:
    """What a question asks a student to give, each normalised."""
    if question.type in {"true_false", "ordering"}:
        return []  # "True"/"False", an order: the facts it states are in its prompt
    if question.type == "cloze":
        found = list(question.blanks)
    elif question.type == "list_recall":
        found = list(question.sequence)
    elif question.type == "matching":
        found = [right for _, right in question.pairs]
    else:
        found = [question.answer]
    return [a for a in (normalise(x) for x in found) if len(a) >= MIN_LEAK_CHARS]


# Words of the question templates: two prompts that share only these share no fact.
TEMPLATE_WORDS = frozenset(
    "which term does text explain with these words who said what is meant by in year month date did on when "
    "name items lists under match each put events order they happened earliest first one more are of the "
    "take place".split()
)
SHARED_RUN = 5  # content words in a row two questions may not both print: one statement twice


def _runs(text: str) -> frozenset[tuple[str, ...]]:
    words = [w for w in text.split() if w not in TEMPLATE_WORDS]
    return frozenset(tuple(words[i : i + SHARED_RUN]) for i in range(len(words) - SHARED_RUN + 1))


class _Seen:
    """What a question shows and asks, worked out once per question."""

    __slots__ = ("question", "sentences", "text", "answers", "runs")

    def __init__(self, question: Question):
        self.question = question
        self.sentences = _sentences(question.explanation)
        self.text = shown(question)
        self.answers = answers(question)
        self.runs = _runs(self.text)


def _gives_away(a: _Seen, b: _Seen) -> str | None:
    for answer in b.answers:
        if f" {answer} " in a.text:
            return f"'{answer}' of {b.question.id} is printed in {a.question.id}"
    return None


def _conflict(a: _Seen, b: _Seen) -> str | None:
    if a.sentences & b.sentences:
        return f"{a.question.id} and {b.question.id} ask about one source sentence"
    if a.runs & b.runs:
        # A false statement made with another fact's words, or one fact found twice.
        return f"{a.question.id} and {b.question.id} print the same words: '{' '.join(min(a.runs & b.runs))}'"
    return _gives_away(a, b) or _gives_away(b, a)


def conflict(a: Question, b: Question) -> str | None:
    """Why `a` and `b` may not stand on one sheet, or None."""
    return _conflict(_Seen(a), _Seen(b))


MAX_ANSWER_WORDS = (
    12  # longer answers are looked up whole; they are rarely printed elsewhere word for word
)


def _grams(text: str) -> set[str]:
    """Every run of up to MAX_ANSWER_WORDS words of a normalised text."""
    words = text.split()
    return {
        " ".join(words[i:j])
        for i in range(len(words))
        for j in range(i + 1, min(i + MAX_ANSWER_WORDS, len(words)) + 1)
    }


class _Sheet:
    """The questions taken so far, indexed so that a candidate is checked against all of them
    in a few set lookups (a bank of thousands of questions stays fast)."""

    def __init__(self):
        self.taken: list[_Seen] = []
        self.sentences: set[str] = set()
        self.runs: set[tuple[str, ...]] = set()
        self.grams: set[str] = set()  # runs of words printed by the questions taken
        self.answers: set[str] = set()  # answers of the questions taken
        self.texts: list[str] = []  # for answers longer than MAX_ANSWER_WORDS
        self.long_answers: list[str] = []

    def clashes(self, seen: _Seen) -> bool:
        if seen.sentences & self.sentences or seen.runs & self.runs:
            return True
        for answer in seen.answers:  # its answer printed in a question taken
            if answer in self.grams or (
                len(answer.split()) > MAX_ANSWER_WORDS
                and any(f" {answer} " in text for text in self.texts)
            ):
                return True
        printed = _grams(seen.text)  # an answer taken printed in it
        return bool(printed & self.answers) or any(
            f" {answer} " in seen.text for answer in self.long_answers
        )

    def add(self, seen: _Seen) -> None:
        self.taken.append(seen)
        self.sentences |= seen.sentences
        self.runs |= seen.runs
        self.grams |= _grams(seen.text)
        self.answers.update(seen.answers)
        self.long_answers += [a for a in seen.answers if len(a.split()) > MAX_ANSWER_WORDS]
        self.texts.append(seen.text)


def sheet(
    questions: Iterable[Question],
    scores: Mapping[str, float] | None = None,
    *,
    total: int | None = None,
    per_type: Mapping[str, int] | None = None,
) -> list[Question]:
    """The best questions that can stand together, sorted by id.

    `per_type`: at most this many of a type (the best first; types not named: no limit);
    `total`: at most this many in all, taken in rounds over the types so every type is
    there while it has a question left. Without either, every question that does not
    clash with a better one.
    """
    scores = scores or {}
    ranked = sorted(questions, key=lambda q: (-scores.get(q.id, form_score(q)), q.id))
    queues: dict[str, list[Question]] = {}
    for question in ranked:
        queues.setdefault(question.type, []).append(question)
    for queue in queues.values():
        queue.reverse()  # popped from the end, best first
    order = [t for t in TYPE_ORDER if t in queues] + sorted(set(queues) - set(TYPE_ORDER))
    chosen = _Sheet()
    taken: Counter = Counter()
    limit = total if total is not None else len(ranked)
    caps = dict(per_type or {})

    progress = True
    while progress and len(chosen.taken) < limit:
        progress = False
        for qtype in order:
            queue = queues[qtype]
            while (
                queue and len(chosen.taken) < limit and taken[qtype] < caps.get(qtype, len(ranked))
            ):
                seen = _Seen(queue.pop())
                if not chosen.clashes(seen):
                    chosen.add(seen)
                    taken[qtype] += 1
                    progress = True
                    break
    return sorted((s.question for s in chosen.taken), key=lambda q: q.id)


def leaks(questions: Sequence[Question]) -> list[str]:
    """Every pair of questions of one sheet that should not stand together (for tests)."""
    seen = [_Seen(q) for q in questions]
    return [why for i, a in enumerate(seen) for b in seen[i + 1 :] if (why := _conflict(a, b))]
