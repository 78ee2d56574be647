"""Strategies shared by the property tests: awkward text of every kind, kept small."""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = st.sampled_from(
    [
        "river",
        "The",
        "delta",
        "is",
        "a",
        "landform",
        "of",
        "three",
        "parts:",
        "source,",
        "and",
        "mouth.",
        "In",
        "1927",
        "March",
        "5,",
        "said",
        "Dr.",
        "Ada",
        "Example.",
        "1.",
        "(a)",
        "—",
        "–",
        "...",
        "12",
    ]
)
QUOTES = st.sampled_from(['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‹", "›", "「", "」"])
CONTROL = st.sampled_from(
    ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\r"]
)
INVISIBLE = st.sampled_from(
    [
        "\u200b",
        "\u200c",
        "\u200d",
        "\u2060",
        "\ufeff",
        "\u00ad",
        "\u200e",
        "\u200f",
        "\u202a",
        "\u202b",
        "\u202e",
        "\u2066",
        "\u2069",
    ]
)
RIGHT_TO_LEFT = st.sampled_from(
    ["שלום עולם", "مرحبا بالعالم", "\u202eevil\u202c", "עברית: א, ב ו-ג."]
)
MARKUP = st.sampled_from(
    [
        "# Heading",
        "---",
        "...",
        "* item",
        "1. item",
        "> quote",
        "<p>",
        "</div>",
        "&amp;",
        "[^1]",
        "¹",
        "12 Ibid.",
        "Page 3 of 9",
        "{{ x }}",
        "```",
        "| a | b |",
    ]
)
SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "\n\n", "\t", "\r\n", "  "])


@st.composite
def nested_quotes(draw) -> str:
    """A sentence inside up to 60 levels of quotation marks, balanced or not."""
    depth = draw(st.integers(1, 60))
    opens = draw(st.lists(QUOTES, min_size=depth, max_size=depth))
    closes = draw(st.lists(QUOTES, min_size=0, max_size=depth))
    return "".join(opens) + "the river said so" + "".join(closes)


@st.composite
def long_line(draw) -> str:
    return " ".join(draw(st.lists(WORDS, min_size=1, max_size=8))) * draw(st.integers(50, 3000))


PIECE = st.one_of(
    WORDS,
    WORDS,
    WORDS,
    QUOTES,
    CONTROL,
    INVISIBLE,
    RIGHT_TO_LEFT,
    MARKUP,
    nested_quotes(),
    st.text(max_size=12),
)


@st.composite
def awkward_text(draw) -> str:
    """Text a reader may meet: words mixed with quotes, control and invisible characters, RTL, markup."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.text(max_size=400))  # anything at all
    pieces = draw(st.lists(st.tuples(PIECE, SEPARATORS), max_size=120))
    text = "".join(piece + sep for piece, sep in pieces)
    if draw(st.integers(0, 14)) == 0:
        text += "\n" + draw(long_line())
    return text


@st.composite
def front_matter(draw) -> str:
    """Markdown front matter, well formed or not, then a body."""
    head = draw(
        st.sampled_from(
            [
                "---\ntitle: A reading\ndate: 2021-03-05\n---\n",
                "---\ntitle: [unclosed\n---\n",
                "---\n: :\n---\n",
                "---\n- a list\n---\n",
                "---\ntitle: x\n",
                "---\ndate: March 5, 2021\nauthor: {a: 1}\n...\n",
                "---\nwhen: 2021-03-05 10:00:00\ntags: [a, 2, 2021-01-01]\n---\n",
                "---\n!!binary aGVsbG8=\n---\n",
                "---\nx: !!python/object:os.system ls\n---\n",
                "---\n---\n",
            ]
        )
    )
    return head + draw(awkward_text())
