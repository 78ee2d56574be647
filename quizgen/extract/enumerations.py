"""Enumerations: named lists a student should recall, found by explainable rules.

Each item's `source.rule` names the rule that found it:

  enum.count-cue          "three pillars of the town: A, B, and C" / "three problems, namely A, B and C"
  enum.count-inline       "four main causes, first the ..., second the ..., and fourth the ..."
  enum.count-subject      "A, B and C are three linked parts of ..."
  enum.count-after        "A, B, and C—the so-called "three hurdles" to ..."
  enum.copular-set        "The chief rules of X were A, B and C" / "The goals of X were to A, B and C"
  enum.what-cleft         "What the farmers wanted was A and B"
  enum.set-subject        "A and B are nonvoting members" (a coordinated subject filed under a plural noun)
  enum.colon-list         "... the rival guilds: A, B, and C." (a plural noun before the colon)
  enum.dash-list          "representatives—A, B, C, and D—to ..."
  enum.paren-list         "the powers (A, B, C, and D)" (a bracketed run of 3+ short members)
  enum.numbered-inline    "...: 1) A, 2) B, and 3) C" / "(a) A and, (b) B"
  enum.names-after-kind   "the seafaring powers A, B, and C" / "the free towns of A, B, C and D"
  enum.one-hand           "on the one hand to A, and on the other to B"
  enum.ranked             "The largest buyer was A (31%), followed by B (17%) and C (9%)"
  enum.as-kind            "received A, B, and C as wedding gifts" (a plural after "as" names the list)
  enum.one-and-other      "two forms, one that ... and one that ..."
  enum.cue                "featuring A, B and C", "namely A, B and C", "the sum total of A, B and C"
  enum.kind-of            "the principles of A, B and C"
  enum.purpose            "The purpose of X is to A, B and C" (three parts or more)
  enum.quoted-as          "summarized X as "A, B and C""
  enum.quoted-features    "featured "A" in ..., "B" during ..., and "C" after ..."
  enum.distributed-of     "the defence of A, of B and of C" (the head is distributed)
  enum.repeated-head      "the safety of A, the safety of B, and the safety of C"
  enum.dangling-prep      "a founder of, a keeper of, and a donor to X"
  enum.rather-than        "A rather than B and C rather than D"
  enum.as-its             "with A and B as its main tools"
  enum.long-list          "... road repair, canal dredging, ..., and closer ties" (5+ short members)
  enum.named-next         "... trust, dialogue and restraint. These components of peace ..."
  enum.ordinal-sequence   "First, ... Second, ... Finally, ..." across sentences and paragraphs (an unmarked
                          first step after "A number of rules ..." when the run opens at "Second")
  enum.ordinal-nouns      "The first reason is ... The second reason is ..."
  enum.parallel-named     "We have done A. We have done B. We have done C. These are good signs ..."
  enum.the-other          "... the risks of A. The other risk -- ... -- is B."
  enum.colon-sentences    "... our general method:" then whole sentences, closed by a count or "These principles ..."
  enum.list-items         a bulleted or numbered list after a colon or under a heading (each item one member:
                          its bold lead, else its first clause); an item ending with a colon opens a sub-list
  enum.inline-items       "three main points: -- A; -- B; and -- C" (item markers run together in plain text)
  enum.parallel-headings  a section's run of sub-headings, most of them "X as Y"
  enum.parallel-openers   paragraphs under one heading that open alike ("X funds should be raised.")

Rules are regular expressions over cleaned sentences, built once from
`quizgen/rules/enumerations.yaml`; lists of examples ("such as", "including")
are refused. The cued rules (count, copula, colon, dash, brackets, ...) say where
their list starts; with a trained pipeline the parse of those sentences (through
`nlp.parse`, see `enumeration_parse`) confirms the plural noun that names the set,
checks the members are noun phrases (or verb phrases after "to"), and reads the
members from the conjuncts where the comma split is not clean. Without a parse
(the blank pipeline) the same rules run with stricter rule-only guards.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ..models import Document, Enumeration, Paragraph, Sentence
from ..util.text import normalise
from . import ItemKind, common
from .common import provenance
from .enumeration_parse import (
    are_phrases,
    conjunct_members,
    coordination_ending_at,
    is_plural_noun,
    verb_phrase_members,
)
from .nlp import has_parser, parse

RULES_FILE = Path(__file__).resolve().parent.parent / "rules" / "enumerations.yaml"


class EnumerationRules(BaseModel):
    """Schema of rules/enumerations.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    counts: list[str]
    ordinals: dict[str, int]
    closing_ordinals: list[str]
    list_cues: list[str]
    kind_nouns: list[str]
    purpose_nouns: list[str]
    as_verbs: list[str]
    example_cues: list[str]
    max_member_words: int
    partial_cues: list[str]
    copulas: list[str]
    set_determiners: list[str]
    not_set_subjects: list[str]
    not_plural: list[str]
    qualifiers: list[str]
    not_list_headings: list[str]
    item_clause_ends: list[str]
    max_item_words: int
    quantity_words: list[str]
    not_member_openers: list[str]
    not_ordinal_nouns: list[str]


def load_rules(path: Path = RULES_FILE) -> EnumerationRules:
    return common.load_rules(path, EnumerationRules)


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation, longest first so "first of all" wins over "first"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Patterns:
    """The compiled rules, built once per process.

    `needs`: for a sentence rule whose pattern cannot match without some words ("rather than",
    a copula, a count), a cheap search for them in the lowercased sentence, so the costly
    pattern runs only where it can.
    """

    needs: dict[str, re.Pattern]

    count_cue: re.Pattern
    count_subject: re.Pattern
    count_inline: re.Pattern
    ordinal_start: re.Pattern
    ordinal_inline: re.Pattern
    cue: re.Pattern
    kind_of: re.Pattern
    purpose: re.Pattern
    quoted_as: re.Pattern
    features_quoted: re.Pattern
    distributed_of: re.Pattern
    repeated_head: re.Pattern
    dangling_prep: re.Pattern
    rather_than: re.Pattern
    example: re.Pattern
    opener: re.Pattern
    as_heading: re.Pattern
    count_phrase: re.Pattern
    these: re.Pattern
    as_its: re.Pattern
    copular_set: re.Pattern
    colon_list: re.Pattern
    dash_list: re.Pattern
    paren_list: re.Pattern
    plural_word: re.Pattern
    set_subject: re.Pattern
    count_after: re.Pattern
    member_opener: re.Pattern
    names_after_kind: re.Pattern
    partial: re.Pattern
    as_kind: re.Pattern
    what_cleft: re.Pattern
    ordinal_noun: re.Pattern
    one_and_other: re.Pattern
    ranked: re.Pattern
    one_hand: re.Pattern
    numbered_marker: re.Pattern


NAME = r"(?:the )?[A-Z][\w’'-]+(?: (?:of |de |von )?[A-Z][\w’'-]+)*"  # "Norway", "the Grand Duchy", "Edda Marstrand"
QUOTED = r"[\"“]([^\"“”]{2,80}?)[,.]?[\"”]"


@functools.cache
def patterns() -> Patterns:
    rules = load_rules()
    count = _alternation(rules.counts)
    # a plural noun: "powers", "Exceptions"; not "crisis", "thus"
    plural = rf"(?!(?:{_alternation(rules.not_plural)})\b)[\w’'-]*[a-z](?<!ss)(?<!us)(?<!is)s\b"
    qualifier = rf"(?: (?:{_alternation(rules.qualifiers)}) [^,;:—–]{{1,90}}?)?"
    ordinal = _alternation([*rules.ordinals, *rules.closing_ordinals])
    # "<count> [up to four words] <plural noun>": the name of a counted list.
    counted = rf"\b(?P<label>(?:{count})(?: [\w'’-]+){{0,4}}? [\w-]+s)\b"
    # searched in the lowercased sentence: a case-blind alternation costs several times more
    counted_word = re.compile(rf"\b(?:{count.lower()}) ")
    copula = re.compile(rf" (?:{_alternation(w.lower() for w in rules.copulas)}) ")
    kind_of = re.compile(rf"(?:{_alternation(w.lower() for w in rules.kind_nouns)}) of ")
    return Patterns(
        needs={
            "enum.count-cue": counted_word,
            "enum.count-inline": counted_word,
            "enum.one-and-other": counted_word,
            "enum.count-after": counted_word,
            "enum.kind-of": kind_of,
            "enum.count-subject": re.compile(rf"{counted_word.pattern}|{kind_of.pattern}"),
            "enum.quoted-as": re.compile(r" as [\"“]"),
            "enum.quoted-features": re.compile(r"featur"),
            "enum.as-its": re.compile(r" as (?:its|their) "),
            "enum.copular-set": copula,
            "enum.set-subject": copula,
            "enum.purpose": re.compile(r" (?:is|are|was|were) to "),
            "enum.distributed-of": re.compile(r" and of "),
            "enum.rather-than": re.compile(r"rather than"),
            "enum.repeated-head": re.compile(r" and (?:the|an?) "),
            "enum.dangling-prep": re.compile(r" and (?:the|an?) "),
            "enum.names-after-kind": re.compile(r" and "),
        },
        count_cue=re.compile(
            counted + r"(?:(?: [^:;,.]{1,70})?: |, namely,? )(?P<list>[^:;]+)", re.I
        ),
        count_subject=re.compile(
            rf"^(?P<list>.+?) (?:are|were|form|constitute|make up|became|become|remain|remained) (?:the )?"
            rf"(?P<label>(?:{count}) (?!(?:{_alternation(rules.quantity_words)})\b)[^,.;]+|"
            rf"(?:[\w-]+ )?(?:{_alternation(rules.kind_nouns)}) of [^,.;]+)",
            re.I,
        ),
        count_inline=re.compile(counted + r",? first,? (?P<list>.+)", re.I),
        ordinal_start=re.compile(rf"^(?P<marker>{ordinal}),\s+(?P<rest>.+)", re.I),
        ordinal_inline=re.compile(
            r"^(?P<before>.+?)\b(?P<marker>first and foremost|first of all)\b,?\s+(?P<rest>.+)",
            re.I,
        ),
        cue=re.compile(rf"\b(?P<cue>{_alternation(rules.list_cues)})\s+(?P<list>[^:;]+)", re.I),
        kind_of=re.compile(
            rf"\b(?P<label>(?:[\w-]+ )?(?:{_alternation(rules.kind_nouns)})) of (?P<list>[^:;]+)",
            re.I,
        ),
        purpose=re.compile(
            rf"\b(?P<label>(?:{_alternation(rules.purpose_nouns)}) of [^,;]+?) (?:is|are|was|were) to (?P<list>[^:;]+)",
            re.I,
        ),
        quoted_as=re.compile(
            rf"\b(?:{_alternation(rules.as_verbs)}) (?P<label>[^\"“]+?) as [\"“](?P<list>[^\"“”]+?)[,.]?[\"”]",
            re.I,
        ),
        features_quoted=re.compile(rf"\bfeatur(?:e|es|ed|ing) (?P<list>{QUOTED}.*)", re.I),
        distributed_of=re.compile(
            r"\b(?P<head>[\w-]+) of (?P<first>[\w\s'’-]+?)(?P<rest>(?:, of [\w\s'’-]+?)+,? and of [\w\s'’-]+)(?=[,.;]|$)",
            re.I,
        ),
        repeated_head=re.compile(
            r"\b(?P<head>(?:the|a|an) [\w-]+ (?:of|to|for|in)) (?P<first>[^,;]+?)(?P<rest>(?:, (?P=head) [^,;]+?)*,? and (?P=head) [^,;.]+)"
        ),
        dangling_prep=re.compile(
            r"\b(?P<list>(?:an?|the) [\w\s-]{2,40}? (?:in|of|to|for|with)(?:, (?:an?|the) [\w\s-]{2,40}? (?:in|of|to|for|with))*"
            r",? and (?:an?|the) [\w\s-]{2,40}? (?:in|of|to|for|with)) (?P<object>the [\w\s-]+)"
        ),
        rather_than=re.compile(
            r"\b(?P<list>[\w-]+(?: [\w-]+)? rather than [\w-]+(?: [\w-]+)?(?:, [\w-]+(?: [\w-]+)? rather than [\w-]+(?: [\w-]+)?)*"
            r",? and [\w-]+(?: [\w-]+)? rather than [\w-]+(?: [\w-]+)?)\b",
            re.I,
        ),
        example=re.compile(rf"\b(?:{_alternation(rules.example_cues)})\b", re.I),
        opener=re.compile(
            r"^(?P<member>[A-Z][^.;:]{3,90}?) (?:should|must|need to|needs to|will) (?:[a-z]+ly )?be (?:[a-z]+ly )?[a-z]+\.$"
        ),
        as_heading=re.compile(r"^\S.{1,80}? as (?:the |an? )?\S.{1,80}$"),
        count_phrase=re.compile(counted, re.I),
        as_its=re.compile(
            r"\bwith (?P<list>[^;:]+?) as (?:its|their) (?P<label>(?:[\w-]+ )?[\w-]+s)\b"
        ),
        copular_set=re.compile(
            rf"^(?:[^;:]{{0,250}}?[,)] )?(?P<label>(?:(?:{_alternation(rules.set_determiners)}) )?"
            rf"(?!(?:{_alternation(rules.not_set_subjects)})\b)(?:[\w’'-]+ ){{0,5}}?{plural}{qualifier}) "
            rf"(?:{_alternation(rules.copulas)}) (?P<list>.+)$",
            re.I,
        ),
        colon_list=re.compile(
            rf"(?P<label>\b(?:[\w’'-]+ ){{0,5}}?{plural}(?: [\w’'-]+){{0,9}}?): (?P<list>[^:;]+)$"
        ),
        dash_list=re.compile(
            rf"(?P<label>\b(?:[\w’'-]+ ){{0,5}}?{plural}(?: (?:of|in|for) [\w’' -]+?)?) ?(?:—|–|--) ?"
            r"(?P<list>[^—–]+?)(?: ?(?:—|–|--)|\.?$)"
        ),
        paren_list=re.compile(r"(?<=[\w’')]) \((?P<list>[^()]+)\)"),
        plural_word=re.compile(plural),
        one_hand=re.compile(
            r"\bon the one hand,? (?P<a>[^;]+?),? (?:and |but |while |whereas )?"
            r"on the other(?: hand)?,? (?P<b>[^;]+?)\.?$",
            re.I,
        ),
        ranked=re.compile(
            r"^The (?P<label>(?:[\w-]+ )?(?:[a-z]+est|most [a-z]+|top|leading|first) [^,]+?) (?:was|is) "
            r"(?P<first>[^,]+?), followed by (?P<rest>[^;]+)"
        ),
        one_and_other=re.compile(
            counted + r"(?: (?:of|for|in|to) [^,;]+?)?,? "
            r"(?P<list>one (?:that|which|who|whose|of|in|for|by|from|with|to)\b[^;.]+?"
            r"(?:,?\s+(?:and|while|whereas|but)\s+|;\s+)(?:one|the other|another)\b[^;]+?)(?=\.(?:\s|$)|$)",
            re.I,
        ),
        ordinal_noun=re.compile(
            rf"^(?:The|A|Its|Their|Our|His|Her) (?P<marker>{ordinal})"
            rf"(?: (?!(?:{_alternation([*rules.not_ordinal_nouns, *rules.copulas, 'is', 'was'])})\b)"
            rf"(?P<noun>[a-z][\w-]+))?"
            rf"(?:,| (?:{_alternation(rules.copulas)}|is|was)(?: that)?)? (?P<rest>.+)"
        ),
        # "the seafaring powers A, B, and C"; with "of" only as the subject ("The mayors of A, B and C met")
        names_after_kind=re.compile(
            rf"(?:\b(?P<label>[a-z][\w-]+ {plural})(?: of)?|^(?P<subject>The (?:[\w-]+ )?{plural}) of) "
            rf"(?P<list>{NAME}(?:, {NAME})+,? and {NAME})(?= [a-z]|[.,;]|$)"
        ),
        what_cleft=re.compile(r"^(?P<label>What [^,;:]+?) (?:was|were|is|are) (?P<list>[^;:]+)$"),
        as_kind=re.compile(rf" as (?:its |their |the )?(?P<label>(?:[\w-]+ )?{plural})(?=[.,;]|$)"),
        partial=re.compile(
            rf"\b(?:{_alternation([*rules.partial_cues, *rules.example_cues])})\b", re.I
        ),
        member_opener=re.compile(rf"(?:{_alternation(rules.not_member_openers)})\b", re.I),
        count_after=re.compile(
            rf"\s?(?:—|–|--|,)\s?(?:the |these |those )?(?:so-called |so called )?[\"“]?"
            rf"(?P<label>(?:{count}) [\w-]+s)\b"
        ),
        set_subject=re.compile(
            rf"^(?:both )?(?P<list>[^,;:]+(?:, [^,;:]+)*,? and [^,;:]+?) (?:{_alternation(rules.copulas)}) "
            rf"(?P<label>(?:(?:the|all|both) )?(?:[\w’'“”\"-]+ ){{0,4}}?{plural})"
            r"(?=[.,;]| (?:of|in|for|that|who|which|known|whose)\b)",
            re.I,
        ),
        numbered_marker=re.compile(r"(?:^|,? (?:and )?)\(?(?P<mark>[1-9]|[a-h])\) "),
        these=re.compile(
            rf"^These (?P<label>(?:[\w-]+ )?(?:{_alternation(rules.kind_nouns)})(?: (?:of|for) [\w\s-]+?)?)\b"
            r"(?= (?:are|is|were|have|has|can|will|must|should|make|form|keep)\b|[,.])"
        ),
    )


# ----------------------------------------------------------------- list splitting

WORD = re.compile(r"[\w'’-]+")
AND = re.compile(r"^(?:and|or)\s+", re.I)
# "..., or if nobody cares": a clause, not another member
CLAUSE_START = re.compile(
    r"^(?:if|when|where|because|although|though|while|whether|unless|that|which|who|it|we|they|there)\b",
    re.I,
)


def _words(text: str) -> int:
    return len(WORD.findall(text))


def _tidy(member: str) -> str:
    member = re.sub(r"^\d+[.)]\s+", "", member.strip())  # a heading's own number: "2. Open ..."
    member = member.strip("\"“”'‘’").strip()
    member = re.sub(r"[.;:,]+$", "", member).strip()
    return member.strip("\"“”'‘’").strip()


def split_members(span: str, max_words: int, pairs: frozenset[str] = frozenset()) -> list[str]:
    """Split "A, B and C" / "A, B and C, and D" into members, stopping where the list ends.

    An Oxford comma ("..., and D") marks the last member, so an "and" inside an
    earlier member ("law and order") stays; without it the first "and" of
    the last piece separates the last two members unless the pair is known to be
    one unit in this document (`pairs`). A piece longer than `max_words` ends the list.
    """
    span = re.split(r"\.\d*(?:\s|$)", span.strip(), maxsplit=1)[
        0
    ]  # the list ends with its sentence
    span = re.split(r"\s*—\s*|\s+--?\s+", span, maxsplit=1)[
        0
    ]  # ... or where a dash sets off a comment
    parts = [p.strip() for p in re.split(r",\s*", span)]
    members: list[str] = []
    for i, part in enumerate(parts):
        if not part:
            break
        if i > 0 and AND.match(part):
            last = AND.sub("", part)
            if _words(last) <= max_words and not CLAUSE_START.match(last):
                return [*members, last]
            break
        if _words(part) > max_words:
            break
        members.append(part)
        # an Oxford comma further on closes the list, so an "and" before it is inside a member
        oxford_later = any(
            AND.match(p) and _words(AND.sub("", p)) <= max_words for p in parts[i + 1 :]
        )
        if re.search(r"\s(?:and|or)\s", part) and not oxford_later:
            break
    if not members:
        return []
    last = members[-1]
    if last.lower() in pairs:
        return members
    # the last two members meet at the first "and", or after a known pair that opens the piece
    pair = next((p for p in pairs if last.lower().startswith(p + " ")), "")
    head, tail = last[: len(pair)], last[len(pair) :]
    members[-1:] = [
        head + part if i == 0 else part
        for i, part in enumerate(re.split(r"\s(?:and|or)\s", tail, maxsplit=1))
    ]
    return [m for m in members if m.strip()]


FUNCTION_WORDS = frozenset(
    "a an the if or and but to of in on for by with as at it we they this that".split()
)


def _is_member(text: str) -> bool:
    """A member names something: not a lone function word, a number or a web address."""
    words = [w.lower() for w in WORD.findall(text)]
    return (
        bool(words)
        and not all(w in FUNCTION_WORDS or w.isdigit() for w in words)
        and "http" not in text
    )


def _clean_members(members: list[str]) -> tuple[str, ...]:
    # a sentence-initial article is not part of the member: "The defence of ..." -> "the defence of ..."
    out = tuple(re.sub(r"^(The|An?) ", lambda a: a.group().lower(), _tidy(m)) for m in members)
    if not all(_is_member(m) for m in out):
        return ()
    return out if len(out) >= 2 and len(set(m.lower() for m in out)) == len(out) else ()


def known_pairs(doc: Document) -> frozenset[str]:
    """ "A and B" phrases this document uses as one unit: a heading or a sentence opens with them."""
    found = set()
    for paragraph in doc.paragraphs:
        for text in [paragraph.text, *(s.text for s in paragraph.sentences)]:
            m = re.match(r"^[\"“]?([\w-]+ and [\w-]+)\s+(?:is|are|as|was|were|means|mean)\b", text)
            if m:
                found.add(m.group(1).lower())
    return frozenset(found)


# ----------------------------------------------------------------- sentence rules


@dataclass(frozen=True)
class Found:
    label: str
    members: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    rule: str
    cue: Cue | None = None  # where a cued list lies in its sentence, for the parse to refine


def _is_example_list(text_before: str) -> bool:
    """True when the words just before the list make it a list of examples."""
    return bool(patterns().example.search(text_before[-30:]))


Listing = tuple[str, list[str]]  # (label, members) as one rule reads them from a sentence


def _count_inline(text: str, pairs: frozenset[str]) -> Iterator[Listing]:
    m = patterns().count_inline.search(text)
    if m:
        pieces = re.split(
            r",? (?:and )?\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b,? ",
            m.group("list"),
        )
        if len(pieces) >= 2:
            yield m.group("label"), [_gist(p) for p in pieces]


def _count_cue(text: str, pairs: frozenset[str]) -> Iterator[Cue]:
    m = patterns().count_cue.search(text)
    if m and not _is_example_list(text[: m.start("list")]):
        members = split_members(m.group("list"), load_rules().max_member_words, pairs)
        yield Cue(
            m.group("label"), members, m.start("list"), len(text), _count_in(m.group("label"))
        )


def _count_subject(text: str, pairs: frozenset[str]) -> Iterator[Cue]:
    m = patterns().count_subject.search(text)
    if m and not patterns().example.search(m.group("list")):
        members = split_members(m.group("list"), 30, pairs)  # subjects are long noun phrases
        if (
            members
            and not CLAUSE_START.match(members[0])
            and not re.match(r"(?:these|those)\b", members[0], re.I)
        ):
            yield Cue(m.group("label"), members, m.start("list"), m.end("list"))


def _cue(text: str, pairs: frozenset[str]) -> Iterator[Listing]:
    pats = patterns()
    for m in pats.cue.finditer(text):
        if _is_example_list(text[: m.start("list")]) or pats.features_quoted.match(text, m.start()):
            continue
        label = f"{text[: m.start('cue')].split(',')[-1].strip()} {m.group('cue')}"
        members = split_members(m.group("list"), load_rules().max_member_words, pairs)
        halves = re.split(r"\s(?:and|or)\s", m.group("list").rstrip("."), maxsplit=1)
        if (
            not members
            and "," not in m.group("list")
            and len(halves) == 2
            and all(_words(half) <= load_rules().max_member_words for half in halves)
        ):
            members = (
                halves  # "limited to A and B" to the end: each half may be as long as a member
            )
        yield label, members


def _kind_of(text: str, pairs: frozenset[str]) -> Iterator[Listing]:
    for m in patterns().kind_of.finditer(text):
        # "the principles of ..." names a list; "the Seven Rules of ..." is a title
        if m.group("label").split()[-1].islower() and not _is_example_list(text[: m.start()]):
            yield (
                m.group("label"),
                split_members(m.group("list"), load_rules().max_member_words, pairs),
            )


def _purpose(text: str, pairs: frozenset[str]) -> Iterator[Cue]:
    """ "The purpose of X is to A, B and C": one purpose in three parts; two parts are one aim ("to A and B")."""
    m = patterns().purpose.search(text)
    if m:
        members = split_members(m.group("list"), 20, pairs)
        if len(members) >= 3:
            yield Cue(m.group("label"), members, m.start("list"), len(text), nominal=False)


def _quoted_as(text: str, pairs: frozenset[str]) -> Iterator[Listing]:
    m = patterns().quoted_as.search(text)
    if m:
        members = split_members(m.group("list"), load_rules().max_member_words, pairs)
        if len(members) >= 3:
            yield m.group("label"), members


def _quoted_features(text: str, pairs: frozenset[str]) -> Iterator[Listing]:
    m = patterns().features_quoted.search(text)
    if m:
        quoted = re.findall(QUOTED, m.group("list"))
        if len(quoted) >= 2:
            yield text[: m.start()].split(",")[-1], quoted


def _distributed_of(text: str, pairs: frozenset[str]) -> Iterator[Listing]:
    m = patterns().distributed_of.search(text)
    if m:
        head = m.group("head")
        objects = [m.group("first"), *re.split(r",? (?:and )?of ", m.group("rest"))[1:]]
        yield f"aspects of {head}", [f"{head} of {o.strip()}" for o in objects]


def _repeated_head(text: str, pairs: frozenset[str]) -> Iterator[Listing]:
    m = patterns().repeated_head.search(text)
    if m:
        head = m.group("head")
        pieces = [
            m.group("first"),
            *re.split(rf",? (?:and )?{re.escape(head)} ", m.group("rest"))[1:],
        ]
        if len(pieces) >= 3:
            yield head.split()[1], [f"{head} {p.strip()}" for p in pieces]


def _dangling_prep(text: str, pairs: frozenset[str]) -> Iterator[Listing]:
    m = patterns().dangling_prep.search(text)
    if m:
        pieces = [
            p.strip(" ,")
            for p in re.split(r",? (?:and )?(?=(?:an?|the) )", m.group("list"))
            if p.strip(" ,")
        ]
        members = [re.sub(r" (?:in|of|to|for|with)$", "", p) for p in pieces]
        # the first piece may start before its noun phrase: keep it from its last article
        members[0] = re.sub(r"^.*\b(?=(?:an?|the) )", "", members[0])
        yield f"roles in {m.group('object')}", members


def _rather_than(text: str, pairs: frozenset[str]) -> Iterator[Listing]:
    m = patterns().rather_than.search(text)
    if m:
        members = [
            re.sub(r"^(?:(?:on|in|of|for|to|by|with|through)\s)+", "", p)
            for p in re.split(r",? and |, ", m.group("list"))
        ]
        yield text[: m.start()].split(",")[-1], members


def _as_its(text: str, pairs: frozenset[str]) -> Iterator[Listing]:
    m = patterns().as_its.search(text)
    if m:
        yield m.group("label"), split_members(m.group("list"), load_rules().max_member_words, pairs)


def _one_and_other(text: str, pairs: frozenset[str]) -> Iterator[Listing]:
    """ "two kinds of permit, one that the mayor issues and one that the board issues"."""
    m = patterns().one_and_other.search(text)
    if m and _count_in(m.group("label")) == 2:
        other = r"(?=(?:one|the other|another)\b)"
        members = re.split(
            rf",?\s+(?:and|while|whereas|but)\s+{other}|;\s+{other}", m.group("list"), maxsplit=1
        )
        if len(members) == 2:
            yield m.group("label"), members


def _one_hand(text: str, pairs: frozenset[str]) -> Iterator[Listing]:
    """ "on the one hand to A, and on the other to B": the two sides of one aim or view."""
    m = patterns().one_hand.search(text)
    if m:
        members = [m.group("a"), m.group("b").split(", ")[0]]
        # "has on the one hand cut A, and is on the other hand raising B": two actions, not two aims
        if re.search(
            r"\b(?:is|are|was|were|has|have|had|will|would|can|could|does|do|did)$", members[0]
        ):
            return
        if all(0 < _words(member) <= 20 for member in members):
            yield text[: m.start()].split(",")[-1], members


def _ranked(text: str, pairs: frozenset[str]) -> Iterator[Listing]:
    """ "The largest buyer was A (31%), followed by B (17%) and C (9%)": a ranking names its places."""
    m = patterns().ranked.search(text)
    if m:
        rest = re.sub(r"\s*\([^()]*\)", "", m.group("rest"))
        members = [re.sub(r"\s*\([^()]*\)", "", m.group("first")), *split_members(rest, 6, pairs)]
        if len(members) >= 3:
            yield m.group("label"), members


def _long_list_rule(text: str, pairs: frozenset[str]) -> Iterator[Listing]:
    found = _long_list(text, pairs)
    if found:
        yield found


# ----------------------------------------------------------------- cued lists (refined by the parse)


@dataclass(frozen=True)
class Cue:
    """A list a cue names inside one sentence: where it starts, and the count the text gives."""

    label: str
    members: list[str]
    start: int  # character offset of the list in the sentence
    end: int
    count: int = 0  # "three ..." -> 3; 0 when no count is given
    nominal: bool = True  # members are noun phrases (not verb phrases after "to")
    plural_at: int = -1  # offset of the plural noun that names the set, for the tagger to confirm
    from_end: bool = False  # the list is known by where it ends: the parse finds where it begins
    marked: bool = (
        False  # "(a) ... (b) ...": markers delimit the members, the parse has nothing to add
    )
    to_end: bool = False  # the list runs to `end`: members that stop short leave a predicate behind


def _plural_at(m: re.Match) -> int:
    """Offset of the label's last plural-looking word: the noun the pattern took to name the set."""
    plurals = list(patterns().plural_word.finditer(m.group("label")))
    return m.start("label") + plurals[-1].start() if plurals else -1


def _count_in(label: str) -> int:
    """The count a label gives its set: "three main points" -> 3; "two years ago" is a quantity, not a set."""
    rules = load_rules()
    for m in patterns().count_phrase.finditer(label):
        words = m.group("label").lower().split()
        if words[1] not in rules.quantity_words:
            return rules.counts.index(words[0]) + 2
    return 0


def _whole(span: str, members: list[str], slack: int = 1) -> bool:
    """True when the members use up the span: the list runs to where the span ends."""
    return _words(span) <= sum(_words(m) for m in members) + len(members) + slack


def _opens_aside(member: str) -> bool:
    """True when a member opens a clause, an aside or a predicate ("soon merged", "especially ...")."""
    return bool(patterns().member_opener.match(member) or re.match(r"[a-z]+(?:ly|ed)\b", member))


def _copular_set(text: str, pairs: frozenset[str]) -> Iterator[Cue]:
    m = patterns().copular_set.search(text)
    if not m or patterns().example.search(m.group("list")):
        return
    span, start = m.group("list"), m.start("list")
    purpose = re.match(r"to ", span)
    if purpose:
        span, start = span[3:], start + 3
    members = split_members(span, 20 if purpose else 12, pairs)
    if len(members) >= 3 or (len(members) == 2 and _whole(span, members, 0)):
        if not purpose and _opens_aside(members[0]):
            return  # "were soon merged ...", "are useful when ...": a predicate, not a set
        yield Cue(
            m.group("label"),
            members,
            start,
            len(text),
            _count_in(m.group("label")),
            not purpose,
            _plural_at(m),
        )


def _what_cleft(text: str, pairs: frozenset[str]) -> Iterator[Cue]:
    """ "What the farmers wanted was A and B": the clause names the set its complement lists."""
    m = patterns().what_cleft.match(text)
    if m and not patterns().example.search(m.group("list")):
        members = split_members(m.group("list"), 12, pairs)
        if len(members) >= 2 and _whole(m.group("list"), members, 0):
            yield Cue(m.group("label"), members, m.start("list"), len(text))


def _colon_list(text: str, pairs: frozenset[str]) -> Iterator[Cue]:
    m = (
        patterns().colon_list.search(text) if ": " in text else None
    )  # the string test first: the regex is slow
    if (
        not m
        or _is_example_list(m.group("label"))
        or patterns().numbered_marker.match(m.group("list"))
    ):
        return
    if re.search(r"\b\d{4}\b", m.group("list")) or patterns().example.search(m.group("list")):
        return  # "Title: Subtitle, 1610–2008": a source, or a list of dates no count names
    members = split_members(m.group("list"), load_rules().max_member_words + 3, pairs)
    if _title_case(text) and text.rstrip().endswith("."):
        return  # "Rivers and Towns: A History of Mills, Ports and Bridges.": a title cited in the text
    if len(members) >= 2 and _whole(m.group("list"), members):
        yield Cue(
            m.group("label"),
            members,
            m.start("list"),
            len(text),
            _count_in(m.group("label")),
            plural_at=_plural_at(m) if not _count_in(m.group("label")) else -1,
            to_end=True,
        )


def _dash_list(text: str, pairs: frozenset[str]) -> Iterator[Cue]:
    m = patterns().dash_list.search(text) if "—" in text or "–" in text or "--" in text else None
    if not m or _is_example_list(m.group("label")) or patterns().example.search(m.group("list")):
        return
    members = split_members(m.group("list"), load_rules().max_member_words, pairs)
    if len(members) >= 3 and _whole(m.group("list"), members):
        yield Cue(
            m.group("label"), members, m.start("list"), m.end("list"), _count_in(m.group("label"))
        )


def _paren_list(text: str, pairs: frozenset[str]) -> Iterator[Cue]:
    """ "the powers (A, B, C, and D)": a bracketed run of 3+ short names after the set's name."""
    for m in patterns().paren_list.finditer(text):
        inner = m.group("list")
        if patterns().example.search(inner) or re.search(r"\d|\bi\.e\b", inner):
            continue
        members = split_members(inner, 4, pairs)
        if any(_opens_aside(member) or member.lower() in FUNCTION_WORDS for member in members):
            continue  # "(except for A, B and C)", "(with notes in ...)"
        if (
            len(members) >= 3
            and _whole(inner, members, 0)
            and (len(members) >= 4 or re.search(r" and ", inner))
        ):
            label = " ".join(text[: m.start()].split()[-6:])
            yield Cue(label, members, m.start("list"), m.end("list"), _count_in(label))


def _count_after(text: str, pairs: frozenset[str]) -> Iterator[Cue]:
    """ "A, B, and C—the so-called "three hurdles" to ...": the count names the list just before it.

    The count says how many comma pieces to take from the end; the first piece may
    start before its member, so it keeps as many words as the second member has.
    """
    m = patterns().count_after.search(text)
    if not m:
        return
    count = _count_in(m.group("label"))
    before = text[: m.start()]
    pieces = re.split(r",\s+", before)
    if count < 2 or len(pieces) < count:
        return
    members = pieces[-count:]
    members[-1] = AND.sub("", members[-1])
    if count == 2:
        members = re.split(r"\s(?:and|or)\s", pieces[-1], maxsplit=1)
        if len(members) != 2:
            return
    width = _words(members[1])
    members[0] = " ".join(members[0].split()[-width:])
    start = before.rindex(members[0])
    if all(_words(member) <= load_rules().max_member_words + 3 for member in members):
        yield Cue(m.group("label"), members, start, m.start(), count)


def _names_after_kind(text: str, pairs: frozenset[str]) -> Iterator[Cue]:
    """ "the seafaring powers A, B, and C" / "the free towns of A, B, C and D": 3+ names filed under a plural."""
    for m in patterns().names_after_kind.finditer(text):
        members = split_members(m.group("list"), 5, pairs)
        name = "label" if m.group("label") else "subject"
        plural = list(patterns().plural_word.finditer(m.group(name)))
        if len(members) >= 3 and plural:
            yield Cue(
                m.group(name),
                members,
                m.start("list"),
                m.end("list"),
                plural_at=m.start(name) + plural[-1].start(),
            )


def _as_kind(text: str, pairs: frozenset[str]) -> Iterator[Cue]:
    """ "received A, B, and C as wedding gifts": the plural after "as" names the list before it.

    Where the list begins only the parse can say (its first conjunct); without it
    the first member is as long as the second.
    """
    m = patterns().as_kind.search(text)
    if not m or patterns().example.search(text[: m.start()][-40:]):
        return
    pieces = re.split(r",\s+", text[: m.start()])
    if len(pieces) < 3 or not AND.match(pieces[-1]):
        return
    run = [pieces[-1]]
    for piece in reversed(pieces[:-1]):
        run.insert(0, piece)
        if _words(piece) > load_rules().max_member_words:
            break
    members = [*run[:-1], AND.sub("", run[-1])]
    members[0] = " ".join(members[0].split()[-_words(members[1]) :])
    yield Cue(
        m.group("label"),
        members,
        text.rindex(members[0], 0, m.start()),
        m.start(),
        plural_at=m.start("label") + len(m.group("label")) - len(m.group("label").split()[-1]),
        from_end=True,
    )


def _set_subject(text: str, pairs: frozenset[str]) -> Iterator[Cue]:
    """ "A and B are nonvoting members": a coordinated subject the copula files under a plural noun."""
    m = patterns().set_subject.match(text)
    if m and not patterns().example.search(m.group(0)):
        members = split_members(m.group("list"), 20, pairs)  # subjects are long noun phrases
        if len(members) >= 2 and _whole(m.group("list"), members, 0):
            yield Cue(
                m.group("label"),
                members,
                m.start("list"),
                m.end("list"),
                _count_in(m.group("label")),
                plural_at=_plural_at(m),
            )


def _numbered_inline(text: str, pairs: frozenset[str]) -> Iterator[Cue]:
    """ "...: 1) A, 2) B, and 3) C" / "(a) A and, (b) B": members between markers that count up."""
    marks = list(patterns().numbered_marker.finditer(text))
    if len(marks) < 2:
        return
    labels = [mk.group("mark") for mk in marks]
    first = labels[0]
    if first not in ("1", "a") or labels != [chr(ord(first) + i) for i in range(len(labels))]:
        return
    members = [text[a.end() : b.start()] for a, b in zip(marks, marks[1:])] + [
        text[marks[-1].end() :]
    ]
    members = [re.sub(r",?\s*(?:and|or)?,?$", "", m.strip().rstrip(".")) for m in members]
    if not any("," in m for m in members[:-1]):
        members[-1] = members[-1].split(", ")[
            0
        ]  # the last member ends where a comment on it begins
    yield Cue(
        text[: marks[0].start()],
        members,
        marks[0].start(),
        len(text),
        _count_in(text[: marks[0].start()]),
        marked=True,
    )


CUED_RULES = (
    ("enum.numbered-inline", _numbered_inline),
    ("enum.count-cue", _count_cue),
    ("enum.purpose", _purpose),
    ("enum.copular-set", _copular_set),
    ("enum.what-cleft", _what_cleft),
    ("enum.colon-list", _colon_list),
    ("enum.dash-list", _dash_list),
    ("enum.paren-list", _paren_list),
    ("enum.count-subject", _count_subject),
    ("enum.set-subject", _set_subject),
    ("enum.count-after", _count_after),
    ("enum.names-after-kind", _names_after_kind),
    ("enum.as-kind", _as_kind),
)


SENTENCE_RULES = (
    ("enum.count-inline", _count_inline),
    ("enum.cue", _cue),
    ("enum.kind-of", _kind_of),
    ("enum.quoted-as", _quoted_as),
    ("enum.quoted-features", _quoted_features),
    ("enum.distributed-of", _distributed_of),
    ("enum.repeated-head", _repeated_head),
    ("enum.dangling-prep", _dangling_prep),
    ("enum.rather-than", _rather_than),
    ("enum.as-its", _as_its),
    ("enum.long-list", _long_list_rule),
    ("enum.one-and-other", _one_and_other),
    ("enum.ranked", _ranked),
    ("enum.one-hand", _one_hand),
)


# "[1] Author (2011). Title: Subtitle", "... pp. 93-107": a source, not the reading's own words
CITATION = re.compile(r"^\[\d+\]|\(\d{4}[a-z]?\)[.,]|\bpp?\. ?\d")


def sentence_lists(sentence: Sentence, pairs: frozenset[str]) -> Iterator[Found]:
    """Lists named inside one sentence (or heading), by every sentence rule; none in a citation."""
    if CITATION.search(sentence.text):
        return
    lowered, present = sentence.text.lower(), {}  # several rules need the same words
    closed = set()
    for rule, need in patterns().needs.items():
        if need not in present:
            present[need] = need.search(lowered) is not None
        if not present[need]:
            closed.add(rule)
    for rule, find in CUED_RULES:
        if rule in closed:
            continue
        for cue in find(sentence.text, pairs):
            cleaned = _clean_members(cue.members)
            if cleaned:
                yield Found(_tidy(cue.label), cleaned, (sentence,), rule, cue)
    for rule, find in SENTENCE_RULES:
        if rule in closed:
            continue
        for label, members in find(sentence.text, pairs):
            cleaned = _clean_members(members)
            if cleaned:
                yield Found(_tidy(label), cleaned, (sentence,), rule)


def _plain_members(members: tuple[str, ...], counted: bool = False) -> bool:
    """Without a parse: no member opens a clause or an aside, and an uncounted pair is two names or determined nouns.

    "dead and dying", "small, but so is ..." and "useful when, if needed, ..."
    are predicates; "Tessel and North Varra" and "the law and the courts" are sets.
    """
    if any(_opens_aside(member) for member in members):
        return False
    determined = r"(?:the|a|an|his|her|its|their|our)\b|[A-Z]"
    return counted or len(members) > 2 or all(re.match(determined, m) for m in members)


def refined(found: list[Found], nlp) -> list[Found]:
    """Cued lists with the parse's members where it has them; a count the text gives must match.

    The parse keeps an "and" inside a member and leaves out clauses hung on one;
    where it finds no coordination at the cue the regular-expression members stay.
    """
    cued = [f for f in found if f.cue is not None]
    docs = (
        parse(nlp, [f.sentences[0].text for f in cued], need=("parse",))
        if cued and has_parser(nlp)
        else [None] * len(cued)
    )
    by_item = dict(zip(map(id, cued), docs))
    out = []
    for item in found:
        cue = item.cue
        if cue is None:
            out.append(item)
            continue
        candidates = [item.members]
        if cue.marked:
            out.append(Found(item.label, item.members, item.sentences, item.rule))
            continue
        doc = by_item[id(item)]
        if doc is None and not _plain_members(item.members, counted=bool(cue.count)):
            continue
        if doc is not None:
            if cue.plural_at >= 0 and not is_plural_noun(doc, cue.plural_at):
                continue  # "displays the slogan: ...": no plural noun names a set
            from_parse = _clean_members(
                coordination_ending_at(doc, cue.end)
                if cue.from_end
                else conjunct_members(doc, cue.start, cue.end, cue.nominal)
            )
            if not cue.nominal:  # verb phrases: the parse often hangs one on the wrong verb
                by_verbs = _clean_members(verb_phrase_members(doc, cue.start, cue.end))
                from_parse = by_verbs if len(by_verbs) > len(from_parse) else from_parse
            # clean noun phrases split at commas beat a parse that stumbles on hyphens and
            # appositions; where they are not clean (a clause hung on a member) the parse decides
            # a count that agrees vouches for the split even where the tagger takes a noun for a verb
            regex_clean = cue.nominal and (
                are_phrases(doc, cue.start, list(item.members))
                or (cue.count == len(item.members) and _plain_members(item.members, counted=True))
            )
            order = [item.members, from_parse] if regex_clean else [from_parse]
            if (
                cue.from_end
            ):  # where a list found from its end begins, the parse knows better than a guess
                order = [from_parse, item.members] if regex_clean else [from_parse]
            if (
                regex_clean
                and len(from_parse) == len(item.members)
                and are_phrases(doc, cue.start, list(from_parse))
            ):
                order.reverse()  # same count, both clean: the parse knows which "and" joins members
            candidates = [c for c in order if c]
            if not candidates:
                continue  # no coordination of noun phrases (or of verb phrases after "to") at the cue
        if cue.count:
            candidates = [c for c in candidates if len(c) == cue.count]
        if cue.to_end:  # "Rights: speech and assembly are protected." leaves "are protected" over
            text = item.sentences[0].text
            candidates = [
                c
                for c in candidates
                if _words(text[text.lower().rfind(c[-1].lower()) + len(c[-1]) : cue.end]) <= 1
            ]
        if candidates:
            out.append(Found(item.label, candidates[0], item.sentences, item.rule))
    return out


LAST_PAIR = re.compile(
    r"^([a-z][\w-]*(?: [a-z][\w-]*){0,2}) (?:and|or) ([a-z][\w-]*(?: [a-z][\w-]*){0,2}?)"
    r"(?: (?:is|are|was|were|has|have|had|will|would|can|should|must|in|of|to|for|that|which|with|on|as|at|by)\b.*)?$"
)
# What the list describes: "a system that has A, B, ...", "a world of A, B, ..."
DESCRIBED_BY = re.compile(r"(?:\b(?:that|which) [\w-]+|\bof)$")
SHORT_LOWER = re.compile(r"^[a-z][\w-]*(?: [a-z][\w-]*){0,2}$")


def _long_list(text: str, pairs: frozenset[str]) -> tuple[str, list[str]] | None:
    """An unannounced list that is plainly one: 5+ short common-noun members with an Oxford comma, or 6+,
    describing the noun before it ("a fund that pays for A, B, ...", "a world of A, B, ...").

    Members are parallel, so the first one is as long as the second ("pays for
    road repair, canal dredging, ..." starts at "road").
    """
    if any(c in text for c in '"“”'):
        return None
    pieces = text.rstrip(".").split(", ")
    for start in range(1, len(pieces) - 3):
        run = [start]
        while (
            run[-1] + 1 < len(pieces)
            and SHORT_LOWER.match(pieces[run[-1] + 1])
            and not re.match(r"(?:and|or) ", pieces[run[-1] + 1])
        ):
            run.append(run[-1] + 1)
        if not SHORT_LOWER.match(pieces[start]) or len(run) < 3:
            continue
        last_index = run[-1] + 1
        last = pieces[last_index] if last_index < len(pieces) else ""
        oxford = bool(re.match(r"(?:and|or) ", last)) and SHORT_LOWER.match(
            last.split(" ", 1)[1] if " " in last else ""
        )
        middle = [pieces[i] for i in run]
        closing = LAST_PAIR.match(last)
        if oxford:
            members = middle + [last.split(" ", 1)[1]]
        elif closing:  # "..., order and thrift is a habit": the last two members, then the clause
            members = middle + [closing.group(1), closing.group(2)]
        else:
            members = middle[:-1] + re.split(r" (?:and|or) ", middle[-1], maxsplit=1)
        width = len(members[0].split()) if members else 1
        lead_words = pieces[start - 1].split()
        first = " ".join(lead_words[-width:])
        before = " ".join(lead_words[:-width])
        if not SHORT_LOWER.match(first) or _is_example_list(before) or first.lower() in pairs:
            return None
        if not DESCRIBED_BY.search(before):
            return None
        members = [first, *members]
        if len(members) >= 6 or (len(members) >= 5 and oxford):
            return " ".join(lead_words[-width - 4 : -width]), members
        return None
    return None


def _gist(clause: str) -> str:
    """The gist of one step of a sequence: the clause, without a trailing ", but ..." aside."""
    clause = re.split(
        r",\s+(?:but|or|nor|which|while|because|thus|and that)\s|;\s", clause.strip(), maxsplit=1
    )[0]
    # a relative clause after the first few words only qualifies the step ("a platform that ...")
    for m in re.finditer(r"(?<!\bway)(?<!\bso)\s(?:that|which|who)\s", clause):
        if _words(clause[: m.start()]) >= 4 and _words(clause) > 18:
            clause = clause[: m.start()]
            break
    clause = re.sub(
        r"^(?:we|they|it|you)\s+(?:should|must|need to|have to|will|shall)\s+(?:also\s+)?",
        "",
        clause,
        flags=re.I,
    )
    return _tidy(clause)


# ----------------------------------------------------------------- sequences across sentences

CONNECTIVE = re.compile(
    r"^(?:However|Moreover|Therefore|Thus|Meanwhile|In addition|Furthermore),\s*"
)
MAX_GAP = 25  # sentences allowed between two steps: a step may run over several paragraphs


def _position(marker: str) -> int | None:
    rules = load_rules()
    marker = marker.lower()
    if marker in rules.closing_ordinals:
        return 0  # closes the running sequence
    return rules.ordinals.get(marker)


def ordinal_sequences(units: list[tuple[Paragraph, Sentence]]) -> Iterator[Found]:
    """ "First, ... Second, ... Finally, ..." runs: members are the clauses after each marker."""
    pats = patterns()
    steps: list[tuple[int, str, Sentence]] = []  # (index in units, gist, sentence)

    def close() -> Iterator[Found]:
        nonlocal steps
        if len(steps) >= 3 or (len(steps) == 2 and intro_count == 2):
            label = intro_label or "steps"
            yield Found(
                label,
                _clean_members([g for _, g, _ in steps]),
                tuple(s for _, _, s in steps),
                "enum.ordinal-sequence",
            )
        steps = []

    intro_label, intro_count = "", 0
    for index, (paragraph, sentence) in enumerate(units):
        if paragraph.kind == "heading":
            yield from close()
            continue
        text = sentence.text
        start = pats.ordinal_start.match(text)
        inline = None if start else pats.ordinal_inline.match(text)
        position = _position(start.group("marker")) if start else (1 if inline else None)
        if steps and index - steps[-1][0] > MAX_GAP:
            yield from close()
        if position == 1:
            yield from close()
            before = (
                units[index - 1][1].text
                if index and not inline
                else (inline.group("before") if inline else "")
            )
            counted = pats.count_phrase.search(before)
            intro_label = (
                counted.group("label") if counted else _tidy(CONNECTIVE.sub("", before))[:80]
            )
            intro_count = _count_value(counted.group("label")) if counted else 0
            rest = (start or inline).group("rest")
            steps = [(index, _gist(rest), sentence)]
        elif position == 2 and not steps:
            first = _unmarked_first_step(units, index)
            if first is not None:
                intro_label, intro_count = _tidy(units[first - 1][1].text)[:80], 0
                steps = [
                    (first, _gist(units[first][1].text), units[first][1]),
                    (index, _gist(start.group("rest")), sentence),
                ]
        elif position is not None and steps:
            expected = len(steps) + 1
            if position == expected or position == 0:
                steps.append((index, _gist(start.group("rest")), sentence))
                if position == 0 or (intro_count and len(steps) == intro_count):
                    yield from close()
            else:
                yield from close()
    yield from close()


UNCOUNTED_SET = re.compile(
    r"\b(?:a number of|several|various|a series of)\s+(?:[\w-]+ )?[\w-]+s\b", re.I
)


def _unmarked_first_step(units: list[tuple[Paragraph, Sentence]], index: int) -> int | None:
    """Where "Second, ..." follows an unmarked first step: "A number of rules had changed. A ... Second, B".

    The first step is the sentence right after the one that announces a number of
    things, as the opening of the paragraph before.
    """
    paragraph = units[index][0]
    previous = [i for i in range(max(0, index - 8), index) if units[i][0] is not paragraph]
    if not previous:
        return None
    opening = next(i for i in previous if units[i][0] is units[previous[-1]][0])
    if (
        opening + 1 < index
        and units[opening + 1][0] is units[opening][0]
        and (
            UNCOUNTED_SET.search(units[opening][1].text)
            or patterns().count_phrase.search(units[opening][1].text)
        )
    ):
        return opening + 1
    return None


def _named_or_gist(rest: str) -> str:
    """ "called The Harbour Compact, stated that ..." -> the name; otherwise the gist of the step."""
    named = re.match(r"(?:called|named|known as|titled|entitled) ([^,]+)", rest)
    return _tidy(named.group(1)) if named else _gist(rest)


def ordinal_noun_sequences(units: list[tuple[Paragraph, Sentence]]) -> Iterator[Found]:
    """ "The first reason is ... The second reason is ... The third reason ...": one noun counted up.

    Members are what each sentence says after the counted noun (and its copula).
    """
    pats = patterns()
    runs: dict[str, list[tuple[int, str, Sentence]]] = {}

    def close(noun: str) -> Iterator[Found]:
        steps = runs.pop(noun, [])
        if len(steps) >= 2:
            members = _clean_members([gist for _, gist, _ in steps])
            if members:
                label = noun if noun.endswith("s") or not noun else noun + "s"
                yield Found(
                    label or "points", members, tuple(s for _, _, s in steps), "enum.ordinal-nouns"
                )

    for index, (_paragraph, sentence) in enumerate(units):
        m = pats.ordinal_noun.match(sentence.text)
        if not m:
            continue
        # "The first is that ..., the second is that ...": the noun was named before
        noun, position = (m.group("noun") or "").lower(), _position(m.group("marker"))
        if not noun and not re.match(
            rf"The {m.group('marker')}(?: (?:is|was|are|were)\b|,)", sentence.text
        ):
            continue
        steps = runs.get(noun, [])
        if steps and index - steps[-1][0] > MAX_GAP:
            yield from close(noun)
            steps = []
        gist = _named_or_gist(m.group("rest"))
        if position == 1:
            yield from close(noun)
            runs[noun] = [(index, gist, sentence)]
        elif steps and position in (len(steps) + 1, 0):
            steps.append((index, gist, sentence))
            if position == 0:
                yield from close(noun)
    for noun in list(runs):
        yield from close(noun)


def _count_value(label: str) -> int:
    rules = load_rules()
    first = label.split()[0].lower()
    return rules.counts.index(first) + 2 if first in rules.counts else 0


# ----------------------------------------------------------------- paragraph-level rules


def _title_case(text: str) -> bool:
    long_words = [w for w in WORD.findall(text) if len(w) >= 4]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.6


def parallel_headings(doc: Document) -> Iterator[Found]:
    """A section's run of 3+ sentence-case sub-headings, most of them "X as Y"."""
    pats = patterns()
    section: Paragraph | None = None
    run: list[Paragraph] = []

    def close() -> Iterator[Found]:
        if len(run) >= 3 and sum(bool(pats.as_heading.match(p.text)) for p in run) * 2 > len(run):
            sentences = tuple(s for p in run for s in p.sentences[:1])
            label = section.text if section else "sections"
            if sentences:
                yield Found(
                    label,
                    _clean_members([p.text for p in run]),
                    sentences,
                    "enum.parallel-headings",
                )

    for paragraph in doc.paragraphs:
        if paragraph.kind != "heading" or paragraph.unreliable:
            continue
        if _title_case(paragraph.text):
            yield from close()
            section, run = paragraph, []
        else:
            run.append(paragraph)
    yield from close()


def parallel_openers(doc: Document) -> Iterator[Found]:
    """3+ consecutive paragraphs whose first sentences share the form "X should be <done>."."""
    pats = patterns()
    run: list[tuple[str, Sentence, str | None]] = []

    def close() -> Iterator[Found]:
        if len(run) >= 3:
            label = run[0][2] or "steps"
            yield Found(
                label,
                _clean_members([m[0].lower() + m[1:] for m, _, _ in run]),
                tuple(s for _, s, _ in run),
                "enum.parallel-openers",
            )

    for paragraph in doc.paragraphs:
        if paragraph.kind == "aside":
            continue
        first = paragraph.sentences[0] if paragraph.sentences else None
        m = (
            pats.opener.match(first.text)
            if first and paragraph.kind == "body" and not paragraph.unreliable
            else None
        )
        if m and (not run or run[-1][2] == paragraph.heading):
            run.append((m.group("member"), first, paragraph.heading))
            continue
        yield from close()
        run = [(m.group("member"), first, paragraph.heading)] if m else []
    yield from close()


# ----------------------------------------------------------------- list items


def _item_member(paragraph: Paragraph) -> str:
    """What one list item contributes: its bold lead ("**Term**: ..."), else the first clause of its first sentence."""
    first = paragraph.sentences[0]
    lead = next((mark for mark in first.marks if mark.kind == "strong" and mark.start <= 2), None)
    if lead is not None and re.match(r"\s*[:.—–-]", first.text[lead.end :]):
        return first.text[lead.start : lead.end]
    return _item_member_text(first.text)


def _item_member_text(text: str) -> str:
    """An item's first clause, without its marker; a long one cut to its opening words."""
    text = re.sub(r"^(?:--|[-–—•*])\s*", "", text)
    ends = _alternation(load_rules().item_clause_ends)
    clause = re.split(rf"[;:]\s|\s\(|,\s(?=(?:{ends})\b)", text, maxsplit=1)[0]
    if _words(clause) >= 4:
        text = clause
    limit = load_rules().max_item_words
    if _words(text) > limit:  # a long item still counts: its opening words stand for it
        text = " ".join(text.split()[:limit])
    return _tidy(text)


def _picks_some(intro: str) -> bool:
    """True when an introduction picks some items of a larger set ("Highlights include:") and gives no count."""
    return bool(patterns().partial.search(intro)) and not _count_in(intro)


def _item_lists(
    intro: Paragraph, items: list[Paragraph]
) -> Iterator[tuple[Paragraph, list[Paragraph]]]:
    """The lists in one run of items: the run itself after `intro`, and each sub-list an item opens with a colon.

    Items carry no nesting level, so a sub-list takes the count its opener gives
    ("two teams:") or else runs to the next item that opens another list.
    """
    openers = [i for i, p in enumerate(items) if p.sentences[-1].text.rstrip().endswith(":")]
    nested: set[int] = set()
    for n, i in enumerate(openers):
        end = openers[n + 1] if n + 1 < len(openers) else len(items)
        count = _count_in(items[i].sentences[-1].text)
        sub = items[i + 1 : min(end, i + 1 + count) if count else end]
        nested.update(range(i + 1, i + 1 + len(sub)))
        yield items[i], sub
    yield intro, [p for i, p in enumerate(items) if i not in nested]


def list_items(doc: Document) -> Iterator[Found]:
    """A bulleted or numbered list after a colon or under a heading: each item is one member.

    The list is closed when its introduction ends with a colon ("The main duties were:")
    or a heading names it; a count in the introduction must equal the number of items.
    An introduction that speaks to the reader ("you will be able to:") opens study aims.
    """
    rules = load_rules()
    intro: Paragraph | None = None
    run: list[Paragraph] = []

    def close() -> Iterator[Found]:
        if not run or intro is None or not intro.sentences:
            return
        for opener, items in _item_lists(intro, run):
            label = opener.sentences[-1].text
            if len(items) < 2 or re.search(r"\byou\b", label, re.I) or _picks_some(label):
                continue
            if sum(len(p.sentences) > 1 for p in items) * 2 > len(
                items
            ) and not label.rstrip().endswith(":"):
                continue  # numbered paragraphs of a report or cable, not a list
            count = _count_in(label)
            if opener.kind == "heading":
                if label.lower().strip(" :") in rules.not_list_headings:
                    continue
            elif not (
                label.rstrip().endswith(":")
                or re.search(r"\b(?:the following|as follows)\b", label, re.I)
                or count == len(items)
            ):
                continue  # a colon, "the following" or the right count announces the items
            if count and count != len(items):
                continue
            members = _clean_members([_item_member(p) for p in items])
            if members:
                sentences = tuple(p.sentences[0] for p in items)
                yield Found(
                    _tidy(label), members, (opener.sentences[-1], *sentences), "enum.list-items"
                )

    for paragraph in doc.paragraphs:
        if (
            paragraph.list_item is not None
            and paragraph.kind == "body"
            and not paragraph.unreliable
            and paragraph.sentences
        ):
            run.append(paragraph)
            continue
        yield from close()
        run = []
        if paragraph.kind in ("body", "heading"):
            intro = paragraph
    yield from close()


SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z])")


def inline_items(doc: Document) -> Iterator[Found]:
    """Items run together in one paragraph after a colon: "three main points: -- A; -- B; and -- C".

    Plain text that lost its line breaks keeps the item markers; a list ends with
    the item after which the paragraph goes on with other sentences.
    """
    for paragraph in doc.paragraphs:
        if paragraph.kind != "body" or paragraph.unreliable:
            continue
        text = paragraph.text
        for m in re.finditer(r"([:.!?])\s+(--|[–—•*])\s+", text):
            members: list[str] = []
            segments = re.split(rf"\s+{re.escape(m.group(2))}\s+", text[m.end() :])
            for segment in segments:
                first, *rest = SENTENCE_END.split(segment)
                first = re.sub(r"[;,]?\s*(?:and|or)?$", "", first.strip())
                members.append(first)
                # an item may explain itself in a sentence or two; more, or a new colon, ends the list
                if len(rest) > 2 or (rest and rest[-1].rstrip().endswith(":")):
                    break
            intro = SENTENCE_END.split(text[: m.start() + 1])[-1]
            count = _count_in(intro)
            if _picks_some(intro):
                continue
            # without a colon only a longer run of markers shows the sentences are items
            if len(members) < (2 if m.group(1) == ":" else 3) or (count and count != len(members)):
                continue
            cleaned = _clean_members([_item_member_text(member) for member in members])
            sentences = tuple(
                s
                for s in paragraph.sentences
                if intro[-40:] in s.text or any(member[:40] in s.text for member in members)
            )
            if cleaned and sentences:
                yield Found(_tidy(intro), cleaned, sentences, "enum.inline-items")


# ----------------------------------------------------------------- duplicates


def _member_match(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    if a in b or b in a:
        return True
    wa, wb = set(WORD.findall(a)), set(WORD.findall(b))
    return bool(wa and wb) and 2 * len(wa & wb) / (len(wa) + len(wb)) >= 0.5


def _covers(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    """Every member of `small` matches a distinct member of `big`."""
    free = list(big)
    for member in small:
        hit = next((b for b in free if _member_match(b, member)), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


TAIL_LIST = re.compile(
    r"(?P<list>(?:[\w'’-]+ ){0,3}[\w'’-]+(?:, (?:[\w'’-]+ ){0,3}[\w'’-]+)+,? (?:and|or) (?:[\w'’-]+ ){0,3}?[\w'’-]+)"
    r"(?=[.;:]?$| (?:are|is|were|was|have|has|keep|keeps|make|makes|form|forms|became|become|remain|remains)\b)"
)


MAX_COLON_SENTENCES = 6  # sentences a colon can announce before a "These ..." sentence closes them


def colon_sentences(units: list[tuple[Paragraph, Sentence]]) -> Iterator[Found]:
    """Whole sentences announced by a colon: "... our general method:" A. B. C. "These principles ...".

    The sentences belong to the list when a count in the announcement says how many,
    or when a sentence naming them ("These principles", "These steps") follows them.
    """
    pats = patterns()
    for index, (paragraph, sentence) in enumerate(units):
        # the announcement ends the sentence, or a capital after it opens the first announced sentence
        colon = re.search(r":\s*$|:\s+(?=[A-Z][a-z])", sentence.text)
        if (
            paragraph.kind != "body"
            or paragraph.list_item is not None
            or not colon
            or _picks_some(sentence.text[: colon.start()])
        ):
            continue
        first = sentence.text[colon.end() :]
        following: list[Sentence] = [replace(sentence, text=first)] if first else []
        closed = False
        for next_paragraph, candidate in units[index + 1 : index + 2 + MAX_COLON_SENTENCES]:
            if next_paragraph.kind != "body" or next_paragraph.list_item is not None:
                break
            if pats.these.match(candidate.text) or re.match(r"These [a-z-]+s\b", candidate.text):
                closed = True
                break
            following.append(candidate)
        count = _count_in(sentence.text[: colon.start()])
        if count and len(following) >= count:
            following, closed = following[:count], True
        if closed and len(following) >= 2:
            members = _clean_members([_gist(s.text) for s in following])
            sentences = (sentence, *following[1:]) if first else (sentence, *following)
            if members:
                yield Found(
                    _tidy(sentence.text[: colon.start()]),
                    members,
                    sentences,
                    "enum.colon-sentences",
                )


NAMES_WHAT_WENT_BEFORE = re.compile(
    r"^(?:These|Those) (?:are|were) (?:all )?(?:[\w-]+ ){0,2}[\w-]+s\b"
)


def parallel_sentences_named(units: list[tuple[Paragraph, Sentence]]) -> Iterator[Found]:
    """ "We have built A. We have both approved B. We have opened C. These are good signs ...".

    Sentences that open with the same two words, right before a sentence that names
    them ("These are ...s"), are the members; the shared opening is left out.
    """
    pats = patterns()
    for index, (paragraph, sentence) in enumerate(units):
        named = NAMES_WHAT_WENT_BEFORE.match(sentence.text) or pats.these.match(sentence.text)
        if not named or index < 2:
            continue
        opener = " ".join(units[index - 1][1].text.split()[:2])
        run: list[Sentence] = []
        for _, earlier in reversed(units[max(0, index - 8) : index]):
            if _ != paragraph and _.kind != "body" or " ".join(earlier.text.split()[:2]) != opener:
                break
            run.insert(0, earlier)
        if len(run) >= 2:
            members = _clean_members([_gist(" ".join(s.text.split()[2:])) for s in run])
            if members:
                yield Found(_tidy(named.group(0)), members, (*run, sentence), "enum.parallel-named")


THE_OTHER = re.compile(
    r"^The other (?P<noun>[a-z][\w-]*)(?:\s+--[^-]+--|\s*—[^—]+—|,[^,]+,)?\s+(?:is|was)\s+"
    r"(?P<b>[^.;]+)"
)


def the_other(units: list[tuple[Paragraph, Sentence]]) -> Iterator[Found]:
    """ "... the risks of A. The other risk is B.": a pair named by its noun across two sentences."""
    for (_, sentence), (_, following) in zip(units, units[1:]):
        m = THE_OTHER.match(following.text)
        if not m:
            continue
        noun = re.escape(m.group("noun"))
        first = re.search(
            rf"\b(?:the|one) {noun}s? (?:of|is|was) (?P<a>[^,.;]+)", sentence.text, re.I
        )
        if first:
            members = _clean_members([first.group("a"), m.group("b")])
            if members and all(
                _words(member) <= load_rules().max_member_words for member in members
            ):
                yield Found(
                    f"two {m.group('noun')}s", members, (sentence, following), "enum.the-other"
                )


def named_by_next_sentence(units: list[tuple[Paragraph, Sentence]]) -> Iterator[Found]:
    """ "... trust, dialogue and restraint. These components of peace ...": the next sentence names the list."""
    pats, rules = patterns(), load_rules()
    for (paragraph, sentence), (next_paragraph, following) in zip(units, units[1:]):
        named = pats.these.match(following.text)
        if not named or paragraph is not next_paragraph:
            continue
        m = TAIL_LIST.search(sentence.text)
        if not m or _is_example_list(sentence.text[: m.start()]):
            continue
        members = split_members(m.group("list"), rules.max_member_words)
        if len(members) >= 3:
            # members are parallel: the first is as long as the second ("The region needs trust" -> "trust")
            width = len(members[1].split())
            members[0] = " ".join(members[0].split()[-width:])
            cleaned = _clean_members(members)
            if cleaned:
                yield Found(named.group("label"), cleaned, (sentence, following), "enum.named-next")


def without_duplicates(found: list[Found]) -> list[Found]:
    """One item per list: a list restated (whole, or with one member fewer) keeps its fullest statement."""
    found = [f for f in found if f.members]

    def restated(i: int, item: Found) -> bool:
        for j, other in enumerate(found):
            extra = len(other.members) - len(item.members)
            if (
                j != i
                and 0 <= extra <= 1
                and (extra or j < i)
                and _covers(other.members, item.members)
            ):
                return True
        return False

    return [item for i, item in enumerate(found) if not restated(i, item)]


# ----------------------------------------------------------------- entry point


def _units(doc: Document) -> list[tuple[Paragraph, Sentence]]:
    """Usable headings and body sentences in reading order (no footnotes, no distrusted text)."""
    return [
        (p, s)
        for p in doc.paragraphs
        if p.kind in ("body", "heading") and not p.unreliable
        for s in p.sentences
        if not s.unreliable
    ]


def extract(doc: Document, nlp, settings) -> Iterator[Enumeration]:
    """Yield the named lists of `doc`.

    Args:
        doc: a cleaned document.
        nlp: the spaCy pipeline; with a parser, cued lists are checked and split on the parse
            of their sentences only (the blank pipeline falls back to the rule-only guards).
        settings: quizgen Settings; `extract.vocabulary` pairs ("law and order") stay one member.
    Yields:
        Enumeration items with the label the text gives and the members in order.
    """
    units = _units(doc)
    vocabulary = settings.extract.vocabulary if settings is not None else []
    # "A and B" terms the user lists (extract.vocabulary) stay one member, like the document's own pairs
    pairs = known_pairs(doc) | {
        term.lower() for term in vocabulary if re.search(r"\s(?:and|or)\s", term)
    }
    found: list[Found] = []
    for _, sentence in units:
        found.extend(sentence_lists(sentence, pairs))
    found.extend(ordinal_sequences(units))
    found.extend(ordinal_noun_sequences(units))
    found.extend(named_by_next_sentence(units))
    found.extend(colon_sentences(units))
    found.extend(parallel_sentences_named(units))
    found.extend(the_other(units))
    found.extend(parallel_headings(doc))
    found.extend(list_items(doc))
    found.extend(inline_items(doc))
    found.extend(parallel_openers(doc))
    found = refined(found, nlp)
    found.sort(key=lambda f: (f.sentences[0].offset, f.sentences[0].line))
    for item in without_duplicates(found):
        yield Enumeration(
            label=item.label,
            members=item.members,
            source=provenance(doc, item.sentences, item.rule),
        )


# -- the kind's registry entry: what the other stages need of a Enumeration ---------


def describe(item: Enumeration) -> str:
    return f"{item.label}: " + "; ".join(item.members)


def fact_key(item: Enumeration) -> tuple[str, ...]:
    """A list is its members in any order (its name differs between texts)."""
    return ("enumeration", *sorted(normalise(m) for m in item.members))


KIND = ItemKind(
    name="enumeration",
    item_class=Enumeration,
    extract=extract,
    describe=describe,
    shown=lambda item: item.label or ", ".join(item.members),
    fact_key=fact_key,
)
