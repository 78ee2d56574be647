"""Markdown structure read line by line: list items, block quotes, setext headings, emphasis, links.

Runs on files the Markdown reader read (whatever their layout) and on text files written
in Markdown (`looks_like_markdown`). List markers and
'>' leave the text and are recorded in draft.list_items / draft.block_quotes; each list
item starts a paragraph of its own and takes the lines after it up to a blank line
(Markdown's lazy continuation). A numbered line with no sibling item near it is left
alone (a numbered heading, not a list of one). '**strong**', '__strong__', '*em*' and
'_em_' become emphasis characters (see `EMPHASIS`), inside code spans never. A '===' or '---' line
under a line of text makes that line a heading; a '---', '***' or '___' line alone is
a thematic break and goes. Links keep their text ('[text](url)', '[text][ref]', '<url>'),
link definitions go, code spans lose their backticks, backslash escapes and HTML entities
are resolved, inline HTML tags go (<b>, <i>, <dfn> becoming emphasis). An image
('![alt](src)') goes; a line holding only images, and the short line under it, are a
figure and its caption: they become a caption aside.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

from ...models import FlaggedRegion
from ..source import Line
from . import EMPHASIS, Draft
from .captions import STARTS_WITH_PRONOUN
from .lines import is_blank
from .lists import NEAR, candidate, with_siblings

FENCE = re.compile(r"^\s{0,3}(```|~~~)")
QUOTE = re.compile(r"^\s{0,3}>\s?")
# '- item', '* item', '+ item', '1. item', '1) item', 'a) item' (the marker is kept as written).
LIST_ITEM = re.compile(
    r"^(?P<indent>\s*)(?P<marker>[-*+]|\d{1,3}[.)]|[A-Za-z]\))[ \t]+(?P<text>\S.*)$"
)
THEMATIC_BREAK = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_DESTINATION = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+[\"'(][^\n]*?[\"')])?\s*\)"  # '(url "title")'
IMAGE = re.compile(rf"!\[(?P<alt>[^\]]*)\]{_DESTINATION}|!\[(?P<refalt>[^\]]*)\]\[[^\]]*\]")
LINK = re.compile(rf"(?<!!)\[(?P<text>[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*)\]{_DESTINATION}")
REFERENCE_LINK = re.compile(r"(?<![!\]])\[(?!\d+\])(?P<text>[^\[\]^]+)\]\[[^\[\]]*\]")
AUTOLINK = re.compile(r"<(?P<url>(?:https?|ftp|mailto):[^<>\s]+)>")
LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]^][^\]]*\]:\s+\S+.*$")
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
HTML_EMPHASIS = {"b": "strong", "strong": "strong", "i": "em", "em": "em", "dfn": "dfn"}
INLINE_HTML = re.compile(
    r"<(?P<close>/?)(?P<tag>a|abbr|b|br|cite|code|del|dfn|em|font|i|ins|kbd|mark|q|s|small|span|strong|sub|sup|time|u|var|wbr)"
    r"\b[^<>]*?/?>",
    re.I,
)
CAPTION_WORDS = 40  # the line under a figure is its caption when no longer than this

# Emphasis delimiters must touch the words they wrap and not sit inside a word
# ('snake_case_name', '2*3*4' stay as they are); '\*' is a literal star.
_STRONG = [
    re.compile(r"(?<![\w*\\])\*\*(?=\S)(.+?)(?<=[^\s\\])\*\*(?![\w*])", re.S),
    re.compile(r"(?<![\w\\])__(?=\S)(.+?)(?<=[^\s\\])__(?!\w)", re.S),
]
_EM = [
    re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s\\])\*(?![\w*])", re.S),
    re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s\\])_(?!\w)", re.S),
]


def inline_html(match: re.Match) -> str:
    kind = HTML_EMPHASIS.get(match.group("tag").lower())
    if kind is None:
        return " " if match.group("tag").lower() == "br" else ""
    return EMPHASIS[kind][1 if match.group("close") else 0]


def plain_inline(text: str) -> str:
    """Links to their text, inline HTML to emphasis or nothing (code spans untouched; escapes kept for later)."""
    if "[" in text or "](" in text:
        text = LINK.sub(lambda m: m.group("text"), text)
        text = REFERENCE_LINK.sub(lambda m: m.group("text"), text)
    if "<" in text:
        text = AUTOLINK.sub(lambda m: m.group("url"), text)
        text = INLINE_HTML.sub(inline_html, text)
    return text


def finish_inline(text: str) -> str:
    """Last touches once emphasis is read: code spans lose their backticks, escapes and entities resolve."""
    if "`" in text:
        text = CODE_SPAN.sub(lambda m: m.group(2), text)
    if "\\" in text:
        text = ESCAPE.sub(r"\1", text)
    if "&" in text and ENTITY.search(text):
        text = html.unescape(text)
    return text


def emphasis_to_marks(text: str) -> str:
    """'a **b** _c_' -> 'a ⟨strong⟩b⟨/strong⟩ ⟨em⟩c⟨/em⟩' (private-use characters), code spans untouched."""
    if "*" not in text and "_" not in text:
        return text
    parts = CODE_SPAN.split(text)
    # split() gives text, fence, code, fence, code, ...: every third piece from 0 is outside code.
    out = []
    for i, part in enumerate(parts):
        if i % 3 == 0:
            for kind, patterns in (("strong", _STRONG), ("em", _EM)):
                opening, closing = EMPHASIS[kind]
                for pattern in patterns:
                    part = pattern.sub(lambda m, o=opening, c=closing: f"{o}{m.group(1)}{c}", part)
            out.append(part)
        elif i % 3 == 1:
            out.append(part)
        else:
            out.append(part + parts[i - 1])
    return "".join(out)


def lone_numbers(lines: list[Line]) -> set[int]:
    """Indexes of numbered lines ('2. Open a new ...') with no sibling item close by.

    Markdown would make a list of one item of them, but a numbered line alone between
    paragraphs is a numbered heading; a lone bullet stays an item.
    """
    found = []
    for i, ln in enumerate(lines):
        text = ln.text
        while quoted := QUOTE.match(text):
            text = text[quoted.end() :]
        if LIST_ITEM.match(text) and (c := candidate(i, text)) and c.forms[0][1] is not None:
            found.append(c)
    paired = with_siblings(found, NEAR, lines)
    return {c.index for c in found if c.index not in paired}


MARKDOWN_SIGNS = re.compile(
    r"^#{1,6}\s+\S|\*\*\S[^*\n]*\S\*\*|\]\((?:https?://|/|#)|^```|!\[[^\]]*\]\(", re.M
)
MIN_MARKDOWN_SIGNS = 3  # in a .txt file: Markdown saved as text (headings, bold, links, fences)


def looks_like_markdown(lines: list[Line]) -> bool:
    """A plain text file written in Markdown: a few unmistakable Markdown marks."""
    found = 0
    for ln in lines:
        if any(c in ln.text for c in "#*](`!"):
            found += len(MARKDOWN_SIGNS.findall(ln.text))
            if found >= MIN_MARKDOWN_SIGNS:
                return True
    return False


def without_comments(text: str, in_comment: bool) -> tuple[str, bool]:
    """The line without its '<!-- ... -->' parts; whether a comment is still open at its end."""
    out = []
    while text:
        if in_comment:
            end = text.find("-->")
            if end < 0:
                return "".join(out), True
            text, in_comment = text[end + 3 :], False
        else:
            start = text.find("<!--")
            if start < 0:
                out.append(text)
                break
            out.append(text[:start])
            text, in_comment = text[start + 4 :], True
    return "".join(out), in_comment


def read_markdown_blocks(draft: Draft) -> Draft:
    """List items, block quotes, setext headings and emphasis of a Markdown file (or a text file in Markdown)."""
    if draft.raw.reader != "markdown" and not (
        draft.raw.reader == "text" and looks_like_markdown(draft.lines)
    ):
        return draft
    alone = lone_numbers(draft.lines)
    figures: list[int] = []  # line numbers of lines that held only images
    captions: list[Line] = []
    lines: list[Line] = []
    list_items, quotes, headings = (
        dict(draft.list_items),
        set(draft.block_quotes),
        set(draft.headings),
    )
    levels = dict(draft.heading_levels)
    in_fence = False
    in_item = False  # the previous line belongs to a list item
    in_comment = False
    for i, ln in enumerate(draft.lines):
        text = ln.text
        if in_comment or "<!--" in text:  # HTML comments are no text, over several lines too
            text, in_comment = without_comments(text, in_comment)
            ln = Line(ln.no, text)
        if FENCE.match(text):
            in_fence = not in_fence
        if in_fence or FENCE.match(text):
            lines.append(ln)
            continue
        if is_blank(text):
            in_item = False
            lines.append(ln)
            continue
        previous = lines[-1] if lines else None
        if (
            previous is not None
            and not is_blank(previous.text)
            and SETEXT_UNDERLINE.match(text)
            and previous.no not in list_items
            and not in_item
        ):
            headings.add(previous.no)
            levels[previous.no] = 1 if text.strip().startswith("=") else 2
            lines.append(Line(ln.no, ""))
            continue
        if THEMATIC_BREAK.match(text) or LINK_DEFINITION.match(text):
            in_item = False
            lines.append(Line(ln.no, ""))
            continue
        if "![" in text:
            alts = [m.group("alt") or m.group("refalt") or "" for m in IMAGE.finditer(text)]
            text = IMAGE.sub("", text)
            if alts and is_blank(
                text
            ):  # a figure: its alt text, and the line under it, are captions
                figures.append(ln.no)
                captions.extend(Line(ln.no, alt.strip()) for alt in alts if alt.strip())
                lines.append(Line(ln.no, ""))
                continue
        quoted = QUOTE.match(text)
        if quoted:
            while quoted:  # '> > nested' is one quotation
                text = text[quoted.end() :]
                quoted = QUOTE.match(text)
            quotes.add(ln.no)
        elif previous is not None and previous.no in quotes and not is_blank(previous.text):
            quotes.add(ln.no)  # lazy continuation of the quoted paragraph
        item = LIST_ITEM.match(text) if i not in alone else None
        if item:
            list_items[ln.no] = item.group("marker")
            text = item.group("indent") + item.group("text")
            in_item = True
        lines.append(Line(ln.no, text) if text != ln.text else ln)
    lines, captions = captions_under_figures(lines, figures, list_items, captions)
    regions = [
        *draft.regions,
        *(FlaggedRegion(c.no, c.no, "caption", restored=False) for c in captions),
    ]
    return replace(
        draft,
        lines=emphasised(lines),
        list_items=list_items,
        block_quotes=quotes,
        headings=headings,
        heading_levels=levels,
        asides=[*draft.asides, *([finish_line(c)] for c in captions)],
        regions=regions,
    )


def finish_line(ln: Line) -> Line:
    text = finish_inline(emphasis_to_marks(plain_inline(ln.text)))
    return Line(ln.no, text) if text != ln.text else ln


def captions_under_figures(
    lines: list[Line], figures: list[int], list_items: dict[int, str], captions: list[Line]
) -> tuple[list[Line], list[Line]]:
    """Move the line under each figure into `captions`: the next text line when it is short and
    stands alone (a blank line, or the end, after it), not a heading or list item."""
    if not figures:
        return lines, captions
    at = {ln.no: i for i, ln in enumerate(lines)}
    taken: set[int] = set()
    for no in figures:
        i = at[no] + 1
        while i < len(lines) and is_blank(lines[i].text) and i - at[no] <= 2:
            i += 1
        if (
            i >= len(lines)
            or is_blank(lines[i].text)
            or lines[i].no in list_items
            or lines[i].no in figures
        ):
            continue
        text = lines[i].text.strip()
        alone = i + 1 >= len(lines) or is_blank(lines[i + 1].text)
        if (
            alone
            and len(text.split()) <= CAPTION_WORDS
            and not text.startswith("#")
            and not STARTS_WITH_PRONOUN.match(text)
        ):
            taken.add(i)
            captions.append(lines[i])
    return [Line(ln.no, "") if i in taken else ln for i, ln in enumerate(lines)], captions


def emphasised(lines: list[Line]) -> list[Line]:
    """Emphasis markup to marks, paragraph by paragraph (a '**' pair may span a line break)."""
    out: list[Line] = []
    block: list[Line] = []

    def flush() -> None:
        if not block:
            return
        joined = finish_inline(emphasis_to_marks(plain_inline("\n".join(ln.text for ln in block))))
        for ln, text in zip(block, joined.split("\n")):
            out.append(Line(ln.no, text) if text != ln.text else ln)
        block.clear()

    in_fence = False
    for ln in lines:
        if FENCE.match(ln.text):
            in_fence = not in_fence
            flush()
            out.append(ln)
        elif in_fence or is_blank(ln.text):
            flush()
            out.append(ln)
        else:
            block.append(ln)
    flush()
    return out


UNDERSCORE_PAIRS = 2  # '_word_' pairs a plain text must hold before they are read as italics


def read_underscore_italics(draft: Draft) -> Draft:
    """'_word_' in a plain text file (the e-book convention for italics) becomes an em mark.

    Only in text files not read as Markdown, and only when the text has a few such pairs.
    """
    if draft.raw.reader != "text" or looks_like_markdown(draft.lines):
        return draft
    underscore = _EM[1]
    if (
        sum(len(underscore.findall(ln.text)) for ln in draft.lines if "_" in ln.text)
        < UNDERSCORE_PAIRS
    ):
        return draft
    opening, closing = EMPHASIS["em"]
    out: list[Line] = []
    block: list[Line] = []

    def flush() -> None:
        joined = "\n".join(ln.text for ln in block)
        if "_" in joined:
            joined = underscore.sub(lambda m: f"{opening}{m.group(1)}{closing}", joined)
        out.extend(
            Line(ln.no, text) if text != ln.text else ln
            for ln, text in zip(block, joined.split("\n"))
        )
        block.clear()

    for ln in draft.lines:
        if is_blank(ln.text):
            flush()
            out.append(ln)
        else:
            block.append(ln)
    flush()
    return replace(draft, lines=out)
