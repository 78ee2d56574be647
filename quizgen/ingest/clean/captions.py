"""Figure and table captions, image credits and caption remnants: out of the body into asides.

A caption describes a picture or a table; it is not running text, and nothing is generated
from it (each gets a FlaggedRegion "caption", not restored). A paragraph is a caption when:

- it opens with a figure or table label and its number, then a capital or nothing
  ('Figure 3.2 The harbour ...', 'Table 1: Exports', 'Fig. 4'); 'Table 1 shows ...' is a
  sentence about the table and stays;
- it ends in a credit in parentheses ('... in 1952. (credit: J. Doe/Flickr)', '(Photo: ...)',
  '(source: ...)') or opens with one ('Photo: ...', 'Image credit: ...');
- it is one short sentence followed by a name in parentheses, the way a picture credits its
  archive ('The members at the first meeting. (Town Archive)');
- it is a short line standing alone, without final punctuation, that describes a scene at a
  time, placed by two prepositions or more ('Delegates on the steps of the hall in 1961'):
  captions of a plain text export ('The Harlow Ferry in 1908' may be a heading and stays).

A line that only stands for a picture ('[Image]', '[Photo: the tower]', '<img src=...>') is a
caption too, and so is the short line right under it.

A line opening with text that runs up to a ']]' with no '[[' before it holds the tail of an
encyclopedia image caption whose start was lost: that part is a caption, the rest stays.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...models import FlaggedRegion
from ..source import Line
from . import Draft
from .lines import ends_sentence, is_blank, without_markers

LABELS = r"(?:Figure|Fig\.|Figs?\.|Table|Chart|Map|Plate|Exhibit|Illustration|Graph|Diagram|Photo|Image|Box)"
LABELLED = re.compile(
    rf"^{LABELS}\s+[A-Z]?\d+(?:[.\-–]\d+)*[a-z]?(?:\s*[.:|—–-])?(?:\s+[\"“‘(\[]?[A-Z0-9]|\s*$)"
)
CREDIT_WORDS = r"(?:credit|credits|photo|photos|photograph|image|images|source|sources|attribution|courtesy|illustration|graphic)"
CREDIT_AT_END = re.compile(rf"\(\s*{CREDIT_WORDS}\b[^()]*(?:\([^()]*\)[^()]*)*\)\s*$", re.I)
CREDIT_AT_START = re.compile(
    rf"^(?:{CREDIT_WORDS}(?:\s+(?:credit|courtesy|by))?\s*:|(?:photo|photograph|image|illustration)\s+(?:by|courtesy of)\b)",
    re.I,
)
# '... signing ceremony. (Harbour Town Library)': a sentence, then a name in parentheses, nothing after.
NAME_CREDIT = re.compile(
    r"""[.!?]["”’]?\s+\((?:[A-Z][\w.'’&-]*|of|the|and|for|de|du|van|von)"""
    r"""(?:\s+(?:[A-Z][\w.'’&/-]*|of|the|and|for|de|du|van|von)){0,7}\)$"""
)
# '... of the hall in 1961', '... on March 5, 1921', '... in the early 1960s'
SCENE_AT_A_TIME = re.compile(
    r"\b(?:in|on|at|during|circa|c\.|around)\s+(?:(?:early|late|mid-?)\s+)?"
    r"(?:(?:the\s+)?(?:early|late)\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}s?$"
)
IMAGE_PLACEHOLDER = re.compile(
    r"^(?:\[\s*(?:image|img|photo|photograph|picture|figure|graphic|illustration|map|chart|video)\b[^\[\]]*\]"
    r"|<img\b[^>]*>)$",
    re.I,
)
MAX_LINE_UNDER_IMAGE_WORDS = 40
STARTS_WITH_PRONOUN = re.compile(
    r"^(?:it|he|she|they|we|i|this|these|those|there)\b", re.I
)  # text goes on
# A scene is placed: two or more of these ('... in the hall during the storm of 1921').
SCENE_PREPOSITIONS = re.compile(
    r"\b(?:in|at|on|during|near|outside|inside|with|after|before|from)\b"
)
# Transcripts close paragraphs with these in parentheses: not credits.
STAGE_DIRECTIONS = frozenset(
    "applause laughter laughs cheers cheering booing boos inaudible crosstalk music silence "
    "pause interruption".split()
)
WIKI_CAPTION_TAIL = re.compile(r"^(?P<caption>(?:(?!\[\[).)*\]\])\s*")
# Where a caption remnant starts after running text on the same line: a sentence end, then
# the remnant's opening comma, bracket or lowercase word ('... from it." , J. Doe, 1945]]').
REMNANT_AFTER_TEXT = re.compile(r"""[.!?]["”’]?\s+(?=[,;(a-z'’])""")
MAX_CAPTION_WORDS = 80
MAX_CREDITED_CAPTION_WORDS = (
    250  # a labelled caption that ends in its credit may tell a whole story
)
MAX_CREDITED_WORDS = 50
MAX_SCENE_WORDS = 20
MIN_SCENE_WORDS = 6
MAX_CAPTION_LINES = 6


def is_caption(text: str, first_in_text: bool) -> str | None:
    """Why this paragraph's text is a caption ('labelled', 'credit', 'scene'), or None."""
    text = without_markers(text).strip()
    words = len(text.split())
    if LABELLED.match(text) and (
        words <= MAX_CAPTION_WORDS
        or (words <= MAX_CREDITED_CAPTION_WORDS and CREDIT_AT_END.search(text))
    ):
        return "labelled"
    if words <= MAX_CAPTION_WORDS and (CREDIT_AT_END.search(text) or CREDIT_AT_START.match(text)):
        return "credit"
    if (
        words <= MAX_CREDITED_WORDS
        and (credit := NAME_CREDIT.search(text))
        and is_name_credit(text[credit.start() :])
        and len(re.findall(r"[.!?](?:\s|$)", text[: text.rfind("(")])) <= 2
    ):
        return "credit"
    if (
        not first_in_text
        and MIN_SCENE_WORDS <= words <= MAX_SCENE_WORDS
        and not ends_sentence(text)
        and not text.endswith((":", ",", ";"))
        and SCENE_AT_A_TIME.search(text)
        and len(SCENE_PREPOSITIONS.findall(text)) >= 2
    ):
        return "scene"
    return None


def is_name_credit(tail: str) -> bool:
    """'(Harbour Town Library)' credits a picture; '(Applause.)', '(1921)', '(Smith)' do not."""
    inside = tail[tail.find("(") + 1 :].rstrip(")").strip()
    words = re.findall(r"[\w'’&-]+", inside.lower())
    return (
        len(words) >= 2
        and not re.search(r"\d", inside)
        and not STAGE_DIRECTIONS.intersection(words)
    )


def move_captions(draft: Draft) -> Draft:
    """Move caption paragraphs and caption remnants out of the lines into draft.asides."""
    lines, asides, regions = list(draft.lines), list(draft.asides), list(draft.regions)
    # Remnants first: they may share their line with running text.
    for i, ln in enumerate(lines):
        if (
            "]]" in ln.text
            and (m := WIKI_CAPTION_TAIL.match(ln.text))
            and "[[" not in m.group("caption")
        ):
            before = ""
            caption = m.group("caption").removesuffix("]]")
            opening = [o for o in REMNANT_AFTER_TEXT.finditer(caption)]
            if opening and caption[:1].isupper():  # running text first, then the remnant
                before, caption = (
                    caption[: opening[-1].end()].rstrip(),
                    caption[opening[-1].end() :],
                )
            caption = " ".join(caption.replace("]]", " ").split()).strip(
                " ,;."
            )  # several remnants: one caption
            if caption:
                asides.append([Line(ln.no, caption)])
                regions.append(FlaggedRegion(ln.no, ln.no, "caption", restored=False))
            lines[i] = Line(ln.no, " ".join(part for part in (before, ln.text[m.end() :]) if part))
    kept: list[Line] = []
    first_in_text, after_image = True, False
    i = 0
    while i < len(lines):
        if is_blank(lines[i].text):
            kept.append(lines[i])
            i += 1
            continue
        end = i
        while end + 1 < len(lines) and not is_blank(lines[end + 1].text):
            end += 1
        block = lines[i : end + 1]
        text = " ".join(ln.text.strip() for ln in block)
        image = len(block) <= MAX_CAPTION_LINES and bool(IMAGE_PLACEHOLDER.match(text))
        under_image = (
            after_image
            and len(block) == 1
            and len(text.split()) <= MAX_LINE_UNDER_IMAGE_WORDS
            and not STARTS_WITH_PRONOUN.match(text)
        )
        if (
            image
            or under_image
            or (
                len(block) <= MAX_CAPTION_LINES
                and block[0].no not in draft.list_items
                and is_caption(text, first_in_text)
            )
        ):
            asides.append(block)
            regions.append(FlaggedRegion(block[0].no, block[-1].no, "caption", restored=False))
        else:
            kept.extend(block)
        first_in_text, after_image = False, image
        i = end + 1
    if len(asides) == len(draft.asides) and lines == draft.lines:
        return draft
    return replace(draft, lines=kept, asides=asides, regions=regions)
