"""Attributed direct quotations: 'X said, "..."', '"...," he said', '"A," X wrote, "B"', block quotes.

Quote marks are paired over each paragraph (curly or straight, mixed, across a
paragraph break when a quote is left open or reopened), so a quotation may run
over several sentences; single quotes inside are nested quotes and stay in the
text. A paragraph with no double marks is read for ‘single’ ones (British style). A
quotation of at least `settings.extract.min_quote_words` words is kept when a
rule names its speaker:

  quote.interrupted  "A," X wrote, "B"      one item, the two parts joined
  quote.trailing     "...," he said / "...," said X
  quote.leading      X argued that "..."  / X called it "..." / with X calling it "..."
  quote.colon        X blasted Y for Z: "..."   a sentence introducing it with a colon
  quote.possessive   to X's warning: "..."  / his reply was "..."
  quote.phrase       according to X, "..."  / according to X, the plan "..." / "...," according to X
  quote.block        a block quote (Markdown ">", an indented or all-quoted paragraph)
                     after a paragraph ending "X said:" / "he wrote in his memoirs:",
                     or signed "— X" at its end
  quote.citation     "..." (Smith 2001, p. 4)   an author-year citation right after it
  quote.aside        a pull quote whose caption names the speaker
  quote.carried      an unattributed quote right after one by X, no one else named between

The speaker is the subject of the speech verb. With the trained pipeline it is
read from the dependency parse with the DependencyMatcher patterns of
rules/quotes.yaml (a participle or a second verb takes its head's subject; "who"
the noun it attaches to), and only from a verb the quotation hangs from; it is
named by the entity there: a person, or an organisation, government or document
("The Fisheries Ministry said", "The Statute states"). Without a parser it is the
capitalised name right before the verb (or right after: "said X"). He/she is the
person last named as a subject before it, looking back a few sentences; "it" the
organisation just named; "the President" the person last named with that title;
"the ministry" the organisation last named in full with that noun. Titles are cut
off the name and kept as the role ("Pope Leo X" keeps its own); a bare surname
takes the full name given in the document. Only the sentences around a candidate
quotation are parsed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from ..models import Document, Quote, Sentence
from ..util.text import normalise
from . import ItemKind
from .common import load_rules, provenance, usable_sentences
from .nlp import has_ner, has_parser, parse

OPENING, CLOSING, STRAIGHT = "“", "”", '"'
QUOTE_MARK = re.compile('[“”"]')
SINGLE_MARK = re.compile("[‘’]")
# '"..." (Smith 2001, p. 4)': an author-year citation right after a quotation names its author
CITATION = re.compile(
    r"[\s,]*\((?:see\s+)?([A-Z][\w'’-]+)(?:\s+(?:and|&)\s+[A-Z][\w'’-]+|\s+et\s+al\.?)?,?\s+(?:1[5-9]|20)\d\d\b"
)
MAX_QUOTE_WORDS = 250  # longer means the marks were paired wrongly
MAX_CARRY_SENTENCES = 2
MAX_ANTECEDENT_SENTENCES = 4  # how far back he/she looks for the person it stands for
MAX_PHRASE_GAP_WORDS = (
    6  # "according to X, board rulings "...": words between the source and the quote
)
# '— Jane Doe, Letters (1850)' closing a block quote: its author
SIGNATURE = re.compile(r"(?:^|\s)(?:—|–|--)\s*(?=[A-Z])([^—–]{2,120})$")
SENTENCE_END = re.compile(r"[.!?][\"”’]?(?:\[\d+\])*\s+[A-Z]")  # one the sentencizer missed


class SpeakerPattern(BaseModel):
    """A DependencyMatcher pattern from the speech verb (node "verb") to its speaker (node "speaker")."""

    model_config = ConfigDict(extra="forbid")
    id: str
    pattern: list[dict]


class QuoteRules(BaseModel):
    """Schema of quizgen/rules/quotes.yaml."""

    model_config = ConfigDict(extra="forbid")
    speech_verbs: list[str]
    noun_like_verbs: list[str]
    speech_nouns: list[str]
    attribution_phrases: list[str]
    title_cues: list[str]
    titles: list[str]
    honorifics: list[str]
    name_titles: list[str]
    not_names: list[str]
    not_verbs: list[str]
    prepositions: list[str]
    name_particles: list[str]
    name_suffixes: list[str]
    pronouns: list[str]
    possessive_pronouns: dict[str, str]
    gendered_titles: dict[str, list[str]]
    org_pronouns: list[str]
    body_nouns: list[str]
    not_name_starts: list[str]
    speaker_patterns: list[SpeakerPattern]
    subject_deps: list[str]
    person_labels: list[str]
    org_labels: list[str]
    untrusted_labels: list[str]


@dataclass(frozen=True)
class Block:
    """Consecutive usable sentences of one paragraph (or of a paragraph and its continuation)."""

    kind: str  # body, aside, or block (a block quote)
    sentences: tuple[Sentence, ...]
    starts: tuple[int, ...]  # offset of each sentence in `text`
    text: str
    intro: Sentence | None = None  # "X said:" ending the paragraph just before

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
class Speaker:
    start: int
    end: int
    name: str
    role: str | None = None
    kind: str = "person"  # person, org (an organisation, a government, a bare name), title ("the President")


@dataclass
class Matchers:
    rules: QuoteRules
    speech: re.Pattern
    noun_like: set[str]
    speech_noun: re.Pattern
    pronoun_noun: re.Pattern
    phrase: re.Pattern
    trailing_phrase: re.Pattern
    title_cue: re.Pattern
    name_run: re.Pattern
    body_run: re.Pattern
    pronoun: re.Pattern
    titles: set[str]
    honorifics: set[str]
    name_titles: set[str]
    not_names: set[str]
    not_verbs: set[str]
    prepositions: set[str]
    pronouns: set[str]
    org_pronouns: set[str]
    bodies: set[str]
    not_name_starts: set[str]
    dependency: dict[int, object] = field(default_factory=dict)  # id(vocab) -> DependencyMatcher

    def speaker_matcher(self, vocab):
        """The speaker patterns as a DependencyMatcher for this vocab, built once."""
        if id(vocab) not in self.dependency:
            from spacy.matcher import DependencyMatcher

            matcher = DependencyMatcher(vocab, validate=True)
            for rule in self.rules.speaker_patterns:
                matcher.add(rule.id, [rule.pattern])
            self.dependency[id(vocab)] = matcher
        return self.dependency[id(vocab)]


def _alternatives(words) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
    )


@functools.lru_cache(maxsize=8)
def matchers(extra_verbs: tuple[str, ...] = ()) -> Matchers:
    """Compile the attribution patterns once per process (and per extra verb list)."""
    r = load_rules("quotes", QuoteRules)
    verbs = {v.lower() for v in (*r.speech_verbs, *r.noun_like_verbs, *extra_verbs)}
    upper, lower = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
    suffixes = _alternatives(r.name_suffixes)
    word = rf"(?!(?:{suffixes})\.)(?:[A-Z]\.|[{upper}][{lower}]+(?:[A-Z][{lower}]+)?(?:[-'’][{upper}{lower}]+)*|[IVX]+\b)"
    return Matchers(
        rules=r,
        # Lower case only: "States" in "the Malay States" is not a verb.
        speech=re.compile(rf"\b(?:{_alternatives(verbs)})\b"),
        noun_like={v.lower() for v in r.noun_like_verbs},
        speech_noun=re.compile(
            rf"['’]s?\s+(?:{_alternatives(r.speech_nouns)})\s*(?:[:,]|\s+(?:was|is))?\s*$", re.I
        ),
        pronoun_noun=re.compile(
            rf"\b({_alternatives(r.possessive_pronouns)})\s+(?:[a-z]+\s+)?"
            rf"(?:{_alternatives(r.speech_nouns)})\s*(?:[:,]|\s+(?:was|is))?\s*$",
            re.I,
        ),
        # "according to X", "according to a report by X"
        phrase=re.compile(
            rf"\b(?:{_alternatives(r.attribution_phrases)})\s+"
            rf"(?:(?:a|an|the)\s+(?:[a-z]+\s+){{1,2}}(?:by|from|of)\s+)?(?:the\s+)?$",
            re.I,
        ),
        trailing_phrase=re.compile(rf"[\s,]*(?:{_alternatives(r.attribution_phrases)})\s+", re.I),
        title_cue=re.compile(rf"(?:{_alternatives(r.title_cues)})\s*$", re.I),
        name_run=re.compile(
            rf"(?<![\w-]){word}(?:\s+(?:(?:{_alternatives(r.name_particles)})\s+)*{word})*"
            rf"(?:,?\s+(?:{suffixes})\.)?"
        ),
        # "Fisheries Ministry", "Department of Mines", "Joint Statement": an organisation or its text
        body_run=re.compile(
            rf"(?:{word}\s+)*\b({_alternatives(w.capitalize() for w in r.body_nouns)})\b"
            rf"(?:\s+of\s+(?:the\s+)?{word}(?:\s+{word})*)?"
        ),
        pronoun=re.compile(rf"\b(?:{_alternatives(r.pronouns)})\b", re.I),
        titles={t.lower() for t in r.titles},
        honorifics={t.lower() for t in r.honorifics},
        name_titles={t.lower() for t in r.name_titles},
        not_names={w.lower() for w in r.not_names},
        not_verbs={w.lower() for w in r.not_verbs},
        prepositions={w.lower() for w in r.prepositions},
        pronouns={w.lower() for w in r.pronouns},
        org_pronouns={w.lower() for w in r.org_pronouns},
        bodies={w.lower() for w in r.body_nouns},
        not_name_starts={w.lower() for w in r.not_name_starts},
    )


def extract(doc: Document, nlp, settings) -> Iterator[Quote]:
    """Yield attributed quotations of at least `settings.extract.min_quote_words` words.

    Args:
        doc: a cleaned document; body paragraphs, block quotes and asides (pull quotes) are read.
        nlp: the loaded spaCy pipeline; with a parser and NER, the sentences around a
            candidate quotation are parsed to find the speech verb's subject.
        settings: quizgen Settings (min_quote_words, speech_verbs).
    Yields:
        Quote items with the speaker's name as the text gives it, titles dropped.
    """
    m = matchers(tuple(settings.extract.speech_verbs))
    min_words = settings.extract.min_quote_words
    blocks = list(_blocks(doc))
    quotations = [(b, parts) for b in blocks for parts in _quotations(b, m)]
    quotations = [
        (b, parts)
        for b, parts in quotations
        if _words(_joined(b, parts)) <= MAX_QUOTE_WORDS and not _title_of_work(b, parts, m)
    ]
    if not any(_words(_joined(b, parts)) >= min_words for b, parts in quotations):
        return
    speakers = Speakers(doc, nlp, m, blocks)
    worth = _worth_attributing(quotations, min_words)
    speakers.expect(s for block, parts in worth for s in _around(block, parts))
    # Short quotes are not items, but their attribution may carry over to the next quote.
    previous: dict[
        int, tuple[int, int, Speaker]
    ] = {}  # id(block) -> (sentence, close mark, speaker)
    for block, parts in worth:
        found = _attribute(block, parts, speakers, m)
        if found:
            speaker, rule = found
            previous[id(block)] = (
                block.sentence_at(parts[-1].close_at),
                parts[-1].close_at,
                speaker,
            )
        else:
            speaker, rule = _carried(block, parts[0], previous.get(id(block)), speakers), "carried"
        if speaker is None or _words(_joined(block, parts)) < min_words:
            continue
        if rule in ("aside", "block") and block.kind != "body":
            sentences = block.sentences
        else:
            lead = (
                _lead_start(block, parts[0])
                if rule in ("leading", "colon", "possessive", "phrase")
                else parts[0].open_at
            )
            sentences = block.sentences[
                block.sentence_at(lead) : block.sentence_at(parts[-1].close_at) + 1
            ]
        if rule == "block" and block.intro is not None:
            sentences = (block.intro, *sentences)
        yield Quote(
            text=_joined(block, parts),
            speaker=speaker.name,
            role=speaker.role,
            source=provenance(doc, sentences, f"quote.{rule}"),
        )


# -- paragraphs and quote marks ---------------------------------------------------


def _blocks(doc: Document) -> Iterator[Block]:
    """Runs of usable sentences per paragraph; a quote left open continues into the next body paragraph.

    Consecutive block-quote paragraphs make one block; a body or block-quote block
    keeps as `intro` the last sentence of the paragraph just before when it ends with a colon.
    """
    pending: list[Sentence] = []
    pending_kind, pending_intro = None, None
    last_index, last_sentence = -2, None  # the paragraph read last, and its last sentence
    for paragraph in doc.paragraphs:
        if paragraph.kind not in ("body", "aside") or paragraph.unreliable:
            continue
        sentences = [s for s in paragraph.sentences if not s.unreliable]
        if not sentences:
            continue
        kind = "block" if paragraph.kind == "body" and paragraph.block_quote else paragraph.kind
        follows = paragraph.index == last_index + 1
        continues = (
            pending
            and kind == pending_kind
            and follows
            and (
                kind == "block"
                or (kind == "body" and _open_at_end(" ".join(s.text for s in pending)))
            )
        )
        if continues:
            pending += sentences
        else:
            if pending:
                yield _block(pending_kind, pending, pending_intro)
            intro = (
                last_sentence
                if follows
                and last_sentence is not None
                and kind != "aside"
                and last_sentence.text.rstrip().endswith(":")
                else None
            )
            pending, pending_kind, pending_intro = sentences, kind, intro
        last_index, last_sentence = paragraph.index, sentences[-1]
    if pending:
        yield _block(pending_kind, pending, pending_intro)


def _block(kind: str, sentences: list[Sentence], intro: Sentence | None = None) -> Block:
    starts, offset = [], 0
    for s in sentences:
        starts.append(offset)
        offset += len(s.text) + 1
    return Block(kind, tuple(sentences), tuple(starts), " ".join(s.text for s in sentences), intro)


def _open_at_end(text: str) -> bool:
    marks = QUOTE_MARK.findall(text)
    depth = 0
    for c in marks:
        depth = 1 if c == OPENING else 0 if c == CLOSING else 1 - depth
    return depth == 1


def _pair_marks(text: str, breaks: set[int] = frozenset()) -> list[Quoted]:
    """Quoted stretches: curly marks say which side they are; a straight one closes an open quote, else opens.

    A mark opening a paragraph (`breaks`) while a quote is open continues it: a quotation
    of several paragraphs leaves each but the last open and opens the next again.
    """
    out, open_at = [], None
    for mark in QUOTE_MARK.finditer(text):
        i, c = mark.start(), mark.group()
        if open_at is not None and c in (OPENING, STRAIGHT) and i in breaks:
            continue
        if c == OPENING or (c == STRAIGHT and open_at is None):
            open_at = i
        elif c in (CLOSING, STRAIGHT) and open_at is not None:
            out.append(Quoted(open_at + 1, i, open_at, i))
            open_at = None
    return out


def _quotations(block: Block, m: Matchers) -> Iterator[tuple[Quoted, ...]]:
    """Each quotation of a block as its parts: one, or two around an attribution; a block quote is one."""
    if block.kind == "block":
        yield (_whole(block.text),)
        return
    breaks = {
        start
        for start, s, before in zip(block.starts[1:], block.sentences[1:], block.sentences)
        if s.paragraph != before.paragraph
    }
    quotes = (
        _pair_marks(block.text, breaks)
        if QUOTE_MARK.search(block.text)
        else _pair_single(block.text)
    )
    i = 0
    while i < len(quotes):
        if i + 1 < len(quotes) and _interrupted(block.text, quotes[i], quotes[i + 1], m):
            yield (quotes[i], quotes[i + 1])
            i += 2
        else:
            yield (quotes[i],)
            i += 1


def _pair_single(text: str) -> list[Quoted]:
    """‘Quoted’ stretches in a text that uses single marks only: ‘ opens a word, ’ ends one (not "don’t")."""
    out, open_at = [], None
    for mark in SINGLE_MARK.finditer(text):
        i = mark.start()
        if mark.group() == "‘" and (i == 0 or not text[i - 1].isalnum()):
            open_at = i
        elif mark.group() == "’" and open_at is not None and not text[i + 1 : i + 2].isalnum():
            out.append(Quoted(open_at + 1, i, open_at, i))
            open_at = None
    return out


def _whole(text: str) -> Quoted:
    """A block quote: all its text, without the quote marks or footnote marks around it, nor a '— Author' line."""
    signed = SIGNATURE.search(text)
    if signed:
        text = text[: signed.start()]
    start = re.match(r"[\s“\"]*", text).end()
    end = len(re.sub(r"(?:\[\d+\]|[\s”\"])*$", "", text))
    return Quoted(start, max(start, end), start, max(start, end))


def _interrupted(text: str, first: Quoted, second: Quoted, m: Matchers) -> bool:
    """'"A," X wrote, "B"': a short attribution with a speech verb between a comma and a new quote."""
    between = text[first.close_at + 1 : second.open_at]
    return (
        text[first.start : first.end].rstrip().endswith(",")
        and between.rstrip().endswith(",")
        and len(between.split()) <= 8
        and bool(m.speech.search(between))
    )


def _title_of_work(block: Block, parts: tuple[Quoted, ...], m: Matchers) -> bool:
    """'a book titled "..."', '(credit: "..." by ...)', "Title Case Words": the quoted words name a work."""
    before = block.text[max(0, parts[0].open_at - 30) : parts[0].open_at]
    after = block.text[parts[-1].close_at + 1 : parts[-1].close_at + 20]
    if m.title_cue.search(before) or re.match(r"[\s,]*by\s+(?:the\s+)?[A-Z]", after):
        return True
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", _joined(block, parts)) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _joined(block: Block, parts: tuple[Quoted, ...]) -> str:
    text = " ".join(block.text[q.start : q.end].strip() for q in parts)
    text = re.sub(
        r"(?:(?<=\s)|^)[“\"]", "", text
    )  # the marks reopening each paragraph of a long quotation
    text = re.sub(
        r"(?<=[a-z][.!?])\d{1,3}$", "", text.strip()
    )  # a footnote number left inside: "... ends.12"
    return " ".join(text.split()).rstrip(" ,;:")


def _words(text: str) -> int:
    return len(re.findall(r"\w+(?:['’-]\w+)*", text))


# -- which rule names the speaker -----------------------------------------------


def _attribute(
    block: Block, parts: tuple[Quoted, ...], speakers: Speakers, m: Matchers
) -> tuple[Speaker, str] | None:
    """The speaker and the rule that found it, or None."""
    first, last = parts[0], parts[-1]
    if len(parts) > 1:
        speaker = speakers.near_verb(
            block, (first.close_at + 1, parts[1].open_at), after_ok=True, last=False
        )
        if speaker:
            return speaker, "interrupted"
    if block.kind == "aside":
        if block.text[: first.open_at].strip():
            return None  # a quote inside a caption is not a pull quote
        outside = [
            p
            for p in speakers.people(block, 0, len(block.text), persons=True)
            if not first.open_at <= p.start < last.close_at
        ]
        return (outside[0], "aside") if outside else None
    if block.intro is not None and not block.text[: first.open_at].strip(' “"'):
        speaker = speakers.introduced(block.intro)
        if speaker:
            return speaker, "block"
    if block.kind == "block":
        signed = SIGNATURE.search(block.text)
        signers = speakers.people(block, signed.start(1), len(block.text)) if signed else []
        return (signers[0], "block") if signers and signers[0].start == signed.start(1) else None
    cited = CITATION.match(block.text, last.close_at + 1)
    if cited:
        return speakers.cited(cited), "citation"
    trail_end = _sentence_end(block, last.close_at)
    trailing = (last.close_at + 1, trail_end)
    trail_text = block.text[trailing[0] : trailing[1]]
    phrase = m.trailing_phrase.match(trail_text)  # '"...," according to X.'
    if phrase:
        named = speakers.people(block, trailing[0] + phrase.end(), trail_end)
        if named and block.text[trailing[0] + phrase.end() : named[0].start].strip().lower() in (
            "",
            "the",
        ):
            return named[0], "phrase"
    verb = m.speech.search(trail_text)
    ending = block.text[last.start : last.end].rstrip()[-1:]
    # '"...," he said'; '"...." he said' too, where the sentence runs on in lower case
    if (
        verb
        and len(trail_text[: verb.start()].split()) <= 4
        and (ending in ",!?" or (ending == "." and trail_text.lstrip()[:1].islower()))
    ):
        speaker = speakers.near_verb(
            block, trailing, after_ok=True, last=False, quote_at=max(last.start, last.end - 2)
        )
        if speaker:
            return speaker, "trailing"
    lead = (_lead_start(block, first), first.open_at)
    lead_text = block.text[lead[0] : lead[1]]
    if m.speech_noun.search(lead_text):
        owner = [p for p in speakers.people(block, *lead) if lead[1] - p.end <= 30]
        if owner:
            return owner[-1], "possessive"
    owned = m.pronoun_noun.search(lead_text)  # "his reply was: "...""
    if owned:
        pronoun = m.rules.possessive_pronouns[owned.group(1).lower()]
        speaker = speakers.antecedent(block, lead[0] + owned.start(1), pronoun)
        if speaker:
            return speaker, "possessive"
    phrase = [
        p
        for p in speakers.people(block, *lead)
        if m.phrase.search(block.text[lead[0] : p.start])
        and _phrase_gap(block.text[p.end : lead[1]], m)
    ]
    if phrase:
        return phrase[-1], "phrase"
    if m.speech.search(lead_text):
        # 'X stated his fears: "..."': the colon, not the syntax, ties the quote to the verb
        anchor = None if lead_text.rstrip().endswith(":") else first.start
        speaker = speakers.near_verb(block, lead, after_ok=False, last=True, quote_at=anchor)
        if speaker:
            return speaker, "leading"
    if lead_text.rstrip().endswith(":"):
        speaker = speakers.colon_subject(block, lead)
        if speaker:
            return speaker, "colon"
    return None


def _phrase_gap(text: str, m: Matchers) -> bool:
    """'according to X, "..."' or 'according to X, the plan "...": a few words, no new clause of speech."""
    gap = text.strip()
    if not gap.strip(" ,:"):
        return True
    return (
        gap.startswith(",")
        and len(gap.split()) <= MAX_PHRASE_GAP_WORDS
        and not re.search(r"[.;:“”\"]", gap)
        and not m.speech.search(gap)
    )


def _around(block: Block, parts: tuple[Quoted, ...]) -> list[Sentence]:
    """The sentences a quotation's speaker is most often found in: its lead's and its last close's
    (and a block quote's introduction); the sentences wholly inside a long quotation are not read."""
    first = block.sentence_at(_lead_start(block, parts[0]))
    last = block.sentence_at(parts[-1].close_at)
    intro = [block.intro] if block.intro is not None else []
    return [*intro, *{id(s): s for s in (block.sentences[first], block.sentences[last])}.values()]


def _lead_start(block: Block, quote: Quoted) -> int:
    """Start of the text that introduces a quote: its sentence, or the previous one when it ends with a colon."""
    index = block.sentence_at(quote.open_at)
    start = block.starts[index]
    if (
        not block.text[start : quote.open_at].strip()
        and index > 0
        and block.text[:start].rstrip().endswith(":")
    ):
        return block.starts[index - 1]
    return start


def _sentence_end(block: Block, offset: int) -> int:
    index = block.sentence_at(offset)
    return block.starts[index + 1] - 1 if index + 1 < len(block.starts) else len(block.text)


def _carried(block: Block, quote: Quoted, previous, speakers: Speakers) -> Speaker | None:
    """A quote opening a sentence soon after one attributed to X, nobody else named between, is X's."""
    if previous is None:
        return None
    last_index, last_close, speaker = previous
    index = block.sentence_at(quote.open_at)
    if (
        block.text[block.starts[index] : quote.open_at].strip()
        or index - last_index > MAX_CARRY_SENTENCES
    ):
        return None
    if any(
        p.name != speaker.name
        for p in speakers.people(block, last_close + 1, quote.open_at, persons=True)
    ):
        return None
    return speaker


def _worth_attributing(quotations, min_words: int):
    """Quotations long enough to keep, and short ones whose speaker may carry over to a long one just after."""
    out = []
    for i, (block, parts) in enumerate(quotations):
        later = quotations[i + 1] if i + 1 < len(quotations) else None
        long_enough = _words(_joined(block, parts)) >= min_words
        carries = (
            later is not None
            and later[0] is block
            and block.sentence_at(later[1][0].open_at) - block.sentence_at(parts[-1].close_at)
            <= MAX_CARRY_SENTENCES
        )
        if long_enough or carries:
            out.append((block, parts))
    return out


# -- who is speaking ------------------------------------------------------------


class Speakers:
    """Names in the document's sentences, and the subjects of speech verbs, parsed on demand."""

    def __init__(self, doc: Document, nlp, m: Matchers, blocks: list[Block]):
        self.nlp, self.m = nlp, m
        self.parsing = has_parser(nlp) and has_ner(nlp)
        self.order = list(usable_sentences(doc, ("body", "aside")))
        self.index = {id(s): i for i, s in enumerate(self.order)}
        self.names = Names(doc, m)
        self.quoted: dict[int, list[tuple[int, int]]] = {}  # id(sentence) -> quoted ranges in it
        for block in blocks:
            stretches = [
                (q.open_at, q.close_at + 1) for parts in _quotations(block, m) for q in parts
            ]
            for s, base in zip(block.sentences, block.starts):
                self.quoted[id(s)] = [
                    (max(a, base) - base, min(b, base + len(s.text)) - base)
                    for a, b in stretches
                    if a < base + len(s.text) and base < b
                ]
        self._found: dict[int, list[Speaker]] = {}

    # names

    def parsed(self, sentence: Sentence):
        return parse(self.nlp, [sentence.text], need=("parse", "ner"))[0]

    def expect(self, sentences: Iterable[Sentence]) -> None:
        """Parse in one batch the sentences likely to be asked for: a batch costs less than one at a time."""
        if self.parsing:
            parse(self.nlp, dict.fromkeys(s.text for s in sentences), need=("parse", "ner"))

    def in_sentence(self, sentence: Sentence) -> list[Speaker]:
        """People and organisations named in a sentence (offsets in the sentence), titles resolved."""
        if id(sentence) in self._found:
            return self._found[id(sentence)]
        text = sentence.text
        spans = [
            (*mt.span(), None) for mt in self.m.name_run.finditer(text)
        ]  # capitalised-name patterns
        # "the Department of Mines", "The Charter of Tessel": one organisation or text
        bodies = [
            (*mt.span(), "ORG")
            for mt in self.m.body_run.finditer(text)
            if " " in mt.group().strip()
        ]
        spans = bodies + [
            (a, b, label) for a, b, label in spans if not any(a < y and x < b for x, y, _ in bodies)
        ]
        if self.parsing:
            # Entities of speaker labels, plus the name patterns NER left unlabelled (the small
            # model misses "Comrade Ana Lima"); a pattern it labelled DATE, LAW ... is not a name.
            ents = self.parsed(sentence).ents
            labels = {*self.m.rules.person_labels, *self.m.rules.org_labels}
            named = [(e.start_char, e.end_char, e.label_) for e in ents if e.label_ in labels]
            named = [
                (a, b, label)
                for a, b, label in bodies
                if not any(a < y and x < b for x, y, _ in named)
            ] + [
                (x, y, label)
                for x, y, label in named
                if not any(a <= x and y <= b for a, b, _ in bodies)
            ]
            other = [
                (e.start_char, e.end_char)
                for e in ents
                if e.label_ not in labels and e.label_ not in self.m.rules.untrusted_labels
            ]
            spans = named + [
                (a, b, None)
                for a, b, label in spans
                if label is None and not any(a < y and x < b for x, y, *_ in named + other)
            ]
        found = []
        for a, b, label in spans:
            speaker = _speaker(text, a, b, self.names, self.m, label)
            if speaker and speaker.kind == "title":
                speaker = self.names.titled(speaker, self.index.get(id(sentence), 0))
            if speaker:
                found.append(speaker)
        self._found[id(sentence)] = sorted(found, key=lambda p: p.start)
        return self._found[id(sentence)]

    def people(self, block: Block, start: int, end: int, persons: bool = False) -> list[Speaker]:
        """Speakers named in block.text[start:end] (block offsets); `persons`: people only."""
        found = []
        for s, base in zip(block.sentences, block.starts):
            if base > end or base + len(s.text) < start:
                continue
            for p in self.in_sentence(s):
                if (
                    start <= base + p.start
                    and base + p.end <= end
                    and (p.kind == "person" or not persons)
                ):
                    found.append(Speaker(base + p.start, base + p.end, p.name, p.role, p.kind))
        return found

    def cited(self, citation: re.Match) -> Speaker:
        """The author of an author-year citation, with the full name when the document gives it."""
        surname = citation.group(1)
        known = self.names.expand(surname)
        return Speaker(
            citation.start(1),
            citation.end(1),
            known[0] if known else surname,
            known[1] if known else None,
        )

    # subjects

    def near_verb(
        self,
        block: Block,
        span: tuple[int, int],
        after_ok: bool,
        last: bool,
        quote_at: int | None = None,
    ) -> Speaker | None:
        """The subject of the speech verb in `span` (the last one, or the first), a he/she resolved.

        With a parse, a verb counts only when it is tagged a verb and, when `quote_at`
        (a block offset inside the quotation) is in its sentence, the quotation hangs
        from it or it from the quotation ('"...," he said').
        """
        a, b = span
        verbs = list(self.m.speech.finditer(block.text, a, b))
        if last:
            verbs.reverse()
        if self.parsing:
            results = []
            for verb in verbs:
                found, speaker = self._parsed_subject(block, verb.start(), quote_at)
                if found:
                    return speaker
                results.append(found)
            if None not in results:
                # verbs the quotation does not hang from: a misparse, unless a sentence ends between
                verbs = [
                    v
                    for v in verbs
                    if quote_at is not None
                    and v.end() <= quote_at
                    and not SENTENCE_END.search(block.text, v.end(), quote_at)
                ]
            else:
                verbs = [
                    v
                    for v, found in zip(verbs, results)
                    if found is None and v.group() in self.m.noun_like
                ]
        for verb in verbs[:1]:
            return self._subject_by_position(block, span, verb, after_ok)
        return None

    def colon_subject(self, block: Block, span: tuple[int, int]) -> Speaker | None:
        """'X blasted Y for Z:': the subject of the sentence that introduces a quote with a colon."""
        a, b = span
        if self.parsing:
            index = block.sentence_at(max(a, b - 1))
            sdoc = self.parsed(block.sentences[index])
            colon = b - block.starts[index]
            before = [t for t in sdoc if t.idx < colon and not t.is_punct]
            if before:
                # the clause the colon ends: the highest head of its last word that stands before the colon
                clause = before[-1]
                while clause.head.i != clause.i and clause.head.idx < colon:
                    clause = clause.head
                found, speaker = self._subject_of(block, index, clause)
                if found:
                    return speaker
        subject = [p for p in self.people(block, a, b) if len(block.text[a : p.start].split()) <= 6]
        return subject[0] if subject and subject[0].kind == "person" else None

    def introduced(self, intro: Sentence) -> Speaker | None:
        """The speaker a sentence ending 'X said:' announces for the block quote after it."""
        block = _block("body", [intro])
        span = (0, len(block.text))
        if self.m.speech.search(block.text):
            speaker = self.near_verb(block, span, after_ok=True, last=True)
            if speaker:
                return speaker
        return self.colon_subject(block, span)

    def _parsed_subject(
        self, block: Block, at: int, quote_at: int | None
    ) -> tuple[bool | None, Speaker | None]:
        """(the parse settled it, the speaker) for the speech verb at block offset `at`.

        None first: not tagged a verb here ("his notes"); False: a verb, but the quotation is not its.
        """
        index = block.sentence_at(at)
        sdoc = self.parsed(block.sentences[index])
        local = at - block.starts[index]
        token = next((t for t in sdoc if t.idx == local), None)
        if token is None or not token.tag_.startswith("VB"):
            return None, None
        if quote_at is not None and block.sentence_at(quote_at) == index:
            quoted = next(
                (t for t in sdoc if t.idx >= quote_at - block.starts[index] and not t.is_punct),
                None,
            )
            if (
                quoted is not None
                and token not in quoted.ancestors
                and quoted not in token.ancestors
                and quoted.i != token.i
            ):
                return False, None
        return self._subject_of(block, index, token)

    def _subject_of(self, block: Block, index: int, verb) -> tuple[bool, Speaker | None]:
        """(True, the speaker) the first speaker pattern that matches from `verb` names."""
        subject = self._pattern_speaker(verb)
        if subject is None:
            return True, None  # "the directive, stating that ...": a document, not a speaker
        base = block.starts[index]
        if subject.lower_ in self.m.pronouns:
            return True, self.antecedent(block, base + subject.idx)
        if subject.lower_ in self.m.org_pronouns:
            return True, self.org_antecedent(block, base + subject.idx)
        named = self.in_sentence(block.sentences[index])
        # "The historian Edda Marstrand said": the name may hang from a common noun
        for token in [subject, *(c for c in subject.children if c.dep_ == "appos")]:
            for p in named:
                if p.start <= token.idx < p.end:
                    return True, Speaker(base + p.start, base + p.end, p.name, p.role, p.kind)
        if subject.lower_ in self.m.bodies and any(c.lower_ == "the" for c in subject.children):
            return True, self.names.body(
                subject.lower_, self.index.get(id(block.sentences[index]), 0)
            )
        return True, None  # "the plan", "it": not a named speaker

    def _pattern_speaker(self, verb):
        """The speaker token of the first speaker pattern matching at `verb` (nearest it when several do)."""
        sdoc = verb.doc
        order = {rule.id: i for i, rule in enumerate(self.m.rules.speaker_patterns)}
        nodes = {
            rule.id: [n["RIGHT_ID"] for n in rule.pattern] for rule in self.m.rules.speaker_patterns
        }
        found = []
        for match_id, tokens in self.m.speaker_matcher(sdoc.vocab)(sdoc):
            rule = sdoc.vocab.strings[match_id]
            if tokens[0] == verb.i:
                speaker = sdoc[tokens[nodes[rule].index("speaker")]]
                found.append(
                    (order[rule], abs(speaker.i - verb.i), speaker.i)
                )  # a misparse may give two subjects
        return sdoc[min(found)[2]] if found else None

    def _subject_by_position(
        self, block: Block, span: tuple[int, int], verb, after_ok: bool
    ) -> Speaker | None:
        """Without a parser: the name (or he/she) right before the verb, else right after it ("said X")."""
        a, b = span
        before = block.text[a : verb.start()]
        pronoun = ([None] + list(self.m.pronoun.finditer(before)))[-1]
        gap_ok = _subject_gap
        if verb.group() in self.m.noun_like:
            gap_ok = _adjacent  # "X notes", but "his notes"
        named = [
            p
            for p in self.people(block, a, verb.start())
            if gap_ok(block.text[p.end : verb.start()], self.m)
            and (p.role or not _after_preposition(block.text, p.start, self.m))
        ]
        if named and (not pronoun or named[-1].end > a + pronoun.start()):
            return named[-1]
        agent = re.match(r"\s+by\s+", block.text[verb.end() :])  # "Y was told by X"
        if agent and re.search(r"\b(?:was|were|been|being)\s+$", before):
            by = [
                p
                for p in self.people(block, verb.end(), len(block.text))
                if p.start == verb.end() + agent.end()
            ]
            if by:
                return by[0]
        if pronoun and gap_ok(before[pronoun.end() :], self.m):
            return self.antecedent(block, a + pronoun.start())
        it = ([None] + list(re.finditer(r"\b[Ii]t\b", before)))[-1]
        if it and it.group().lower() in self.m.org_pronouns and gap_ok(before[it.end() :], self.m):
            return self.org_antecedent(block, a + it.start())
        body = ([None] + list(re.finditer(r"\b[Tt]he\s+(\w+)", before)))[-1]
        if body and body.group(1).lower() in self.m.bodies and gap_ok(before[body.end() :], self.m):
            index = block.sentence_at(a + body.start())
            return self.names.body(
                body.group(1).lower(), self.index.get(id(block.sentences[index]), 0)
            )
        if after_ok:
            after = [
                p
                for p in self.people(block, verb.end(), b)
                if all(
                    _is_title(w, self.m)
                    for w in re.findall(r"[\w-]+", block.text[verb.end() : p.start])
                )
            ]
            if after:
                return after[0]
        return None

    # he, she, it

    def org_antecedent(self, block: Block, offset: int) -> Speaker | None:
        """The organisation an 'it said' stands for: the one last named as a subject, this sentence or the one before."""
        index = block.sentence_at(offset)
        sentence, local = block.sentences[index], offset - block.starts[index]
        position = self.index.get(id(sentence))
        earlier = [self.order[position - 1]] if position else []
        for s, limit in [(sentence, local), *((e, len(e.text)) for e in earlier)]:
            quoted = self.quoted.get(id(s), [])
            orgs = [
                p
                for p in self.in_sentence(s)
                if p.kind == "org"
                and p.end <= limit
                and not any(a <= p.start < b for a, b in quoted)
                and self._is_subject(s, p)
            ]
            if orgs:
                return orgs[-1]
        return None

    def antecedent(self, block: Block, offset: int, pronoun: str | None = None) -> Speaker | None:
        """The person a he/she at block `offset` stands for.

        `pronoun` is he or she (read at `offset` when not given).
        The last person named as a subject before it in its sentence; else, going back
        sentence by sentence, the person who is the subject there (a sentence whose
        subject is he/she again passes the search on), or the first person named there.
        """
        index = block.sentence_at(offset)
        sentence, local = block.sentences[index], offset - block.starts[index]
        pronoun = pronoun or re.match(r"\w+", block.text[offset:]).group().lower()
        same = [p for p in self._persons(sentence, pronoun) if p.end <= local]
        subjects = [p for p in same if self._is_subject(sentence, p)]
        if subjects:
            return subjects[-1]
        position = self.index.get(id(sentence))
        for back in range(1, MAX_ANTECEDENT_SENTENCES + 1):
            if position is None or position - back < 0:
                break
            earlier = self.order[position - back]
            persons = self._persons(earlier, pronoun)
            main = [p for p in persons if self._is_subject(earlier, p, main=True)]
            if main:
                return main[0]
            if self._pronoun_subject(earlier):
                continue  # "He ..." again: the same person, named further back
            subjects = [p for p in persons if self._is_subject(earlier, p)]
            if subjects or persons:
                return (subjects or persons)[0]
        return same[-1] if same else None

    def _persons(self, sentence: Sentence, pronoun: str | None = None) -> list[Speaker]:
        """People named in a sentence outside its quotations (who may be `pronoun`: "Mrs. Lee" is not "he")."""
        quoted = self.quoted.get(id(sentence), [])
        return [
            p
            for p in self.in_sentence(sentence)
            if p.kind == "person"
            and not any(a <= p.start < b for a, b in quoted)
            and self.names.may_be(p.name, pronoun)
        ]

    def _is_subject(self, sentence: Sentence, person: Speaker, main: bool = False) -> bool:
        """Is the person the subject of a clause (`main`: of the sentence's main clause)?"""
        if self.parsing:
            for token in self.parsed(sentence):
                if person.start <= token.idx < person.end:
                    head = token
                    while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
                        head = head.head
                    if head.dep_ in self.m.rules.subject_deps and (
                        not main or head.head.dep_ == "ROOT"
                    ):
                        return True
            return False
        if main and re.search(
            r"^[^,]*\b(?:when|while|after|before|because|although|if|since)\b",
            sentence.text[: person.start],
            re.I,
        ):
            return False
        after = re.sub(r"^\s*,[^,]{1,80},", " ", sentence.text[person.end :])
        word = re.match(r"\s+([a-z]+)\b", after)
        return bool(word) and word.group(1) not in self.m.not_verbs

    def _pronoun_subject(self, sentence: Sentence) -> bool:
        if self.parsing:
            return any(
                t.lower_ in self.m.pronouns
                and t.dep_ in self.m.rules.subject_deps
                and t.head.dep_ == "ROOT"
                for t in self.parsed(sentence)
            )
        lead = re.match(r"(?:[^,]{0,60},\s*)?(\w+)", sentence.text)
        return bool(lead) and lead.group(1).lower() in self.m.pronouns


def _subject_gap(text: str, m: Matchers) -> bool:
    """Only an appositive or a few words ("also", "has long") stand between a subject and its verb."""
    text = re.sub(r"^\s*,[^,]{1,80},", " ", text)
    words = text.split()
    # a comma left means the name sat inside a phrase: "Ann Lee, a French jurist, wrote" (French);
    # "Y was told" is passive: Y is the one spoken to
    return (
        len(words) <= 3
        and not re.search(r"[,.;:“”\"]", text)
        and not {"and", "but", "or", "was", "were", "been", "being"} & set(words)
    )


def _after_preposition(text: str, start: int, m: Matchers) -> bool:
    """'Opponents in Congress said': a name after a preposition is not the subject."""
    word = re.search(r"(\w+)\s+(?:the\s+)?$", text[:start])
    return bool(word) and word.group(1).lower() in m.prepositions


def _adjacent(text: str, m: Matchers) -> bool:
    """Nothing, or one adverb, between a name and a verb that may be a noun ("X notes", "X officially claims")."""
    words = text.split()
    return not words or (len(words) == 1 and words[0].endswith("ly"))


# -- names ------------------------------------------------------------------------


class Names:
    """What the document tells about names: full names for surnames, titles people hold."""

    def __init__(self, doc: Document, m: Matchers):
        self.m = m
        self.full: dict[
            str, tuple[str, str | None]
        ] = {}  # surname -> (full name, role) at its first mention
        self.given: dict[
            str, set[str]
        ] = {}  # first word of a full name -> full names ("Tarin" -> "Tarin Holm")
        self.mentions: list[
            tuple[int, str, frozenset[str]]
        ] = []  # (sentence, full name, title words)
        self.bodies: list[
            tuple[int, str, str]
        ] = []  # (sentence, last word, name): "the Fisheries Ministry"
        found = []
        for i, s in enumerate(usable_sentences(doc, ("body", "aside"))):
            for match in m.body_run.finditer(s.text):
                name = re.sub(r"^[Tt]he\s+", "", match.group())
                if " " in name:
                    self.bodies.append((i, match.group(1).lower(), name))
            for match in m.name_run.finditer(s.text):
                person = _speaker(s.text, *match.span(), None, m, None)
                if person and person.kind == "person":
                    found.append((i, person, _title_words(s.text, match.start(), person, m)))
        # single names written with a title somewhere ("President Halvorsen"): people
        self.people_words = {p.name for _, p, titles in found if " " not in p.name and titles}
        for _, person, _ in found:
            if " " in person.name:
                self.full.setdefault(person.name.split()[-1], (person.name, person.role))
                self.given.setdefault(person.name.split()[0], set()).add(person.name)
        self.pronouns: dict[str, set[str]] = {}  # full name -> he/she, as its titles tell
        for i, person, titles in found:
            known = None if " " in person.name else self.expand(person.name)
            name = known[0] if known else person.name
            self.mentions.append((i, name, titles))
            for pronoun, gendered in m.rules.gendered_titles.items():
                if titles & set(gendered):
                    self.pronouns.setdefault(name, set()).add(pronoun)

    def expand(self, word: str, given: bool = False) -> tuple[str, str | None] | None:
        """(full name, role) for a surname; with `given`, also for the first word of one full name."""
        if word in self.full:
            return self.full[word]
        if given and len(self.given.get(word, ())) == 1:
            return next(iter(self.given[word])), None
        return None

    def may_be(self, name: str, pronoun: str | None) -> bool:
        """Could `pronoun` stand for the person? Not when a title says otherwise ("Queen", "Mr.")."""
        said = self.pronouns.get(name, set())
        return pronoun is None or not said or pronoun in said

    def body(self, noun: str, sentence: int) -> Speaker | None:
        """'the ministry': the organisation (or its text) last named in full with that noun, up to `sentence`."""
        for i, last, name in reversed(self.bodies):
            if i <= sentence and last == noun:
                return Speaker(0, 0, name, None, "org")
        return None

    def titled(self, title: Speaker, sentence: int) -> Speaker | None:
        """'the President': the person last named with that title before `sentence`."""
        for i, name, titles in reversed(self.mentions):
            if i < sentence and title.name in titles:
                return Speaker(title.start, title.end, name, title.name.capitalize(), "person")
        return None


def _is_title(word: str, m: Matchers) -> bool:
    """'Secretary-General', 'then-president', 'Presidents': title words."""
    parts = [
        p[:-1] if p.endswith("s") and p[:-1] in m.titles else p
        for p in word.lower().rstrip(".").split("-")
    ]
    return all(p in m.titles or p in m.not_names for p in parts) and any(
        p in m.titles for p in parts
    )


def _speaker(
    text: str, start: int, end: int, names: Names | None, m: Matchers, label: str | None
) -> Speaker | None:
    """Normalise a name span: titles off (kept as role), possessive off, surname -> full name.

    `label` is the entity label when NER found the span; without one, a capitalised
    run after "the" is an organisation and a bare title ("the President") a title.
    """
    tokens = re.findall(r"\S+", text[start:end])
    tokens[-1:] = [re.sub(r"['’]s?$", "", t) for t in tokens[-1:]]
    tokens[:1] = [re.sub(r"^\W+", "", t) for t in tokens[:1]]  # "--Edda Marstrand"
    tokens = [t for t in tokens if t]
    after_the = bool(re.search(r"\b[Tt]he\s+$", text[max(0, start - 4) : start]))
    if tokens and tokens[0].lower() == "the":
        tokens, after_the = tokens[1:], True
    if not tokens or re.search(r"\d", " ".join(tokens)) or tokens[0].lower() in m.not_name_starts:
        return None
    known = names.expand(tokens[0]) if names is not None and len(tokens) == 1 else None
    if tokens[-1].lower() in m.bodies and label not in m.rules.person_labels:
        return Speaker(start, end, " ".join(tokens), None, "org")  # "the Fisheries Ministry"
    if label in m.rules.org_labels and not known:  # NER calls a bare surname ORG now and then
        return Speaker(start, end, " ".join(tokens), None, "org")
    title_words: list[str] = []
    while tokens and (
        _is_title(tokens[0], m)
        or tokens[0].lower() in m.not_names
        or _demonym(tokens[0], tokens[1:], m)
    ):
        title_words.append(tokens.pop(0))
    # the last title word ends the titles: "Former Deputy Harbour Master of the Port Ruth Okafor"
    while len(tokens) > 1 and any(
        _is_title(t, m) and t.lower() not in m.name_titles for t in tokens[:-1]
    ):
        title_words.append(tokens.pop(0))
    if not tokens:
        titles = [w.lower().rstrip(".") for w in title_words if _is_title(w, m)]
        return Speaker(start, end, titles[-1], None, "title") if titles and after_the else None
    if any(t.lower() in m.not_names for t in tokens):
        return None
    if after_the and not title_words and label not in m.rules.person_labels:
        return Speaker(
            start, end, " ".join(tokens), None, "org"
        )  # "the Old Mint", "The Harbour Review"
    if (
        title_words
        and title_words[-1].lower() in m.name_titles
        and (len(tokens) == 1 or re.fullmatch("[IVX]+", tokens[-1]))
    ):
        tokens.insert(
            0, title_words.pop()
        )  # "Pope Leo X", "King Harald": the title is part of the name
    while len(tokens) > 2 and _adjective(tokens[0]):
        tokens.pop(0)  # "Norwegian Socialist Edda Marstrand"
    name, role = (
        " ".join(tokens),
        _appositive(text, end) or _title_role(text, start, title_words, m),
    )
    if len(tokens) > 1 or names is None:
        return Speaker(start, end, name, role, "person")
    known = names.expand(
        tokens[0], given=label in m.rules.person_labels
    )  # NER says "Tarin" is a person: "Tarin Holm"
    if known:  # a bare surname: the full name and role given at the first mention
        return Speaker(start, end, known[0], role or known[1], "person")
    if label in m.rules.person_labels or any(_is_title(w, m) for w in title_words):
        return Speaker(start, end, name, role, "person")  # "President Halvorsen"
    if names.people_words and tokens[0] in names.people_words:
        return Speaker(start, end, name, role, "person")  # named with a title elsewhere
    if re.search(r"(?:^|[.!?:“\"]\s*)$", text[:start]):
        return None  # a capitalised word opening a sentence: "Critics", "Nobody"
    return Speaker(
        start, end, name, role, "org"
    )  # a bare name: an organisation, a state, a surname


def _title_words(text: str, start: int, person: Speaker, m: Matchers) -> frozenset[str]:
    """Title words a mention gives a person: in its role, or written just before the name."""
    before = re.search(r"((?:[A-Z][\w.'’-]*\s+){0,4})$", text[:start]).group(1)
    words = (person.role or "").split() + before.split() + text[start : person.end].split()
    return frozenset(p for w in words for p in w.lower().rstrip(".,").split("-") if p in m.titles)


def _title_role(text: str, start: int, title_words: list[str], m: Matchers) -> str | None:
    """'Former British Prime Minister' before a name, honorifics ('Comrade', 'Mr.') left out."""
    before = re.search(r"((?:[A-Z][\w.'’-]*\s+)+)$", text[:start])
    words = title_words + (before.group(1).split() if before else [])
    words = [
        w
        for w in words
        if w.lower() not in m.not_names and w.lower().rstrip(".") not in m.honorifics
    ]
    if not any(_is_title(w, m) for w in words):
        return None
    return " ".join(words) or None


def _demonym(word: str, rest: list[str], m: Matchers) -> bool:
    """'British' or 'US' before a title ('British Prime Minister'): part of the role, not the name."""
    return (
        bool(rest)
        and _is_title(rest[0], m)
        and (word.isupper() or word.endswith(("an", "ish", "ese", "ch", "i")))
    )


def _adjective(word: str) -> bool:
    """'Norwegian', 'Socialist', 'Baltic' before a full name: a description, not a given name."""
    return len(word) >= 6 and word.lower().endswith(("ian", "ish", "ese", "ist", "ic"))


def _appositive(text: str, end: int) -> str | None:
    """', Deputy Editor of The Courier,' right after a name: the speaker's role."""
    match = re.match(r",\s+((?:a|an|the|[A-Z])[^,;:“”\"]{2,80}?)(?:,|\.?$)", text[end : end + 90])
    if match and len(match.group(1).split()) <= 12:
        return match.group(1).strip()
    return None


# -- the kind's registry entry: what the other stages need of a Quote ---------


def describe(item: Quote) -> str:
    speaker = f"{item.speaker} ({item.role})" if item.role else item.speaker
    return f"{speaker}: “{item.text}”"


def fact_key(item: Quote) -> tuple[str, ...]:
    """A quotation is its words: a speaker's name or title read better keeps the id."""
    return ("quote", normalise(item.text))


KIND = ItemKind(
    name="quote",
    item_class=Quote,
    extract=extract,
    describe=describe,
    shown=lambda item: item.text,
    fact_key=fact_key,
)
