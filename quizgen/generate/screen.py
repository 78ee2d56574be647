"""Items no question may be made of, each with a named reason for `quizgen build --report`.

  citation        the sentence is a citation, byline, caption, image credit or
                  reference-list entry, not body text
  glued-token     a word of the item is not a word of its sentence: a cut glued two
                  words together ("Minershad")
  no-clause       a dated event with no finite verb and subject of its own, and no
                  noun phrase naming something that happens ("the night", "which was ...")
  unfit-term      a defined "term" that is a verb phrase or a pronoun
  range-cut       a dated event whose date is one end of a range its sentence gives
                  ("From July 1873 through June 1874, ..." read as July 1873)
  bad-list        a list whose members are not parts of one list: a member opening
                  with "which"/"that", holding a finite verb, or two members the
                  sentence joins with "and" before the last ("the Fisheries", "Forestry Board")
  event-cut       an event that stops before the complement its verb needs, which its
                  sentence goes on to give ("The miners blamed the guild" | for ...)
  not-a-statement a sentence that asks the reader to do something ("Consider the 1908 vote ...")
  elliptical      an event that stands for another one it does not name ("the council did so in
                  1904", "... the same in 1904"): asked alone, it means nothing
  bad-speaker     a quotation with no speaker, or one that cannot be one speaker
                  ("Presidents Halvorsen")
  truncated, dangling-pronoun
                  an event that ends cut off or opens with a pronoun (the gate's checks,
                  made on the event itself)

Markdown emphasis (`**term**`, `_Title_`) is markup, not text: `plain_text` takes it out
of every item field and source sentence before any question is worded.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..models import DatedEvent, Definition, Enumeration, Item, Quote
from ..util.dates import MONTH_NAMES
from . import syntax, wording
from .gate import text_problem
from .phrasing import bare_name, date_pattern, title_case

# A caption or credit: "Figure 4.7 ...", "(credit: ...)", licences and photo agencies.
_CAPTION = re.compile(
    r"^\s*(?:Figure|Fig\.|Photo(?:graph)?|Image|Map|Illustration|Plate|Chart)\s*\d"
    r"|\(credit:|\bcredit:\s|\bCC BY\b|\bPublic Domain\b|Wikimedia Commons|/Flickr\b|Getty Images|\bPhoto:\s",
    re.IGNORECASE,
)
# A citation, reference entry or byline: bibliographic marks, web-page furniture.
_CITATION = re.compile(
    r"\bRetrieved\b|\bArchived from\b|\bISBN\b|\bdoi:|\bpp?\.\s*\d|\bVol\.\s*\d|\bet seq\b|\btranslated by\b"
    r"|\bUniversity Press\b|\bAccessed\b|https?://|www\.|\bPDF\b|\bInterview with\b|\bop\. cit\b|\bibid\b"
    r"|\bShare this article\b|\bCopy Link\b|\(ANN/|\bUpdated:|\bPublished:|\bSeite\b"
    r"|^\s*\[\d+\]|^\s*\d+\.\s+[A-Z][\w'-]+,\s+[A-Z]\."  # "[12] ..." / "12. Smith, J. ..."
    r"|^[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*, (?:[A-Z]\.\s?)+(?:\(|\d{4}|[A-Z])"  # "Smith, J. (1999)"
    r"|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d"  # "Wed, 5 May"
    rf"|^[A-Z][\w .’'&-]{{1,40}}, (?:{'|'.join(MONTH_NAMES)}) \d{{1,2}}, \d{{4}};",  # "Morning Courier, April 9, 1903; ..."
)
_EMPHASIS = re.compile(
    r"\*\*(.+?)\*\*|__(.+?)__|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])"
)
_WORDS = re.compile(r"[^\W_]+")


def plain_text(text: str) -> str:
    """Text without Markdown emphasis: '**serous membrane**' -> 'serous membrane'."""
    if "*" not in text and "_" not in text:
        return text
    return _EMPHASIS.sub(lambda m: next(g for g in m.groups() if g is not None), text)


IMPERATIVES = {
    "consider",
    "imagine",
    "think",
    "note",
    "recall",
    "remember",
    "see",
    "compare",
    "look",
    "suppose",
    "read",
    "ask",
    "notice",
}


def sentence_problem(sentence: str) -> str | None:
    first = re.match(r"\s*([A-Za-z]+)\b", sentence)
    if first and first.group(1).lower() in IMPERATIVES:
        return "not-a-statement: the sentence asks the reader to do something ('Consider ...')"
    if re.match(r"\s*[^\w\s“\"‘'(]", sentence):
        return "citation: the sentence opens with markup debris (a caption or link cut off)"
    if _CAPTION.search(sentence):
        return "citation: the sentence is a caption or image credit"
    if _CITATION.search(sentence):
        return "citation: the sentence is a citation, byline or reference entry"
    return None


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORDS.findall(text.replace("’", "'"))}


def glued(item: Item) -> str | None:
    """A word of the item's own text that its sentence does not hold."""
    fields = {
        "date": lambda: [item.event],
        "definition": lambda: [item.term, item.definition],
        "quote": lambda: [item.text],
    }.get(item.kind)
    if fields is None:
        return None
    source = _words(item.source.sentence)
    for text in fields():
        for word in _WORDS.findall(text.replace("’", "'")):
            if word.casefold() not in source:
                return f"glued-token: '{word}' is not a word of the source sentence"
    return None


_RANGE_BEFORE = re.compile(
    r"(?:\bfrom|\bbetween|\bthrough|\bto|\buntil|\btill|[–-])\s*$", re.IGNORECASE
)
_RANGE_AFTER = re.compile(r"^\s*(?:[–/-]\s*\d|to\s+\d|through\b|until\b|and\s+\d)", re.IGNORECASE)


# "had been, since its re-founding in 1535, a ...": the date is of the event "since" opens,
# and the state it starts has no date of its own.
_SINCE_EVENT = re.compile(
    r"\bsince\s+(?!the\s+(?:early|late|mid)\b)[^,;.()]{3,60}?\s+(?:in|on)\s+$", re.I
)


def range_cut(item: DatedEvent) -> str | None:
    for found in date_pattern(item.date).finditer(item.source.sentence):
        before, after = item.source.sentence[: found.start()], item.source.sentence[found.end() :]
        if _SINCE_EVENT.search(before):
            return f"range-cut: '{found.group(0)}' dates what a state has held since"
        if item.end:
            continue
        if _RANGE_BEFORE.search(before) or _RANGE_AFTER.match(after):
            return f"range-cut: '{found.group(0)}' is one end of a range in its sentence"
    return None


# Words that open a complement an event cannot leave out ("sent Orvath | to Tessel",
# "blamed the guild | for ...", "appointed Orvath | as Master of the Mint").
_COMPLEMENT_OPENERS = {
    "for",
    "of",
    "to",
    "that",
    "with",
    "into",
    "about",
    "against",
    "as",
    "than",
    "toward",
    "towards",
    "upon",
}
_PLACE_OPENERS = {
    "on",
    "at",
    "over",
}  # "dropped leaflets | on Harlow", but "on 4 August" is the date


def event_cut(item: DatedEvent) -> str | None:
    sentence = item.source.sentence
    event = item.event.strip().rstrip(".;,: ")
    # An event the extractor shortened ("the miners (also then) blamed ..."): the longest
    # run of its last words that the sentence holds.
    words = event.split()
    found = None
    for start in range(max(len(words) - 1, 1)):
        found = re.search(
            rf"(?<!\w){re.escape(' '.join(words[start:]))}(?!\w)", sentence, re.IGNORECASE
        )
        if found:
            break
    if not found:
        return None
    after = sentence[found.end() :]
    dated = re.match(r"\s+(?:in|on|during|by)\s+", after)
    if dated and (when := date_pattern(item.date).match(after[dated.end() :])):
        after = after[dated.end() + when.end() :]  # "issued a permit in April 1903 | for the fair"
    following = re.match(r"\s+([A-Za-z]+)\s+(\S+)", after)
    if not following:
        return None
    word, then = following.group(1).lower(), following.group(2)
    if date_pattern(item.date).match(after[following.start(2) :]):
        return None  # the date itself follows ("on 4 August 1871")
    if word.endswith("ing") and len(word) > 5 and word not in {"during", "including", "following"}:
        return f"event-cut: '{item.event}' stops before '{word} {then}'"  # "restrictions | preventing ..."
    if word in _COMPLEMENT_OPENERS or (
        word in _PLACE_OPENERS and then[:1].isupper() and then.rstrip(",.") not in MONTH_NAMES
    ):
        return f"event-cut: '{item.event}' stops before '{word} {then}'"
    return None


_FINITE_WORDS = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would)\b")


# Words a title leaves in lower case.
_SMALL_TITLE_WORDS = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "of",
    "in",
    "on",
    "for",
    "to",
    "with",
    "by",
    "at",
}


def is_heading(sentence: str) -> bool:
    """A title line ("Government Regimes: Power, Legitimacy, and Authority"): every content word
    capitalised and no closing full stop."""
    return not sentence.rstrip().endswith((".", "!", "?", "”", '"')) and title_case(
        sentence, _SMALL_TITLE_WORDS
    )


def bad_list(item: Enumeration) -> str | None:
    if is_heading(item.source.sentence):
        return f"bad-list: '{item.source.sentence}' is a title, not a list to learn"
    members = list(item.members)
    for member in members:
        first, second = (member.strip().lower().split() + ["", ""])[:2]
        if first in {"which", "that", "who", "whom", "whose", "where", "how", "why", "whether"} or (
            first in {"one", "ones", "those"} and second in {"that", "which", "who"}
        ):
            return f"bad-list: the member '{member}' is a clause, not a part of the list"
        if _FINITE_WORDS.search(member) and len(member.split()) < 12:
            return f"bad-list: the member '{member}' holds a verb of the sentence"
    sentence = item.source.sentence.casefold()
    for index, (left, right) in enumerate(zip(members, members[1:])):
        joined = f"{left.casefold()} and {right.casefold()}"
        at = sentence.find(joined)
        if at < 0:
            continue
        # "A, B and C" joins only the last two; an "and" before them, or one the list goes
        # on after, is inside a member ("the Fisheries and Forestry Board, the Treasury").
        goes_on = (
            re.match(r"\s*,\s*(?:and\s+)?(?:the\s+)?[a-z]", sentence[at + len(joined) :])
            is not None
        )
        if index < len(members) - 2 or goes_on:
            return f"bad-list: '{left} and {right}' is one member cut in two"
    return None


_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"’)\]])|(?<=\]))\s+(?=[A-Z“\"])")
_ATTRIBUTING_PRONOUNS = re.compile(r"\b(?:he|she|they|we|I|his|her|their)\b", re.IGNORECASE)


def unattributed(item: Quote) -> str | None:
    """The speaker is neither named nor referred to (he, she, they) in the sentence that holds
    the quotation: in "Marstrand concludes that "…". By July 1903 Harlow realized …,
    deciding that "…"", the second quotation is Harlow's, not Marstrand's."""
    text = item.text.strip().strip('“”"').rstrip(".,;:…")[:40]
    surname = bare_name(item.speaker).split()[-1] if item.speaker.split() else ""
    for part in _SENTENCE_END.split(item.source.sentence):
        if text and text in part:
            outside = re.sub(r"“[^”]*”|\"[^\"]*\"", " ", part)
            if surname.casefold() in outside.casefold() or _ATTRIBUTING_PRONOUNS.search(outside):
                return None
            return f"'{item.speaker}' is not named where the quotation stands"
    return None


# A verb phrase that stands for one said before: "did so", "had done the same".
_PRO_VERB_PHRASE = re.compile(
    r"\b(?:do|does|did|done|doing)\s+(?:so|likewise|the same)\b|\bfollowed suit\b", re.I
)


_UNTIL = re.compile(r"\b(?:until|till)\b", re.I)
_THEIR = re.compile(r"\btheir\b", re.I)


_VAGUE_END = re.compile(r"\b(?:a|an)\s+([\w-]+)$", re.I)


def vague_object(item: DatedEvent) -> str | None:
    """ "developed a principle", cut from "developed a principle, the responsibility to
    protect, ...": a bare indefinite object the sentence goes on to name."""
    end = _VAGUE_END.search(item.event.strip())
    if not end:
        return None
    at = item.source.sentence.find(end.group(0))
    rest = item.source.sentence[at + len(end.group(0)) :] if at >= 0 else ""
    if re.match(r"\s*(?:[,:(–—-]|that\b|which\b|known\b|called\b)", rest):
        return f"event-cut: '{item.event}' stops before what its sentence says '{end.group(0)}' is"
    return None


def event_problem(item: DatedEvent) -> str | None:
    """An event that runs to a point its words give ("served as premier until his death") has
    no one date; "their" with no plural before it points outside the event."""
    if _UNTIL.search(item.event):
        return f"range-cut: '{item.event}' runs until a point of its own"
    their = _THEIR.search(item.event)
    if their and not re.search(r"\b(?:\w+s|and|both|they)\b", item.event[: their.start()], re.I):
        return f"dangling-pronoun: 'their' in '{item.event}' has nothing to point to"
    return None


_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|this|that|\w+[’']s)\s+$", re.I
)
_NOUN_AFTER = re.compile(r"^[–-]?\d*\s+(?!and\b|or\b|to\b|when\b|until\b)[A-Za-z]")


def date_of_noun(item: DatedEvent, clause) -> str | None:
    """ "believed the 2020 election was affected by cheating": a year that qualifies a noun
    dates that noun, not the clause around it."""
    if clause is None:
        return None
    for found in date_pattern(item.date).finditer(item.source.sentence):
        before, after = item.source.sentence[: found.start()], item.source.sentence[found.end() :]
        if _DETERMINER_BEFORE.search(before) and _NOUN_AFTER.match(after):
            return f"no-clause: '{found.group(0)}' dates the noun after it, not '{item.event}'"
    return None


def aside_verb(item: DatedEvent, clause) -> str | None:
    """ "the Treaty, negotiated with Colombia in 1903": where the sentence sets the verb off
    from its subject by a comma, the event's verb is a participle, not the clause's."""
    if clause is None or not clause.do:
        return None
    verb = item.event.split(clause.subject.split()[-1], 1)[-1].split()[:1] if clause.subject else []
    if verb and re.search(
        rf"\b{re.escape(clause.subject.split()[-1])},\s+{re.escape(verb[0])}\b",
        item.source.sentence,
    ):
        return f"no-clause: '{verb[0]}' follows its subject after a comma (a participle)"
    # "a series of peace treaties signed between ...": the "subject" is a preposition's object.
    if verb and re.search(
        rf"\b(?:of|for|with|by|to|from|about|among|between)\s+{re.escape(clause.subject)}\s+"
        rf"{re.escape(verb[0])}\b",
        item.source.sentence,
        re.I,
    ):
        return f"no-clause: '{clause.subject}' is the object of a preposition, not a subject"
    return None


_WORD = re.compile(r"[^\W_]+")
# Words an event may leave out between two of its parts: its date, and the words that
# frame a date or join a relative clause ("which began in 1943").
_LEFT_OUT = {
    "in", "on", "of", "from", "to", "between", "since", "by", "during", "and", "until", "the",
    "which", "who", "that", "was", "were", "is", "are", "had", "has", "have", "been", "early",
    "late", "mid", "around", "about", "circa", "c", "ad", "bc", "s", "year", "years",
    "also", "then", "later", "soon", "finally", "eventually", "thus", "however",
}  # fmt: skip


_MONTHS = {m.lower() for m in MONTH_NAMES}


def _fair_gap(gap: list[str]) -> bool:
    """A gap an event may leave: one word ("unanimously"), or a phrase that ends with a date
    ("in the Burma convention in 1886", "signed by X on 30 January 1648 and was")."""
    framing = [w for w in gap if not (w.isdigit() or w in _LEFT_OUT or w in _MONTHS)]
    if len(framing) <= 1 or all(w.endswith("ly") for w in framing):
        return True
    last_date = max((i for i, w in enumerate(gap) if w.isdigit()), default=None)
    return last_date is not None and all(
        w in _LEFT_OUT or w in _MONTHS or w.isdigit() for w in gap[last_date + 1 :]
    )


def joined_apart(item: DatedEvent) -> str | None:
    """ "the treaty was signed and in particular the United States", cut from "signed in 1950,
    directed against Japan and in particular the United States": an event that joins words
    its sentence keeps apart by more than its date says nothing the sentence says."""
    event = [w.lower() for w in _WORD.findall(item.event)]
    sentence = [w.lower() for w in _WORD.findall(item.source.sentence)]
    blocks = [
        b
        for b in SequenceMatcher(None, event, sentence, autojunk=False).get_matching_blocks()
        if b.size
    ]
    if sum(b.size for b in blocks) < len(event):
        return None  # not written word for word: other checks judge it
    for left, right in zip(blocks, blocks[1:]):
        gap = sentence[left.b + left.size : right.b]
        if not _fair_gap(gap):
            return f"glued-token: '{item.event}' leaves out '{' '.join(gap)}' between its words"
    return None


def item_problem(item: Item, ctx) -> str | None:
    """Why no question at all may be made of `item`, or None."""
    problem = sentence_problem(item.source.sentence) or glued(item)
    if problem:
        return problem
    if isinstance(item, DatedEvent) and _PRO_VERB_PHRASE.search(item.event):
        return f"elliptical: '{item.event}' stands for an event its sentence names elsewhere"
    if isinstance(item, DatedEvent) and (
        problem := range_cut(item)
        or event_cut(item)
        or event_problem(item)
        or joined_apart(item)
        or vague_object(item)
    ):
        return problem
    if isinstance(item, DatedEvent) and syntax.pipeline(ctx.settings.extract.pipeline) is not None:
        shown = wording.event_shown(item, ctx)
        if shown is None:
            return f"no-clause: '{item.event}' has no finite verb with its subject"
        if problem := text_problem(shown, "event"):
            return problem
        found = syntax.clause(item.event, ctx.settings.extract.pipeline)
        if problem := aside_verb(item, found) or date_of_noun(item, found):
            return problem
        if (
            syntax.clause(item.event, ctx.settings.extract.pipeline) is None
            and item.event.strip().casefold() not in item.source.sentence.casefold()
        ):
            # A noun phrase must be written as is: "the Strike of 1911 on a dispute" cut to
            # "the Strike on a dispute" pairs words that did not go together.
            return f"glued-token: the event '{item.event}' is not written so in its sentence"
    if isinstance(item, Enumeration) and (problem := bad_list(item)):
        return problem
    if isinstance(item, Definition):
        why = wording.term_ok(item, ctx)
        if why:
            return f"unfit-term: '{item.term}' is {why}"
    if isinstance(item, Quote) and not item.speaker.strip():
        return "bad-speaker: the quotation has no speaker"
    if isinstance(item, Quote) and (
        why := syntax.speaker_problem(item.speaker, ctx.settings.extract.pipeline)
    ):
        return f"bad-speaker: {why}"
    if isinstance(item, Quote) and (why := unattributed(item)):
        return f"bad-speaker: {why}"
    return None
