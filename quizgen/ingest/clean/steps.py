"""The ordered list of cleaning steps for each layout.

Order matters: footnote bodies go before reversed pages are looked for (they sit inside
them), reading order is restored before reference numbers are read (they must run
upwards), and references become markers before sentence ends are judged. Markdown
footnotes ('[^1]') go first, so glued numbers are then read against the notes they define.
Markdown list markers and emphasis are read before anything looks at line starts; plain-text
list items after footnotes and page order are settled, while lines still keep their indentation.
Pseudo-tags are read first (they are the top lines); bracketed reference markers go before
Markdown links are read (so '[12][13]' is not taken for a link) and, in page text, after
footnote bodies are found (so a '[3]' that has one stays a reference). Clutter and captions
leave before headings are looked for (a caption or a 'Share' label looks like a heading) and
before page breaks are joined (a caption may sit between the halves of a sentence); reference
sections are cut once headings are known.
"""

from __future__ import annotations

from . import Step
from .asides import move_pull_quotes
from .captions import move_captions
from .clutter import drop_web_clutter
from .ebook import trim_ebook_boilerplate
from .footnotes import move_footnotes
from .headings import find_headings
from .hyphens import join_spaced_hyphens
from .lists import find_list_items
from .markdown import read_markdown_blocks, read_underscore_italics
from .markers import mark_references
from .masthead import read_masthead
from .mdfootnotes import move_markdown_footnotes
from .pagebreaks import join_page_breaks
from .pagefurniture import drop_page_furniture
from .paragraphs import split_unwrapped_lines, split_wrapped_paragraphs
from .pseudotags import read_pseudo_tags
from .refsections import drop_reference_sections
from .reversed import fix_swapped_halves, restore_reversed
from .spaces import (
    fix_mojibake,
    fix_stray_spaces,
    strip_leading_spaces,
    strip_spaces,
    unescape_entities,
)
from .wikirefs import remove_reference_marks

STEPS: dict[str, list[Step]] = {
    # Hard-wrapped Markdown and text files are cleaned as "pdf" too, hence its Markdown footnotes.
    "pdf": [
        fix_mojibake,
        unescape_entities,
        strip_spaces,
        trim_ebook_boilerplate,
        read_pseudo_tags,
        read_markdown_blocks,
        read_underscore_italics,
        read_masthead,
        move_markdown_footnotes,
        move_footnotes,
        fix_swapped_halves,
        restore_reversed,
        drop_page_furniture,
        remove_reference_marks,
        mark_references,
        move_pull_quotes,
        drop_web_clutter,
        move_captions,
        find_list_items,
        join_page_breaks,
        strip_leading_spaces,
        split_wrapped_paragraphs,
        join_spaced_hyphens,
        find_headings,
        drop_reference_sections,
        fix_stray_spaces,
    ],
    "plain": [
        fix_mojibake,
        unescape_entities,
        strip_spaces,
        trim_ebook_boilerplate,
        read_pseudo_tags,
        read_markdown_blocks,
        read_underscore_italics,
        read_masthead,
        move_markdown_footnotes,
        move_footnotes,
        drop_page_furniture,
        remove_reference_marks,
        mark_references,
        drop_web_clutter,
        move_captions,
        find_list_items,
        split_unwrapped_lines,
        join_page_breaks,
        strip_leading_spaces,
        join_spaced_hyphens,
        find_headings,
        drop_reference_sections,
        fix_stray_spaces,
    ],
    "markdown": [
        fix_mojibake,
        strip_spaces,
        trim_ebook_boilerplate,
        read_pseudo_tags,
        remove_reference_marks,
        read_markdown_blocks,
        read_masthead,
        move_markdown_footnotes,
        mark_references,
        strip_leading_spaces,
        drop_web_clutter,
        move_captions,
        join_spaced_hyphens,
        find_headings,
        drop_reference_sections,
        fix_stray_spaces,
    ],
    "html": [
        fix_mojibake,
        strip_spaces,
        read_masthead,
        remove_reference_marks,
        mark_references,
        strip_leading_spaces,
        drop_web_clutter,
        move_captions,
        find_headings,
        drop_reference_sections,
        fix_stray_spaces,
    ],
}


def steps_for(layout: str) -> list[Step]:
    return STEPS[layout]
