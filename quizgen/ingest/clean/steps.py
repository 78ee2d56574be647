"""The ordered list of cleaning steps for each layout.

Order matters: footnote bodies go before reversed pages are looked for (they sit inside
them), reading order is restored before reference numbers are read (they must run
upwards), and references become markers before sentence ends are judged. Markdown
footnotes ('[^1]') go first, so glued numbers are then read against the notes they define.
Markdown list markers and emphasis are read before anything looks at line starts; plain-text
list items after footnotes and page order are settled, while lines still keep their indentation.
"""
from __future__ import annotations

from . import Step
from .asides import move_pull_quotes
from .footnotes import move_footnotes
from .headings import find_headings
from .lists import find_list_items
from .markdown import read_markdown_blocks
from .markers import mark_references
from .mdfootnotes import move_markdown_footnotes
from .masthead import read_masthead
from .pagebreaks import join_page_breaks
from .paragraphs import split_wrapped_paragraphs
from .reversed import fix_swapped_halves, restore_reversed
from .spaces import fix_mojibake, fix_stray_spaces, strip_leading_spaces, strip_spaces

STEPS: dict[str, list[Step]] = {
    # Hard-wrapped Markdown and text files are cleaned as "pdf" too, hence its Markdown footnotes.
    "pdf": [
        fix_mojibake, strip_spaces, read_markdown_blocks, read_masthead, move_markdown_footnotes, move_footnotes,
        fix_swapped_halves, restore_reversed, mark_references, move_pull_quotes, find_list_items, join_page_breaks,
        strip_leading_spaces,
        split_wrapped_paragraphs, find_headings, fix_stray_spaces,
    ],
    "plain": [
        fix_mojibake, strip_spaces, read_masthead, move_markdown_footnotes, move_footnotes, mark_references,
        find_list_items, join_page_breaks, strip_leading_spaces, find_headings, fix_stray_spaces,
    ],
    "markdown": [
        fix_mojibake, strip_spaces, read_markdown_blocks, read_masthead, move_markdown_footnotes, mark_references,
        strip_leading_spaces, find_headings, fix_stray_spaces,
    ],
    "html": [
        fix_mojibake, strip_spaces, read_masthead, mark_references, strip_leading_spaces, find_headings,
        fix_stray_spaces,
    ],
}


def steps_for(layout: str) -> list[Step]:
    return STEPS[layout]
