"""The ordered list of cleaning steps for each layout."""
from __future__ import annotations

from . import Draft, Step, with_lines


def fix_mojibake(draft: Draft) -> Draft:
    """Repair text decoded with the wrong codec ('â€ť' -> '”') with ftfy."""
    import ftfy

    from ..source import Line

    return with_lines(draft, [Line(ln.no, ftfy.fix_text(ln.text, normalization="NFC")) for ln in draft.lines])


def strip_spaces(draft: Draft) -> Draft:
    """Trailing spaces and no-break spaces carry no meaning in any layout."""
    from ..source import Line

    return with_lines(draft, [Line(ln.no, ln.text.rstrip().replace("\u00a0", " ")) for ln in draft.lines])


STEPS: dict[str, list[Step]] = {
    "pdf": [fix_mojibake, strip_spaces],
    "plain": [fix_mojibake, strip_spaces],
    "markdown": [fix_mojibake, strip_spaces],
    "html": [fix_mojibake, strip_spaces],
}


def steps_for(layout: str) -> list[Step]:
    return STEPS[layout]
