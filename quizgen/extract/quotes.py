"""Attributed direct quotations: 'X said, "..."', '"...," he said', '"A," X wrote, "B"', pull quotes.

Quote marks are paired over each paragraph (curly or straight, mixed, across a
paragraph break when a quote is left open), so a quotation may run over several
sentences. A quotation of at least `settings.extract.min_quote_words` words is
kept when a rule names its speaker:

  quote.interrupted  "A," X wrote, "B"      one item, the two parts joined
  quote.trailing     "...," he said         he/she: the person named just before
  quote.leading      X argued that "..."    a speech verb before the quote
  quote.colon        X blasted Y for Z: "..."   a sentence introducing it with a colon
  quote.possessive   to X's warning: "..."
  quote.phrase       according to X, "..."  / in the opinion of X, "..."
  quote.aside        a pull quote whose caption names the speaker
  quote.carried      an unattributed quote right after one by X, no one else named between

Speakers are PERSON entities of the trained pipeline, run only on the sentences
around a quotation; the blank pipeline falls back to capitalised-name patterns.
Titles are dropped from the name and kept as the role; a bare surname takes the
full name given earlier in the document ("Okafor" -> "Ruth Okafor").
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from ..models import Document, Quote, Sentence
from .common import load_rules, provenance
from .nlp import entities_only, has_ner

OPENING, CLOSING, STRAIGHT = "“", "”", '"'
QUOTE_MARK = re.compile('[“”"]')
MAX_QUOTE_WORDS = 250  # longer means the marks were paired wrongly
MAX_CARRY_SENTENCES = 2
# Entity labels the small English model often puts on people's names ("J. Smith" as WORK_OF_ART).
UNTRUSTED_LABELS = {"PERSON", "WORK_OF_ART", "PRODUCT"}  # sentences between an attributed quote and one carried over


class QuoteRules(BaseModel):
    """Schema of quizgen/rules/quotes.yaml."""

    model_config = ConfigDict(extra="forbid")
    speech_verbs: list[str]
    speech_nouns: list[str]
    attribution_phrases: list[str]
    titles: list[str]
    honorifics: list[str]
    not_names: list[str]
    name_particles: list[str]
    pronouns: list[str]


@dataclass(frozen=True)
class Block:
    """Consecutive usable sentences of one paragraph (or of a paragraph and its page-break continuation)."""

    kind: str
    sentences: tuple[Sentence, ...]
    starts: tuple[int, ...]  # offset of each sentence in `text`
    text: str

    def sentence_at(self, offset: int) -> int:
        index = 0
        for i, start in enumerate(self.starts):
            if start <= offset:
                index = i
        return index


@dataclass(frozen=True)
class Quoted:
    """A quoted stretch of a block: [start, end) is the text between the marks."""

    start: int
    end: int
    open_at: int
    close_at: int


@dataclass(frozen=True)
class Person:
    start: int
    end: int
    name: str
    role: str | None = None


@dataclass
class Matchers:
    rules: QuoteRules
    speech: re.Pattern
    speech_noun: re.Pattern
    phrase: re.Pattern
    name_run: re.Pattern
    pronoun: re.Pattern
    titles: set[str] = field(default_factory=set)
    honorifics: set[str] = field(default_factory=set)
    not_names: set[str] = field(default_factory=set)


@functools.lru_cache(maxsize=8)
def matchers(extra_verbs: tuple[str, ...] = ()) -> Matchers:
    """Compile the attribution patterns once per process (and per extra verb list)."""
    r = load_rules("quotes", QuoteRules)
    verbs = sorted({v.lower() for v in (*r.speech_verbs, *extra_verbs)}, key=len, reverse=True)
    words = r"(?:[A-Z]\.|[A-Z][a-z]+(?:[-'’][A-Za-z]+)*)"
    particles = "|".join(map(re.escape, r.name_particles))
    return Matchers(
        rules=r,
        # Lower case only: "States" in "the United States" is not a verb.
        speech=re.compile(r"\b(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs) + r")\b"),
        speech_noun=re.compile(r"['’]s?\s+(?:" + "|".join(map(re.escape, r.speech_nouns)) + r")\s*:?\s*$", re.I),
        phrase=re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in r.attribution_phrases) + r")\s+$", re.I),
        name_run=re.compile(rf"{words}(?:\s+(?:(?:{particles})\s+)*{words})*"),
        pronoun=re.compile(r"\b(?:" + "|".join(map(re.escape, r.pronouns)) + r")\b", re.I),
        titles={t.lower() for t in r.titles},
        honorifics={t.lower() for t in r.honorifics},
        not_names={w.lower() for w in r.not_names},
    )


def extract(doc: Document, nlp, settings) -> Iterator[Quote]:
    """Yield attributed quotations of at least `settings.extract.min_quote_words` words.

    Args:
        doc: a cleaned document; body paragraphs and asides (pull quotes) are read.
        nlp: the loaded spaCy pipeline; its NER, when present, runs only on the
            sentences around a candidate quotation.
        settings: quizgen Settings (min_quote_words, speech_verbs).
    Yields:
        Quote items with the speaker's name as the text gives it, titles dropped.
    """
    m = matchers(tuple(settings.extract.speech_verbs))
    min_words = settings.extract.min_quote_words
    quotations = [(b, parts) for b in _blocks(doc) for parts in _quotations(b, m)]
    quotations = [(b, parts) for b, parts in quotations if _words(_joined(b, parts)) <= MAX_QUOTE_WORDS]
    if not any(_words(_joined(b, parts)) >= min_words for b, parts in quotations):
        return
    people = _people_finder(doc, nlp, m, quotations, min_words)
    # Short quotes are not items, but their attribution may carry over to the next quote.
    previous: dict[int, tuple[int, int, Person]] = {}  # id(block) -> (sentence, close mark, speaker)
    for block, parts in quotations:
        found = _attribute(block, parts, people, m)
        if found:
            speaker, rule = found
            previous[id(block)] = (block.sentence_at(parts[-1].close_at), parts[-1].close_at, speaker)
        else:
            speaker, rule = _carried(block, parts[0], previous.get(id(block)), people), "carried"
        if speaker is None or _words(_joined(block, parts)) < min_words:
            continue
        if rule == "aside":
            first, last = 0, len(block.sentences) - 1
        else:
            lead = _lead_start(block, parts[0]) if rule in ("leading", "colon", "possessive", "phrase") else parts[0].open_at
            first, last = block.sentence_at(lead), block.sentence_at(parts[-1].close_at)
        yield Quote(
            text=_joined(block, parts),
            speaker=speaker.name,
            role=speaker.role,
            source=provenance(doc, block.sentences[first:last + 1], f"quote.{rule}"),
        )


# -- paragraphs and quote marks ---------------------------------------------------

def _blocks(doc: Document) -> Iterator[Block]:
    """Runs of usable sentences per body or aside paragraph; a quote left open continues into the next body paragraph."""
    pending: list[Sentence] = []
    pending_kind = None
    for paragraph in doc.paragraphs:
        if paragraph.kind not in ("body", "aside") or paragraph.unreliable:
            continue
        sentences = [s for s in paragraph.sentences if not s.unreliable]
        if not sentences:
            continue
        if pending and paragraph.kind == "body" == pending_kind and _open_at_end(" ".join(s.text for s in pending)):
            pending += sentences
            continue
        if pending:
            yield _block(pending_kind, pending)
        pending, pending_kind = sentences, paragraph.kind
    if pending:
        yield _block(pending_kind, pending)


def _block(kind: str, sentences: list[Sentence]) -> Block:
    starts, offset = [], 0
    for s in sentences:
        starts.append(offset)
        offset += len(s.text) + 1
    return Block(kind, tuple(sentences), tuple(starts), " ".join(s.text for s in sentences))


def _open_at_end(text: str) -> bool:
    marks = QUOTE_MARK.findall(text)
    depth = 0
    for c in marks:
        depth = 1 if c == OPENING else 0 if c == CLOSING else 1 - depth
    return depth == 1


def _pair_marks(text: str) -> list[Quoted]:
    """Quoted stretches: curly marks say which side they are; a straight one closes an open quote, else opens."""
    out, open_at = [], None
    for mark in QUOTE_MARK.finditer(text):
        i, c = mark.start(), mark.group()
        if c == OPENING or (c == STRAIGHT and open_at is None):
            open_at = i
        elif c in (CLOSING, STRAIGHT) and open_at is not None:
            out.append(Quoted(open_at + 1, i, open_at, i))
            open_at = None
    return out


def _quotations(block: Block, m: Matchers) -> Iterator[tuple[Quoted, ...]]:
    """Each quotation of a block as its parts: one, or two around an attribution."""
    quotes = _pair_marks(block.text)
    i = 0
    while i < len(quotes):
        if i + 1 < len(quotes) and _interrupted(block.text, quotes[i], quotes[i + 1], m):
            yield (quotes[i], quotes[i + 1])
            i += 2
        else:
            yield (quotes[i],)
            i += 1


def _interrupted(text: str, first: Quoted, second: Quoted, m: Matchers) -> bool:
    """'"A," X wrote, "B"': a short attribution with a speech verb between a comma and a new quote."""
    between = text[first.close_at + 1:second.open_at]
    return (text[first.start:first.end].rstrip().endswith(",") and between.rstrip().endswith(",")
            and len(between.split()) <= 8 and bool(m.speech.search(between)))


def _joined(block: Block, parts: tuple[Quoted, ...]) -> str:
    text = " ".join(block.text[q.start:q.end].strip() for q in parts)
    return " ".join(text.split()).rstrip(" ,;:")


def _words(text: str) -> int:
    return len(re.findall(r"\w+(?:['’-]\w+)*", text))


# -- who is speaking ------------------------------------------------------------

def _attribute(block: Block, parts: tuple[Quoted, ...], people, m: Matchers) -> tuple[Person, str] | None:
    """The speaker and the rule that found it, or None."""
    first, last = parts[0], parts[-1]
    if len(parts) > 1:
        between = (first.close_at + 1, parts[1].open_at)
        speaker = _speaker_near_verb(block, between, people, m, after_ok=True)
        if speaker:
            return speaker, "interrupted"
    if block.kind == "aside":
        outside = [p for p in people(block, 0, len(block.text)) if not first.open_at <= p.start < last.close_at]
        return (outside[0], "aside") if outside else None
    trail_end = _sentence_end(block, last.close_at)
    trailing = (last.close_at + 1, trail_end)
    trail_text = block.text[trailing[0]:trailing[1]]
    verb = m.speech.search(trail_text)
    if verb and len(trail_text[:verb.start()].split()) <= 4 and block.text[last.start:last.end].rstrip()[-1:] in ",!?":
        speaker = _speaker_near_verb(block, trailing, people, m, after_ok=True)
        if speaker:
            return speaker, "trailing"
    lead = (_lead_start(block, first), first.open_at)
    lead_text = block.text[lead[0]:lead[1]]
    if m.speech_noun.search(lead_text):
        owner = [p for p in people(block, *lead) if lead[1] - p.end <= 30]
        if owner:
            return owner[-1], "possessive"
    phrase = [p for p in people(block, *lead) if m.phrase.search(block.text[lead[0]:p.start])
              and not block.text[p.end:lead[1]].strip(" ,:").strip()]
    if phrase:
        return phrase[-1], "phrase"
    if m.speech.search(lead_text):
        speaker = _speaker_near_verb(block, lead, people, m, after_ok=False)
        if speaker:
            return speaker, "leading"
    if lead_text.rstrip().endswith(":"):
        subject = [p for p in people(block, *lead) if len(block.text[lead[0]:p.start].split()) <= 6]
        if subject:
            return subject[0], "colon"
    return None


def _lead_start(block: Block, quote: Quoted) -> int:
    """Start of the text that introduces a quote: its sentence, or the previous one when it ends with a colon."""
    index = block.sentence_at(quote.open_at)
    start = block.starts[index]
    if not block.text[start:quote.open_at].strip() and index > 0 and block.text[:start].rstrip().endswith(":"):
        return block.starts[index - 1]
    return start


def _sentence_end(block: Block, offset: int) -> int:
    index = block.sentence_at(offset)
    return block.starts[index + 1] - 1 if index + 1 < len(block.starts) else len(block.text)


def _speaker_near_verb(block: Block, span: tuple[int, int], people, m: Matchers, after_ok: bool) -> Person | None:
    """The person (or resolved he/she) who is the subject of the last speech verb in `span`."""
    a, b = span
    verbs = list(m.speech.finditer(block.text, a, b))
    if not verbs:
        return None
    verb = verbs[-1]
    before = block.text[a:verb.start()]
    pronoun = ([None] + list(m.pronoun.finditer(before)))[-1]
    named = [p for p in people(block, a, verb.start()) if _subject_gap(block.text[p.end:verb.start()])]
    if named and (not pronoun or named[-1].end > a + pronoun.start()):
        return named[-1]
    if pronoun and _subject_gap(before[pronoun.end():]):
        return _antecedent(block, a + pronoun.start(), people)
    if after_ok:
        after = [p for p in people(block, verb.end(), b) if not block.text[verb.end():p.start].strip(" ,")]
        if after:
            return after[0]
    return None


def _subject_gap(text: str) -> bool:
    """Only an appositive or a few words ("also", "has long") stand between a subject and its verb."""
    text = re.sub(r"^\s*,[^,]{1,80},", " ", text)
    return len(text.split()) <= 3 and not re.search(r"[.;:“”\"]", text)


def _antecedent(block: Block, offset: int, people) -> Person | None:
    """The person a he/she at `offset` stands for: named earlier in its sentence, else first in the previous one."""
    index = block.sentence_at(offset)
    same = people(block, block.starts[index], offset)
    if same:
        return same[-1]
    if index > 0:
        earlier = people(block, block.starts[index - 1], block.starts[index])
        if earlier:
            return earlier[0]
    return None


def _carried(block: Block, quote: Quoted, previous, people) -> Person | None:
    """A quote opening a sentence soon after one attributed to X, nobody else named between, is X's."""
    if previous is None:
        return None
    last_index, last_close, speaker = previous
    index = block.sentence_at(quote.open_at)
    if block.text[block.starts[index]:quote.open_at].strip() or index - last_index > MAX_CARRY_SENTENCES:
        return None
    if any(p.name != speaker.name for p in people(block, last_close + 1, quote.open_at)):
        return None
    return speaker


# -- finding people -----------------------------------------------------------------

def _worth_attributing(quotations, min_words: int):
    """Quotations long enough to keep, and short ones whose speaker may carry over to a long one just after."""
    out = []
    for i, (block, parts) in enumerate(quotations):
        later = quotations[i + 1] if i + 1 < len(quotations) else None
        long_enough = _words(_joined(block, parts)) >= min_words
        carries = later is not None and later[0] is block and \
            block.sentence_at(later[1][0].open_at) - block.sentence_at(parts[-1].close_at) <= MAX_CARRY_SENTENCES
        if long_enough or carries:
            out.append((block, parts))
    return out


def _people_finder(doc: Document, nlp, m: Matchers, candidates, min_words: int):
    """A function (block, start, end) -> persons named there, NER on the needed sentences only."""
    entities: dict[int, tuple[list, list]] = {}  # id(sentence) -> (PERSON spans, other entity spans)
    if has_ner(nlp):
        needed: dict[int, Sentence] = {}
        for block, parts in _worth_attributing(candidates, min_words):
            first = block.sentence_at(parts[0].open_at)
            last = block.sentence_at(parts[-1].close_at)
            for index in {max(0, first - 1), first, last}:  # the lead-in, its antecedent, the trailing attribution
                needed[id(block.sentences[index])] = block.sentences[index]
        sentences = list(needed.values())
        for s, parsed in zip(sentences, nlp.pipe((s.text for s in sentences), disable=entities_only(nlp))):
            entities[id(s)] = (
                [(e.start_char, e.end_char) for e in parsed.ents if e.label_ == "PERSON"],
                [(e.start_char, e.end_char) for e in parsed.ents if e.label_ not in UNTRUSTED_LABELS],
            )
    full_names = _full_names(doc, m)
    cache: dict[tuple[int, int, int], list[Person]] = {}

    def people(block: Block, start: int, end: int) -> list[Person]:
        key = (id(block), start, end)
        if key not in cache:
            cache[key] = _people_in(block, start, end, entities, full_names, m)
        return cache[key]

    return people


def _people_in(block: Block, start: int, end: int, entities, full_names, m: Matchers) -> list[Person]:
    found: list[Person] = []
    for i, s in enumerate(block.sentences):
        base = block.starts[i]
        if base > end or base + len(s.text) < start:
            continue
        spans = [mt.span() for mt in m.name_run.finditer(s.text)]  # capitalised-name patterns
        if id(s) in entities:
            # NER persons, plus the name patterns NER left unlabelled (the small model misses
            # "Comrade Ana Lima"); a pattern it labelled ORG, GPE, NORP ... is not a person.
            persons, others = entities[id(s)]
            spans = persons + [(a, b) for a, b in spans if not any(a < y and x < b for x, y in persons + others)]
        for a, b in spans:
            person = _person(block.text, base + a, base + b, full_names, m)
            if person and start <= person.start and person.end <= end:
                found.append(person)
    return sorted(found, key=lambda p: p.start)


def _person(text: str, start: int, end: int, full_names: dict, m: Matchers) -> Person | None:
    """Normalise a name span: titles off (kept as role), possessive off, surname -> full name."""
    tokens = re.findall(r"\S+", text[start:end])
    tokens[-1:] = [re.sub(r"['’]s?$", "", t) for t in tokens[-1:]]
    title_words: list[str] = []
    while tokens and (tokens[0].lower().rstrip(".") in m.titles or tokens[0].lower() in m.not_names or _demonym(tokens[0], tokens[1:], m)):
        title_words.append(tokens.pop(0))
    # the last title word ends the titles: "Former Deputy Harbour Master of the Port Ruth Okafor"
    while len(tokens) > 1 and any(t.lower().rstrip(".") in m.titles for t in tokens[:-1]):
        title_words.append(tokens.pop(0))
    if title_words and title_words[0].lower() == "the" and not any(t.lower().rstrip(".") in m.titles for t in title_words):
        return None  # "The White House", "The Atlantic": institutions, not people
    if not tokens or any(t.lower() in m.not_names for t in tokens) or re.search(r"\d", " ".join(tokens)):
        return None
    if re.search(r"\b[Tt]he\s+$", text[max(0, start - 4):start]) and not title_words:
        return None  # "the White House", "The Atlantic": institutions, not people
    name, role = " ".join(tokens), _appositive(text, end) or _title_role(text, start, title_words, m)
    if len(tokens) == 1:  # a bare surname: the full name and role given at the first mention
        if tokens[0] not in full_names:
            return None
        name, first_role = full_names[tokens[0]]
        role = role or first_role
    return Person(start, end, name, role)


def _title_role(text: str, start: int, title_words: list[str], m: Matchers) -> str | None:
    """'Former British Prime Minister' before a name, honorifics ('Comrade', 'Mr.') left out."""
    before = re.search(r"((?:[A-Z][\w.'’-]*\s+)+)$", text[:start])
    words = title_words + (before.group(1).split() if before else [])
    words = [w for w in words if w.lower() not in m.not_names and w.lower().rstrip(".") not in m.honorifics]
    if not any(w.lower().rstrip(".") in m.titles for w in words):
        return None
    return " ".join(words) or None


def _demonym(word: str, rest: list[str], m: Matchers) -> bool:
    """'British' or 'US' before a title ('British Prime Minister'): part of the role, not the name."""
    return bool(rest) and rest[0].lower().rstrip(".") in m.titles and (word.isupper() or word.endswith(("an", "ish", "ese", "ch", "i")))


def _appositive(text: str, end: int) -> str | None:
    """', Deputy Editor of The Post,' right after a name: the speaker's role."""
    match = re.match(r",\s+((?:a|an|the|[A-Z])[^,;:“”\"]{2,80}?)(?:,|\.?$)", text[end:end + 90])
    if match and len(match.group(1).split()) <= 12:
        return match.group(1).strip()
    return None


def _full_names(doc: Document, m: Matchers) -> dict[str, tuple[str, str | None]]:
    """Surname -> (full name, role) of the first full name ending with it in the document."""
    names: dict[str, tuple[str, str | None]] = {}
    for s in doc.sentences:
        for match in m.name_run.finditer(s.text):
            person = _person(s.text, *match.span(), {}, m)
            if person and " " in person.name:
                names.setdefault(person.name.split()[-1], (person.name, person.role))
    return names
