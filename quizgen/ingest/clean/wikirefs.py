"""Reference and editorial markers in square brackets, as encyclopedia text carries them.

'...in 1908.[2] The', 'million[1] (about', 'agreed,[13][14] as', '[citation needed]', '[a]',
'[note 3]', '[who?]', '[edit]' ('[a]' only where the text has '[b]' too: 'carrie[s]' alters a
quotation). A marker is taken out with the space before it, so the
punctuation it was glued to stays where it was ('1908.[2] The' -> '1908. The', 'peace [3].'
-> 'peace.'). A number whose footnote body the cleaner found becomes a note marker, so the
sentence still points to its footnote. Brackets that open a Markdown link or link definition
('[a](...)', '[1]: ...') are left for the Markdown step. Empty parentheses that templates
leave behind ('The Treaty () was') go too.

A list of two or more numbered notes in brackets ('[1] Smith, J. (2004) ...', '[2] The
treaty was ...'), each with its wrapped lines, blank lines between, is the document's notes:
each entry with text becomes a footnote (when no footnote has its number yet) and the list
leaves the body, so the references in the text point to them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...models import Footnote
from ..source import Line
from . import Draft, note_marker
from .footnotes import join_footnote
from .lines import is_blank

_NUMBER = r"\d{1,3}(?:\s*[,–-]\s*\d{1,3})*"
_QUESTIONS = (
    r"who|whom|when|where|which|why|how|what|whose|by whom|according to whom|sic|original research"
)
_EDITORIAL_WORDS = (
    r"edit|dubious|disputed|discuss|unreliable source|failed verification|verification failed|vague|specify|"
    r"not in citation given|unbalanced opinion|clarify|improper synthesis|weasel words|update|needs update"
)
_MARKER_BODY = (
    rf"(?:{_NUMBER}"  # [12], [3, 4], [5–7]
    r"|(?:note|notes|nb|n|fn|ref|lower-alpha|upper-alpha|lower-roman)\s*\d{1,3}[a-z]?"  # [note 3], [nb 1]
    r"|(?:[A-Za-z][A-Za-z ,'’-]{0,40}\s)?(?:needed|required)"  # [citation needed], [better source needed]
    rf"|(?:{_QUESTIONS})\?"  # [who?], [when?]
    rf"|(?:{_EDITORIAL_WORDS})\??(?:\s*[–—-]\s*discuss)?"  # [dubious – discuss], [edit]
    r")"
)
_ONE_MARKER = rf"\[{_MARKER_BODY}\]"
# '[a]', '[b]': lettered notes, only where the text has a series of them ('carrie[s]' alters a quotation).
_ONE_MARKER_OR_LETTER = rf"\[(?:{_MARKER_BODY}|[a-z])\]"
LETTER_MARKER = re.compile(r"(?<=\S)\[([a-z])\](?![(:\[\w])")
# Not before '(' or ':' (a Markdown link), nor glued to a word ('[t]he': a quotation's alteration).
# Not at a line start either ('[3] Smith, J. ...' is an entry of a list of notes), nor right
# after a bracket ('[text][1]' is a Markdown link).
MARKERS = re.compile(rf"(?<=[^\s\]])(?:[ \t]*{_ONE_MARKER})+(?![(:\[\w])", re.I)
MARKERS_AND_LETTERS = re.compile(
    rf"(?<=[^\s\]])(?:[ \t]*{_ONE_MARKER_OR_LETTER})+(?![(:\[\w])", re.I
)
NOTE_ENTRY = re.compile(r"^\s*\[(?P<number>\d{1,3})\](?:\s+(?P<text>.*))?$")
MIN_NOTE_ENTRIES = 2
EMPTY_PARENTHESES = re.compile(r"[ \t]*\(\s*[,;:]?\s*\)")
NUMBER_ONLY = re.compile(r"\[(\d{1,3})\]")


def without_reference_marks(text: str, footnotes: dict | None = None, letters: bool = True) -> str:
    """The line with its bracketed reference and editorial markers taken out ('[a]' too when `letters`)."""
    if "[" in text:
        markers = MARKERS_AND_LETTERS if letters else MARKERS
        text = markers.sub(lambda m: kept_notes(m.group(0), footnotes or {}), text)
    if "(" in text:
        text = EMPTY_PARENTHESES.sub("", text)
    return text


def kept_notes(markers: str, footnotes: dict) -> str:
    """Note markers for the numbers among `markers` that have a footnote body, else nothing."""
    numbers = [int(n) for n in NUMBER_ONLY.findall(markers) if int(n) in footnotes]
    return "".join(note_marker(n) for n in numbers)


def note_lists(lines: list[Line]) -> list[list[tuple[int, list[Line]]]]:
    """Runs of '[n] ...' entries: for each run, (number, the entry's lines) in order."""
    runs: list[list[tuple[int, list[Line]]]] = []
    current: list[tuple[int, list[Line]]] = []
    i = 0
    while i < len(lines):
        entry = NOTE_ENTRY.match(lines[i].text)
        if entry:
            parts = [lines[i]]
            i += 1
            while (
                i < len(lines)
                and not is_blank(lines[i].text)
                and not NOTE_ENTRY.match(lines[i].text)
            ):
                parts.append(lines[i])  # the entry's wrapped lines
                i += 1
            current.append((int(entry.group("number")), parts))
            continue
        if not is_blank(lines[i].text):  # running text ends the run
            if len(current) >= MIN_NOTE_ENTRIES:
                runs.append(current)
            current = []
        i += 1
    if len(current) >= MIN_NOTE_ENTRIES:
        runs.append(current)
    return runs


def move_note_lists(draft: Draft) -> Draft:
    """Lists of '[n] ...' notes out of the body, into draft.footnotes."""
    runs = note_lists(draft.lines) if any("[" in ln.text[:5] for ln in draft.lines) else []
    if not runs:
        return draft
    footnotes = dict(draft.footnotes)
    dropped: set[int] = set()
    for run in runs:
        for number, parts in run:
            dropped.update(ln.no for ln in parts)
            text = join_footnote(
                [NOTE_ENTRY.match(parts[0].text).group("text") or ""]
                + [ln.text.strip() for ln in parts[1:]]
            ).strip()
            if text and number not in footnotes:
                footnotes[number] = Footnote(number, text, parts[0].no)
    lines = [ln for ln in draft.lines if ln.no not in dropped or is_blank(ln.text)]
    return replace(draft, lines=lines, footnotes=footnotes)


def remove_reference_marks(draft: Draft) -> Draft:
    draft = move_note_lists(draft)
    letters = {
        m.group(1) for ln in draft.lines if "[" in ln.text for m in LETTER_MARKER.finditer(ln.text)
    }
    series = {"a", "b"} <= letters
    lines = []
    for ln in draft.lines:
        text = without_reference_marks(ln.text, draft.footnotes, letters=series)
        lines.append(Line(ln.no, text) if text != ln.text else ln)
    return replace(draft, lines=lines)
