"""Items no question may be made of, each with a named reason for `quizgen build --report`.

  citation        the sentence is a citation, byline, caption, image credit or
                  reference-list entry, not body text
  glued-token     a word of the item is not a word of its sentence: a cut glued two
                  words together ("Sovietshad")
  no-clause       a dated event with no finite verb and subject of its own, and no
                  noun phrase naming something that happens ("the night", "which was ...")
  unfit-term      a defined "term" that is a verb phrase or a pronoun

Markdown emphasis (`**term**`, `_Title_`) is markup, not text: `plain_text` takes it out
of every item field and source sentence before any question is worded.
"""
from __future__ import annotations

import re

from ..models import DatedEvent, Definition, Item, Quote
from . import syntax, wording

# A caption or credit: "Figure 13.5 ...", "(credit: ...)", licences and photo agencies.
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
    r"|^[A-Z][\w .’'&-]{1,40}, (?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December) \d{1,2}, \d{4};",  # "Pravda, September 25, 1968; ..."
)
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|__(.+?)__|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])")
_WORDS = re.compile(r"[^\W_]+")


def plain_text(text: str) -> str:
    """Text without Markdown emphasis: '**serous membrane**' -> 'serous membrane'."""
    if "*" not in text and "_" not in text:
        return text
    return _EMPHASIS.sub(lambda m: next(g for g in m.groups() if g is not None), text)


def sentence_problem(sentence: str) -> str | None:
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


def item_problem(item: Item, ctx) -> str | None:
    """Why no question at all may be made of `item`, or None."""
    problem = sentence_problem(item.source.sentence) or glued(item)
    if problem:
        return problem
    if isinstance(item, DatedEvent) and syntax.pipeline(ctx.settings.extract.pipeline) is not None:
        if wording.event_shown(item, ctx) is None:
            return f"no-clause: '{item.event}' has no finite verb with its subject"
    if isinstance(item, Definition):
        why = wording.term_ok(item, ctx)
        if why:
            return f"unfit-term: '{item.term}' is {why}"
    if isinstance(item, Quote) and not item.speaker.strip():
        return "no-speaker: the quotation has no speaker"
    return None
