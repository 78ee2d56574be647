"""Definitions: a term and what the text says it is, means, requires or is for.

Each item's `source.rule` names the rule that found it. Rules over the words (both pipelines):

  def.term            'The term "X" involves Y', 'The phrase "X" is used to describe Y' (or, in the
                      next sentence, '... it requires Y')
  def.means           "X means Y", "X refers to Y", "X is defined as Y", "By X we mean Y"
  def.copula          "X is/are (a|an|the|not only|both|to ...) Y" with a nominal X that is a concept
                      (not "X is to A, B and C": a list of aims is an enumeration)
  def.called          'X is called "T" because Y'
  def.described-as    'summarized the spirit of X as "Y"'
  def.which-means     "..., a new order, which meant Y"
  def.heading-as      a heading "X as Y"
  def.glossary        a glossary line "X: Y" / "X — Y" (under a glossary heading, a marked term, a
                      list item, a Markdown definition list), counted even where X was defined before
  def.table           a table whose header names a defining column ("Definition", "Purpose")
  def.marked          a term the source marked (bold, <dfn>) or quoted, and the gloss right after it:
                      "**X**, a doctrine that ...", "**X**, or Y", "“X”—that is, Y"

Rule-only readings (blank pipeline; with a parser definition_syntax reads these):

  def.known-as        "a council called the Witan", "herders are often called nomads"
  def.made-for        "X was founded in 1873 to ..."
  def.purpose         "The purpose of X was to ..."
  def.gloss           "Bluebird (the royal yacht)", "Localism, or pride in ..., rose",
                      "an awareness of ...—what Orvath calls guild sense"
  def.appositive      "the Harlow Accords, a set of treaties that ..." (a name; not a person's
                      role, a "who" clause or a share)

With a parser, the constructions of definition_syntax (def.copula, def.purpose, def.defined-as,
def.made-for, def.serves-as, def.appositive, def.known-as, def.gloss) run on the sentences a
cheap cue selects (rules `parse_cues`); one item per term and sentence, the fuller reading kept.

Opening phrases ("In essence,", "According to P,") are set aside before the
term is read. Strict on the term: not a pronoun or quantifier ("It", "Each
country"), not a name (a word the document capitalises mid-sentence, or with
the trained pipeline an entity), not a clause. A following "It is ..." sentence
continues the definition. Sentences inside quotations, table rows and sections of
references or links are skipped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..models import Definition, Document, Paragraph, Sentence
from ..util.text import normalise
from . import ItemKind, common, definition_syntax
from .common import provenance
from .enumerations import split_members
from .nlp import has_ner, has_parser, parse

RULES_FILE = Path(__file__).resolve().parent.parent / "rules" / "definitions.yaml"


class Construction(BaseModel):
    """A DependencyMatcher pattern and the nodes read as term and definition."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str
    term: str
    definition: str
    definition_span: Literal["subtree", "rest", "after", "from"] = "subtree"
    exclude: list[str] = []
    name_is_term: bool = False
    order: list[str] = []
    predicate: str | None = None
    pattern: list[dict]


class Gloss(BaseModel):
    """A Matcher pattern for a gloss marker ("that is", a bracket, ", or")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str
    kind: Literal["that-is", "bracket", "or", "what", "alias"]
    pattern: list[dict]


class DefinitionRules(BaseModel):
    """Schema of rules/definitions.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    defining_verbs: list[str]
    term_verbs: list[str]
    term_nouns: list[str]
    predicate_adverbs: list[str]
    predicate_openers: list[str]
    rejected_subject_words: list[str]
    opening_phrases: list[str]
    as_verbs: list[str]
    quantifiers: list[str]
    shell_nouns: list[str]
    discourse_openers: list[str]
    name_labels: list[str]
    max_term_words: int
    max_glossary_term_words: int
    glossary_headings: list[str]
    apparatus_headings: list[str]
    defining_columns: list[str]
    made_for_verbs: list[str]
    naming_phrases: list[str]
    gloss_separators: list[str]
    gloss_openers: list[str]
    parse_cues: list[str]
    max_parse_chars: int
    purpose_nouns: list[str]
    evaluative_heads: list[str]
    rejected_term_labels: list[str]
    place_labels: list[str]
    quantity_labels: list[str]
    rejected_term_determiners: list[str]
    naming_verbs: list[str]
    person_role_nouns: list[str]
    name_nouns: list[str]
    quantity_nouns: list[str]
    time_words: list[str]
    identifying_adjectives: list[str]
    non_defining_heads: list[str]
    constructions: list[Construction]
    glosses: list[Gloss]


def load_rules(path: Path = RULES_FILE) -> DefinitionRules:
    return common.load_rules(path, DefinitionRules)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


Q_OPEN, Q_CLOSE = '["“]', '["”]'
QUOTE_CHARS = '"“”'


@dataclass(frozen=True)
class Patterns:
    opening: re.Pattern
    term: re.Pattern
    term_intro: re.Pattern
    by_we_mean: re.Pattern
    it_defines: re.Pattern
    means: re.Pattern
    called: re.Pattern
    described_as: re.Pattern
    which_means: re.Pattern
    copula: re.Pattern
    heading_as: re.Pattern
    continuation: re.Pattern
    parse_cue: re.Pattern
    named_after: re.Pattern
    named_subject: re.Pattern
    made_for: re.Pattern
    purpose: re.Pattern
    bracket_gloss: re.Pattern
    opening_or_gloss: re.Pattern
    what_called: re.Pattern
    name_appositive: re.Pattern
    glossary_line: re.Pattern
    bare_judgement: re.Pattern
    placing_head: re.Pattern
    marked_gloss: re.Pattern
    quoted_term: re.Pattern
    glossary_heading: re.Pattern
    apparatus_heading: re.Pattern


# A name as the text writes it: capitalised words, with "of", "and", "the" between them.
NAME = r"[A-Z][\w’'-]*(?:\s+(?:(?:of|and|for|the|de|du|von)\s+)?[A-Z][\w’'-]*){0,6}(?:\s\([A-Z][\w]*\))?"
QUOTED = r"[\"“][^\"“”]{2,40}[\"”]"


@functools.cache
def patterns() -> Patterns:
    r = load_rules()
    adverbs = rf"(?:(?:{_alternation(r.predicate_adverbs)}),? )*"
    naming = _alternation(r.naming_phrases)
    hedges = r"(?:(?:also|often|sometimes|commonly|usually|generally)\s+)?"
    return Patterns(
        opening=re.compile(rf"^(?:{_alternation(r.opening_phrases)})\b[^,\"“”]{{0,60}},\s+", re.I),
        term=re.compile(
            rf"^The (?:[\w-]+ )?(?:{_alternation(r.term_nouns)}) {Q_OPEN}(?P<term>[^\"“”]+?)[,.]?{Q_CLOSE} "
            rf"(?:(?:is|are) (?:often |commonly |usually |also |generally )?)?(?P<verb>{_alternation(r.term_verbs)}) "
            rf"(?P<definition>.+)$"
        ),
        # "By civic trust we mean ...": the writer's own definition
        by_we_mean=re.compile(
            r"^By (?P<term>[^,;:]{2,60}?),? (?:we|I|the authors?|this book) (?:mean|means|understand) (?P<definition>.+)$"
        ),
        term_intro=re.compile(rf"^The (?:[\w-]+ )?term {Q_OPEN}(?P<term>[^\"“”]+?)[,.]?{Q_CLOSE}"),
        it_defines=re.compile(
            r"\bit (?P<verb>requires|means|involves|refers to|implies) (?P<definition>.+)$", re.I
        ),
        means=re.compile(
            rf"^(?P<term>[^,;:]+?) (?P<verb>{_alternation(r.defining_verbs)}) (?P<definition>.+)$"
        ),
        called=re.compile(
            rf"\bcalled (?:an? |the )?{Q_OPEN}(?P<term>[^\"“”]+?)[,.]?{Q_CLOSE} (?:is |was )?because (?P<definition>.+)$"
        ),
        described_as=re.compile(
            # not "loosely defined duty as ...": after an adverb the participle is an adjective
            rf"(?<!ly )\b(?:{_alternation(r.as_verbs)}) (?:the (?:connotations?|essence|meaning|content|core) of )?"
            rf"(?P<term>[^\"“”,]+?) as (?P<definition>{Q_OPEN}?.+)$"
        ),
        which_means=re.compile(
            r"(?P<term>\b(?:an?|the) [^,;\"“”]{3,60}), which (?:means|meant|refers to) (?P<definition>.+)$"
        ),
        copula=re.compile(
            rf"^(?P<term>.+?) (?:is|are) {adverbs}(?P<definition>(?:{_alternation(r.predicate_openers)}) .+)$"
        ),
        heading_as=re.compile(
            r"^(?P<term>[^,:;]{3,60}?) as (?P<definition>(?:the |an? )?[^,:;]{3,80})$"
        ),
        continuation=re.compile(
            r"^It (?P<rest>(?:is|was|means|refers to|contains|requires|involves) .+)$"
        ),
        parse_cue=re.compile(
            "|".join(
                [
                    *(f"(?:{cue})" for cue in r.parse_cues),
                    rf"\b(?i:{_alternation(r.purpose_nouns)}) of [^,;]{{2,60}}? (?:is|was|are|were) to\b",
                ]
            )
        ),
        # "a council called the Witan": a described thing, then the name it is given
        named_after=re.compile(
            rf"(?P<definition>\b(?:a|an|the)\s(?:(?!(?:a|an|the|and|or)\s)[\w’'-]+\s){{0,5}}[\w’'-]+)\s*,?\s*\(?"
            rf"(?:also\s+|often\s+|sometimes\s+)?(?<!so-)(?:{naming})\s+(?:the\s+)?(?P<term>{NAME}|{QUOTED})"
        ),
        # "Migrant herders are often called nomads"
        named_subject=re.compile(
            rf"^(?P<definition>[^,;:()]{{3,80}}?)\s+(?:is|are|was|were|became)\s+{hedges}(?:{naming})\s+"
            rf"(?:the\s+)?(?P<term>{NAME}|{QUOTED}|[a-z][\w-]*(?:\s[a-z][\w-]*)?(?=[.,;]))"
        ),
        made_for=re.compile(
            rf"^(?P<term>[^,;:()]{{3,60}}?)\s+(?:is|are|was|were)\s+(?P<definition>(?:{_alternation(r.made_for_verbs)})"
            rf"\b[^;]{{0,60}}?\bto\s+\w.+)$"
        ),
        purpose=re.compile(
            rf"\b(?:{_alternation(r.purpose_nouns)})\s+of\s+(?:the\s+)?(?P<term>[^,;:]{{2,60}}?)\s+(?:is|was|are|were)\s+"
            rf"(?P<definition>to\s+\w.+)$"
        ),
        # "Localism, or pride in ..., rose": the sentence opens with a term and its gloss
        opening_or_gloss=re.compile(
            r"^(?P<term>[\w’'-]+(?:\s+[\w’'-]+){0,3}),\s+or\s+(?P<definition>[^,;:()]{5,150}?),\s"
        ),
        # "an awareness of their lot—what Orvath calls guild sense"
        what_called=re.compile(
            r"(?P<definition>\b(?:a|an|the)\s(?:(?!(?:a|an|the)\s)[\w’'-]+\s){0,6}[\w’'-]+)\s*[—(,]\s*what\s+"
            r"(?:[A-Z][\w.]*\s+){1,3}(?:calls?|called)\s+(?:the\s+|a\s+)?(?P<term>[^,;—)(.]{2,50})"
        ),
        # "the Harlow Accords, a set of treaties that ...": a name and a description with an article
        name_appositive=re.compile(
            rf"(?:the\s+)?(?P<term>{NAME}),\s+(?P<definition>an?\s[^,;:()—–]{{3,150}})"
        ),
        bracket_gloss=re.compile(
            rf"(?P<term>{NAME})\s+\((?P<definition>(?:the|a|an)\s[^()]{{3,80}})\)"
        ),
        glossary_line=re.compile(
            r"^(?P<term>[^:;.!?—–()\[\]]{1,80}?(?:\s*\([^()]{1,15}\))?)(?P<separator>\s*:|\s[—–-])\s*(?P<definition>\S.*)$",
            re.S,
        ),
        # after a marked term (and its bracketed abbreviation or "of"-phrase): a separator, then either a
        # gloss word ("or", "that is") and any phrase, or a phrase that opens as a gloss does
        marked_gloss=re.compile(
            r"[”\"’]?(?:\s*\([^()]{1,40}\))?(?:\s+of\s+[^,—–;:()]{1,40}?)?\s*[,—–:]\s*[”\"’]?\s*"
            rf"(?:(?:{_alternation(r.gloss_separators)})\s+(?P<glossed>[^—–;()]+)"
            rf"|(?P<definition>(?:(?:{_alternation(r.gloss_openers)})\s|\w+ing\s)[^—–;()]+))",
            re.I,
        ),
        # "a loose notion", "a major element": an evaluative head with nothing after it
        bare_judgement=re.compile(
            rf"^(?:an?|the|another) (?:[\w-]+ ){{0,2}}(?:{_alternation(r.evaluative_heads)})$", re.I
        ),
        quoted_term=re.compile(r"[“\"](?P<term>[^“”\"]{2,60}?)[,.]?[”\"]"),
        apparatus_heading=re.compile(rf"^(?:{_alternation(r.apparatus_headings)})\W*$", re.I),
        # "a victory for the president", "an example of Y": judges or places X, does not define it
        placing_head=re.compile(
            rf"^(?:an?|the|another) (?:[\w-]+ ){{0,2}}?(?:{_alternation(r.non_defining_heads)})\b",
            re.I,
        ),
        glossary_heading=re.compile(rf"\b(?:{_alternation(r.glossary_headings)})\b", re.I),
    )


# ----------------------------------------------------------------- what makes a term

# "The dispute is a long one": the predicate names nothing
PRO_FORM = re.compile(r"^(?:a|an|the) (?:[\w-]+ )?ones?\b")
# "It is necessary to ...": a dummy "it" that does not stand for the term
EXTRAPOSED = re.compile(r"^It (?:is|was) (?:[\w-]+ ){1,2}(?:to|that|for|whether)\b")

CLAUSE_WORDS = frozenset(
    "that which who what how why when where if because although whether is are was were has have had will would can could "
    "should must may might do does did".split()
)
WORD = re.compile(r"[\w'’-]+")


def proper_words(doc: Document) -> frozenset[str]:
    """Words this document writes capitalised in mid-sentence and never in lower case: names."""
    upper, lower = set(), set()
    for paragraph in doc.paragraphs:
        for sentence in paragraph.sentences:
            for i, word in enumerate(WORD.findall(sentence.text)):
                if word[:1].islower():
                    lower.add(word.lower())
                elif i > 0 and word[:1].isupper():
                    upper.add(word.lower())
    return frozenset(upper - lower)


def _tidy(text: str) -> str:
    text = text.strip().strip(QUOTE_CHARS).strip()
    text = re.sub(r"(?<=[a-z.”\"])\d{1,2}$", "", text)  # a footnote number left after the last word
    return re.sub(r"[\s.;:,]+$", "", text).strip(QUOTE_CHARS).strip()


def is_term(term: str, names: frozenset[str]) -> bool:
    """A nominal concept: short, not a pronoun or quantifier, not a clause, not a name."""
    rules = load_rules()
    words = WORD.findall(term)
    if not words or len(words) > rules.max_term_words:
        return False
    lowered = [w.lower() for w in words]
    if lowered[0] in rules.rejected_subject_words or any(w in CLAUSE_WORDS for w in lowered):
        return False
    if any(w in rules.quantifiers or w in rules.discourse_openers for w in lowered):
        return False
    content = [
        w for w in words if w.lower() not in ("the", "a", "an", "of", "and", "in", "for", "to")
    ]
    if (
        not content
        or any(w.isdigit() for w in words)
        or (len(words) <= 2 and lowered[-1] in rules.shell_nouns)
    ):
        return False  # "Figure 3.2 The harbour", "Chapter 11": a label with a number is no concept
    # a name: every content word capitalised here and (first word) a name elsewhere in the document
    return not all(w[:1].isupper() and (w.lower() in names or i > 0) for i, w in enumerate(content))


def as_term(text: str, names: frozenset[str]) -> str:
    """The term as a card would ask it: no leading article, sentence capital dropped ("Civic trust").

    A name in title case keeps its capitals ("Coastal Lighthouse Authority").
    """
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I).strip(QUOTE_CHARS)
    words = WORD.findall(text)
    first = words[0] if words else ""
    title_case = any(w[:1].isupper() for w in words[1:])
    if first[1:].islower() and first.lower() not in names and not title_case:
        text = text[0].lower() + text[1:]
    return text


# ----------------------------------------------------------------- sentence rules


@dataclass(frozen=True)
class Candidate:
    term: str
    definition: str
    sentences: tuple[Sentence, ...]
    rule: str
    body: str  # the sentence text the term was read from (for the entity check)
    surface: str  # the term as written in `body`


def strip_openings(text: str) -> str:
    """Drop opening phrases that are not part of the term: "In essence, ", "According to P, "."""
    pats = patterns()
    text = text.strip().lstrip(QUOTE_CHARS).strip()
    for _ in range(3):
        m = pats.opening.match(text)
        if not m:
            break
        text = text[m.end() :]
    return text


def sentence_definition(
    sentence: Sentence, following: Sentence | None, names: frozenset[str]
) -> Candidate | None:
    pats = patterns()
    body = strip_openings(sentence.text)

    def candidate(
        term: str, definition: str, rule: str, extra: Sentence | None = None
    ) -> Candidate | None:
        term, definition = _tidy(term), _tidy(definition)
        if ", as " in term:  # "X, as a way of life that ..., is Y": the appositive describes X too
            term, appositive = term.split(", as ", 1)
            definition = f"{_tidy(appositive)}; {definition}"
        if (
            not is_term(term, names)
            or len(WORD.findall(definition)) < 1
            or PRO_FORM.match(definition)
        ):
            return None
        if patterns().bare_judgement.match(definition) or patterns().placing_head.match(definition):
            return None
        sentences = (sentence, extra) if extra else (sentence,)
        return Candidate(as_term(term, names), definition, sentences, rule, body, term)

    m = pats.term.match(body)
    if m:
        return candidate(m.group("term"), f"{m.group('verb')} {m.group('definition')}", "def.term")
    m = pats.by_we_mean.match(body)
    if m:
        return candidate(m.group("term"), m.group("definition"), "def.means")
    m = pats.term_intro.match(body)
    if m and following is not None:
        n = pats.it_defines.search(following.text)
        if n:
            return candidate(
                m.group("term"), f"{n.group('verb')} {n.group('definition')}", "def.term", following
            )
    for pattern, rule in (
        (pats.called, "def.called"),
        (pats.described_as, "def.described-as"),
        (pats.which_means, "def.which-means"),
        (pats.means, "def.means"),
    ):
        m = pattern.search(body)
        if m:
            found = candidate(m.group("term"), m.group("definition"), rule)
            if found:
                return found
    m = pats.copula.match(body)
    if m and not is_list_of_aims(m.group("definition")):
        found = candidate(m.group("term"), m.group("definition"), "def.copula")
        if found and following is not None:
            n = pats.continuation.match(following.text)
            if n and not EXTRAPOSED.match(following.text):
                # "X is a Y. It is the Z ...": the next sentence goes on defining X
                found = replace(
                    found,
                    definition=f"{found.definition}; {_tidy(n.group('rest'))}",
                    sentences=(sentence, following),
                )
        return found
    return None


def rule_only_definitions(sentence: Sentence, names: frozenset[str]) -> list[Candidate]:
    """What the parse constructions find, read from the words alone (blank pipeline).

    "a body called the Witan", "X is often referred to as Y", "X was founded in 1873 to ...",
    "The purpose of X was to ...", "Bluebird (the royal yacht)". Narrower than the
    parse: the term must be a name, a quoted phrase or the sentence's opening noun phrase.
    """
    pats = patterns()
    body = strip_openings(sentence.text)
    found = []

    rules = load_rules()

    def add(term: str, definition: str, rule: str, named: bool = False) -> None:
        term, definition = _tidy(term), _tidy(definition)
        words = WORD.findall(term)
        if (
            not words
            or len(words) > rules.max_glossary_term_words
            or len(WORD.findall(definition)) < 2
        ):
            return
        lowered = [w.lower() for w in words]
        if any(w in CLAUSE_WORDS for w in lowered) or lowered[0] in rules.rejected_subject_words:
            return
        if lowered[0] in rules.discourse_openers or (not named and not is_term(term, names)):
            return
        if pats.bare_judgement.match(definition) or pats.placing_head.match(definition):
            return
        found.append(Candidate(as_term(term, names), definition, (sentence,), rule, body, term))
        found.append(Candidate(as_term(term, names), definition, (sentence,), rule, body, term))

    for m in pats.named_after.finditer(body):
        add(m.group("term"), m.group("definition"), "def.known-as", named=True)
    m = pats.named_subject.match(body)
    if m:
        add(m.group("term"), m.group("definition"), "def.known-as", named=True)
    m = pats.made_for.match(body)
    if m:
        add(m.group("term"), m.group("definition"), "def.made-for", named=True)
    m = pats.purpose.search(body)
    if m and not is_list_of_aims(m.group("definition")):
        add(m.group("term"), m.group("definition"), "def.purpose", named=True)
    for m in pats.bracket_gloss.finditer(body):
        add(m.group("term"), m.group("definition"), "def.gloss", named=True)
    m = pats.opening_or_gloss.match(body)
    if m:
        add(m.group("term"), m.group("definition"), "def.gloss")
    for m in pats.what_called.finditer(body):
        add(m.group("term"), m.group("definition"), "def.gloss", named=True)
    for m in pats.name_appositive.finditer(body):
        description = WORD.findall(m.group("definition").lower())
        if any(w in rules.person_role_nouns or w == "who" for w in description[:6]):
            continue  # "Mara Lindqvist, a senior lecturer", "X, an engineer who ...": a person, not a term
        if len(description) > 1 and description[1] in rules.quantity_nouns:
            continue  # "three-quarters of A, a quarter of B": shares, not descriptions
        add(m.group("term"), m.group("definition"), "def.appositive", named=True)
    return found


def is_list_of_aims(predicate: str) -> bool:
    """ "is to A, B and C": three or more aims are a list (an enumeration), not a definition."""
    if not predicate.startswith("to "):
        return False
    return len(split_members(predicate[3:], 20)) >= 3  # verb phrases run longer than terms


def quoted_sentences(paragraph: Paragraph) -> set[int]:
    """Indexes of sentences that are (inside) a quotation, where a speaker's words are not definitions.

    Counts the quote marks before each sentence: an odd count means we are inside
    a quotation, unless the sentence opens with the closing mark (a displaced one).
    """
    quoted, before = set(), 0
    for i, sentence in enumerate(paragraph.sentences):
        text = sentence.text.strip()
        opens_with_quote = text[:1] in QUOTE_CHARS
        if opens_with_quote and before % 2 == 0:
            quoted.add(i)
        elif not opens_with_quote and before % 2 == 1:
            quoted.add(i)
        before += sum(text.count(c) for c in QUOTE_CHARS)
    return quoted


def heading_definition(paragraph: Paragraph, names: frozenset[str]) -> Candidate | None:
    """A heading "X as Y": X is defined by its role Y."""
    m = patterns().heading_as.match(paragraph.text.strip())
    if not m or not paragraph.sentences:
        return None
    term, definition = _tidy(m.group("term")), _tidy(m.group("definition"))
    if not is_term(term, names) or len(WORD.findall(term)) > 6:
        return None
    return Candidate(
        as_term(term, names),
        definition,
        paragraph.sentences[:1],
        "def.heading-as",
        paragraph.text,
        term,
    )


# ----------------------------------------------------------------- marked key terms

SOURCE_MARKED = frozenset({"def.marked", "def.glossary", "def.table"})


def marked_definitions(sentence: Sentence) -> list[Candidate]:
    """A term the source marked (bold, <dfn>) and the gloss right after it.

    "**mercantilism**, a doctrine that ...", "**serfdom**—a state of ...", "**overlordship**, or
    control by ...", "**absolutism**, where the crown ...": the mark says which phrase is
    the term, the separator and the opener of what follows say that a gloss comes. The mark
    alone is not a definition.
    """
    pats, rules = patterns(), load_rules()
    text = sentence.text
    strong = sorted((m.start, m.end) for m in sentence.marks if m.kind != "em")
    # a short quoted phrase marks a term too, but only before an explicit gloss ("“sin taxes”—that is, ...")
    quoted = [(m.start("term"), m.end("term")) for m in pats.quoted_term.finditer(text)]
    found = []
    for start, end in [*strong, *quoted]:
        term = _tidy(text[start:end])
        m = pats.marked_gloss.match(text, end)
        if not m or not term or len(WORD.findall(term)) > rules.max_glossary_term_words:
            continue
        if (start, end) not in strong and not m.group("glossed"):
            continue
        group = "definition" if m.group("definition") else "glossed"
        gloss_end = min([m.end(group), *(s for s, _ in strong if s > m.start(group))])
        # "**X** (X1), which ..., and the **Y** (Y1)": the gloss stops before the next marked term
        definition = _tidy(TRAILING_LINK.sub("", text[m.start(group) : gloss_end]))
        if len(WORD.findall(definition)) < 2:
            continue
        found.append(Candidate(term, definition, (sentence,), "def.marked", text, term))
    return found


TRAILING_LINK = re.compile(r"[\s,]*(?:\b(?:and|or|but)\b)?\s*(?:\b(?:the|a|an)\b)?\s*$", re.I)


# ----------------------------------------------------------------- glossary lines


def glossary_definitions(paragraph: Paragraph) -> list[Candidate]:
    """Glossary lines "term: definition" (or "term — definition", a Markdown "term : definition").

    Counted when the paragraph is under a glossary heading ("Key Terms"), when the source
    marked the term (bold, <dfn>), when it is a list item whose definition opens with an
    article ("- tariff: a tax on ..."), or in the shape of a Markdown definition list. Each
    sentence that opens with "term:" starts an entry; the sentences after it continue it.
    """
    under_glossary = bool(
        paragraph.heading and patterns().glossary_heading.search(paragraph.heading)
    )
    found: list[Candidate] = []
    for sentence in paragraph.sentences:
        entry = glossary_line(sentence, paragraph, under_glossary)
        if entry:
            found.append(entry)
        elif found:
            last = found[-1]
            found[-1] = replace(
                last,
                definition=f"{last.definition} {_tidy(sentence.text)}",
                sentences=(*last.sentences, sentence),
            )
        else:
            return []  # a paragraph that does not open as a glossary line is prose
    return found


def glossary_line(
    sentence: Sentence, paragraph: Paragraph, under_glossary: bool
) -> Candidate | None:
    rules = load_rules()
    m = patterns().glossary_line.match(sentence.text)
    if not m:
        return None
    term, definition = _tidy(m.group("term")), _tidy(m.group("definition"))
    words = WORD.findall(term)
    lowered = [w.lower() for w in words]
    if (
        not words
        or len(words) > rules.max_glossary_term_words
        or any(w in CLAUSE_WORDS for w in lowered)
    ):
        return None
    if lowered[0] in rules.rejected_subject_words or any(w.isdigit() for w in words):
        return None
    definition_words = WORD.findall(definition)
    if len(definition_words) < 2 or definition_words[0].isdigit():
        return None
    marked = any(
        mark.kind != "em" and mark.start <= m.start("term") + 1 and mark.end >= m.end("term") - 1
        for mark in sentence.marks
    )
    opens_as_gloss = definition_words[0].lower() in ("a", "an", "the") or definition[:1].islower()
    listed = paragraph.list_item is not None and definition_words[0].lower() in ("a", "an", "the")
    definition_list = (
        m.group("separator").strip() == ":"
        and m.group("separator").startswith(" ")
        and opens_as_gloss
    )
    if not (marked or under_glossary or listed or definition_list):
        return None
    return Candidate(term, definition, (sentence,), "def.glossary", sentence.text, term)


# ----------------------------------------------------------------- tables


def table_definitions(paragraph: Paragraph) -> list[Candidate]:
    """A table whose header names a defining column ("Definition", "Meaning", "Purpose"): each row's
    first cell is a term and that column its definition."""
    if paragraph.text.count("|") < 4 or not paragraph.sentences:
        return []
    rows = [
        [cell.strip() for cell in row.strip().strip("|").split("|")]
        for row in TABLE_ROW_BREAK.split(paragraph.text.strip())
    ]
    rows = [row for row in rows if row and not all(TABLE_RULE.match(cell) for cell in row)]
    if len(rows) < 2:
        return []
    header = [cell.lower() for cell in rows[0]]
    column = next(
        (
            i
            for word in load_rules().defining_columns
            for i, cell in enumerate(header)
            if i > 0 and re.search(rf"\b{re.escape(word)}\b", cell)
        ),
        None,
    )
    if column is None:
        return []
    found = []
    for row in rows[1:]:
        if len(row) <= column:
            continue
        term, definition = _tidy(row[0]), _tidy(row[column])
        if term and len(WORD.findall(definition)) >= 2:
            found.append(
                Candidate(term, definition, paragraph.sentences, "def.table", paragraph.text, term)
            )
    return found


TABLE_ROW_BREAK = re.compile(r"\|\s*(?:\n\s*)?\|(?=\s*(?:[^|\s-]|-{3}))")
TABLE_RULE = re.compile(r"^:?-{3,}:?$")


# ----------------------------------------------------------------- trained pipeline

FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})


def without_names(candidates: list[Candidate], nlp) -> list[Candidate]:
    """Drop candidates whose term is a named entity (a person, a place, a date) or a clause, on the trained pipeline."""
    if not has_ner(nlp) or not candidates:
        return candidates
    labels = set(load_rules().name_labels)
    kept = []
    texts = (c.sentences[0].text for c in candidates)
    for candidate, parsed in zip(candidates, parse(nlp, texts, need=("parse", "ner"))):
        start = parsed.text.find(candidate.surface)
        # the head is the last word before a prepositional phrase: "talks" in "talks between A and B"
        head = re.split(
            r"\s(?:of|between|in|for|to|with|on|among|from|by)\s", candidate.surface, maxsplit=1
        )[0]
        head_end = start + len(head) if start >= 0 else -1
        # the term's last word (its head) inside an entity of a name label: a name, not a concept
        named = any(
            e.label_ in labels and e.start_char < head_end <= e.end_char for e in parsed.ents
        )
        span = (
            parsed.char_span(start, start + len(candidate.surface), alignment_mode="expand")
            if start >= 0
            else None
        )
        # "member towns agree to use fair [terms]": a clause read as a term
        clause = span is not None and any(t.tag_ in FINITE_TAGS for t in span)
        if not named and not clause:
            kept.append(candidate)
    return kept


def worth_parsing(sentence: Sentence) -> bool:
    """The cheap pre-filter: a cue of some construction occurs in a sentence short enough to be worth it.

    Parsing costs by length, and the longest sentences rarely hold a clean definition.
    """
    return len(sentence.text) <= load_rules().max_parse_chars and bool(
        patterns().parse_cue.search(sentence.text)
    )


def parsed_definitions(
    sentences: list[tuple[Sentence, Sentence | None]], nlp, names: frozenset[str]
) -> dict[int, list[Candidate]]:
    """Candidates the parse constructions find, by sentence offset."""
    rules = load_rules()
    chosen = [(s, f) for s, f in sentences if worth_parsing(s)]
    found: dict[int, list[Candidate]] = {}
    # The parse first; entities (which only ever refuse a reading) for the sentences that give
    # one, in one batch.
    readings = []
    for (sentence, following), parsed in zip(
        chosen, parse(nlp, (s.text for s, _ in chosen), need=("parse",))
    ):
        matches = definition_syntax.construction_matches(parsed, rules)
        items = definition_syntax.find(parsed, rules, names, matches)
        if items:
            readings.append((sentence, following, matches, items))
    if has_ner(nlp):
        readings = [
            (sentence, following, matches, definition_syntax.find(parsed, rules, names, matches))
            for (sentence, following, matches, _), parsed in zip(
                readings,
                parse(nlp, (sentence.text for sentence, *_ in readings), need=("parse", "ner")),
            )
        ]
    for sentence, following, _, items in readings:
        for item in items:
            term, definition = _tidy(item.term), _tidy(item.definition)
            marked = [
                m
                for m in sentence.marks
                if m.kind != "em" and m.start < item.term_end and item.term_start < m.end
            ]
            if len(marked) == 1:  # the source says where the term begins and ends
                term = _tidy(sentence.text[marked[0].start : marked[0].end])
            if not term or not definition:
                continue
            candidate = Candidate(
                as_term(term, names), definition, (sentence,), item.rule, sentence.text, term
            )
            if item.rule == "def.copula" and following is not None:
                candidate = continued(candidate, following)
            found.setdefault(sentence.offset, []).append(candidate)
    return found


def gloss_is_clause(candidate: Candidate, nlp) -> bool:
    """ "**civic trust**—the idea names a trait": after the mark comes a sentence, not a gloss.

    A relative gloss ("**X**, where the crown ...") is a clause by design and is kept.
    """
    if RELATIVE_OPENER.match(candidate.definition):
        return False
    text = candidate.sentences[0].text
    start = text.find(candidate.definition)
    if start < 0:
        return False
    [parsed] = parse(nlp, [text], need=("parse",))
    return definition_syntax.is_clause(parsed, start, start + len(candidate.definition))


RELATIVE_OPENER = re.compile(r"^(?:where|whereby|in which|by which|through which)\b", re.I)


def continued(found: Candidate, following: Sentence) -> Candidate:
    """ "X is a Y. It is the Z ...": the next sentence goes on defining X."""
    n = patterns().continuation.match(following.text)
    if not n or EXTRAPOSED.match(following.text):
        return found
    return replace(
        found,
        definition=f"{found.definition}; {_tidy(n.group('rest'))}",
        sentences=(found.sentences[0], following),
    )


# ----------------------------------------------------------------- entry point


def _same_term(a: str, b: str) -> bool:
    a, b = a.lower().removeprefix("the "), b.lower().removeprefix("the ")
    return a == b


def extract(doc: Document, nlp, settings) -> Iterator[Definition]:
    """Yield the definitions of `doc`.

    Args:
        doc: a cleaned document.
        nlp: the spaCy pipeline; with a parser the constructions of definition_syntax run
            on candidate sentences, with NER terms that are names are refused.
        settings: quizgen Settings (unused).
    Yields:
        Definition items: the term as the text writes it and what it is said to be.
    """
    names = proper_words(doc)
    candidates: list[Candidate] = []
    usable: list[tuple[Sentence, Sentence | None]] = []
    pending_heading: Candidate | None = None
    for paragraph in doc.paragraphs:
        if paragraph.unreliable or paragraph.kind == "aside":
            continue
        if paragraph.heading and patterns().apparatus_heading.match(paragraph.heading.strip()):
            continue  # references, further reading, external links: titles, not statements
        if paragraph.kind == "heading":
            pending_heading = heading_definition(paragraph, names)
            if pending_heading:
                candidates.append(pending_heading)
            continue
        entries = glossary_definitions(paragraph)
        if entries:
            candidates.extend(entries)
            continue
        candidates.extend(table_definitions(paragraph))
        quoted = quoted_sentences(paragraph)
        sentences = paragraph.sentences
        for i, sentence in enumerate(sentences):
            if sentence.unreliable or i in quoted or sentence.text.count("|") >= 2:
                continue  # quotations, table rows
            following = (
                sentences[i + 1]
                if i + 1 < len(sentences) and not sentences[i + 1].unreliable
                else None
            )
            usable.append((sentence, following))
            candidates.extend(marked_definitions(sentence))
            found = sentence_definition(sentence, following, names)
            if found is None:
                continue
            if i == 0 and pending_heading and _same_term(pending_heading.term, found.term):
                # the heading "X as Y" and the sentence under it define X once: one item
                candidates.remove(pending_heading)
                found = replace(
                    found,
                    definition=f"{pending_heading.definition}; {found.definition}",
                    rule=f"{found.rule}+def.heading-as",
                )
            candidates.append(found)
        pending_heading = None
    # glossary lines and marked terms: the source itself says these are terms
    candidates = [c for c in candidates if c.rule in SOURCE_MARKED] + without_names(
        [c for c in candidates if c.rule not in SOURCE_MARKED], nlp
    )
    if has_parser(nlp):
        candidates = [
            c for c in candidates if c.rule != "def.marked" or not gloss_is_clause(c, nlp)
        ]
        found_more = parsed_definitions(usable, nlp, names)
    else:
        found_more = {s.offset: rule_only_definitions(s, names) for s, _ in usable}
    candidates = merged(candidates, found_more)
    for c in sorted(candidates, key=lambda c: (c.sentences[0].line, c.sentences[0].offset)):
        yield Definition(
            term=c.term, definition=c.definition, source=provenance(doc, c.sentences, c.rule)
        )


def merged(by_rule: list[Candidate], by_parse: dict[int, list[Candidate]]) -> list[Candidate]:
    """One item per term and sentence: marked and glossary items, then the other text rules, then the parse."""
    out: list[Candidate] = []
    for c in [*by_rule, *(c for found in by_parse.values() for c in found)]:
        same = next(
            (
                i
                for i, o in enumerate(out)
                if o.sentences[0].offset == c.sentences[0].offset
                and _same_term_key(_term_key(o.term), _term_key(c.term))
            ),
            None,
        )
        if same is None:
            out.append(c)
        elif out[same].rule not in SOURCE_MARKED:
            # one reading of one term: the shorter term ("the Guild", not "Headquartered in Y, the Guild"), the fuller definition
            kept = out[same]
            if len(c.definition) > len(kept.definition):
                kept = replace(kept, definition=c.definition, rule=c.rule, sentences=c.sentences)
            if len(c.term) < len(kept.term):
                kept = replace(kept, term=c.term, surface=c.surface)
            out[same] = kept
    return out


def _same_term_key(a: str, b: str) -> bool:
    """ "the Guild" and "Headquartered in Harlow, the Guild": one term read twice."""
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _term_key(term: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", term.lower()).strip(QUOTE_CHARS)


# -- the kind's registry entry: what the other stages need of a Definition ---------


def describe(item: Definition) -> str:
    return f"{item.term} = {item.definition}"


def fact_key(item: Definition) -> tuple[str, ...]:
    """A definition is its term: a better-cut definition of the same term is the same fact."""
    return ("definition", normalise(item.term))


KIND = ItemKind(
    name="definition",
    item_class=Definition,
    extract=extract,
    describe=describe,
    shown=lambda item: item.term,
    fact_key=fact_key,
)
