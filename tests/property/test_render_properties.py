"""Every registered renderer on small generated banks: it writes well-formed output, and refuses
a valid bank only when none of its questions fits the format."""

from __future__ import annotations

import re
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from quizgen.bank import Bank, DocumentInfo
from quizgen.bank.schema import question_problems
from quizgen.errors import QuizgenError
from quizgen.models import Question, Source
from quizgen.render import RENDERERS, RenderOptions

from .strategies import awkward_text

# Any character a hand-edited bank could hold (the bank is an input of `quizgen render` too),
# except C0 controls and U+2028/U+2029, tested once per renderer below (shrinking them is slow).
KNOWN_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\u2028\u2029\ufffe\uffff]")
TEXT = (
    st.one_of(
        st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30),
        awkward_text().map(lambda t: t[:200]),
    )
    .map(lambda t: KNOWN_BAD.sub(" ", t))
    .filter(lambda t: t.strip())
)
DOCUMENT = "reading.md"


def distinct(count: int):
    return st.lists(TEXT, min_size=count, max_size=count, unique_by=lambda t: t.strip().casefold())


@st.composite
def question(draw, number: int) -> Question:
    qtype = draw(
        st.sampled_from(
            [
                "basic",
                "short_answer",
                "cloze",
                "multiple_choice",
                "true_false",
                "list_recall",
                "matching",
                "ordering",
            ]
        )
    )
    prompt, answer, explanation = draw(TEXT), draw(TEXT), draw(TEXT)
    fields: dict = {}
    if qtype == "short_answer":
        fields["accepted"] = tuple(draw(st.lists(TEXT, max_size=2)))
    elif qtype == "cloze":
        before, blank, after = draw(TEXT), draw(TEXT), draw(TEXT)
        prompt, answer, fields["blanks"] = f"{before} {{{{c1::{blank}}}}} {after}", blank, (blank,)
    elif qtype == "multiple_choice":
        fields["choices"] = tuple(draw(distinct(4)))
        answer = fields["choices"][draw(st.integers(0, 3))]
    elif qtype == "true_false":
        answer = draw(st.sampled_from(["True", "False"]))
    elif qtype in ("list_recall", "ordering"):
        fields["sequence"] = tuple(draw(distinct(draw(st.integers(3, 5)))))
        answer = "; ".join(fields["sequence"])
    elif qtype == "matching":
        count = draw(st.integers(4, 6))
        fields["pairs"] = tuple(zip(draw(distinct(count)), draw(distinct(count))))
    source = Source(
        document=DOCUMENT,
        line=draw(st.integers(1, 10_000)),
        sentence=draw(TEXT),
        title=draw(st.none() | TEXT),
        author=draw(st.none() | TEXT),
        footnote=draw(st.none() | TEXT),
    )
    return Question(
        id=f"q-{number}",
        type=qtype,
        prompt=prompt,
        answer=answer,
        explanation=explanation,
        sources=(source,),
        kind="definition",
        tags=tuple(draw(st.lists(st.from_regex(r"\A\w{1,8}\Z"), max_size=2, unique=True))),
        **fields,
    )


@st.composite
def bank(draw) -> Bank:
    count = draw(st.integers(1, 5))
    questions = tuple(draw(question(n)) for n in range(count))
    questions = tuple(q for q in questions if not question_problems(q.to_dict(), {DOCUMENT}))
    if not questions:
        questions = (
            Question(
                id="q-x",
                type="basic",
                prompt="What is a delta?",
                answer="A landform",
                explanation="",
                sources=(Source(DOCUMENT, 1, "A delta is a landform."),),
                kind="definition",
            ),
        )
    return Bank(
        title=draw(TEXT),
        questions=questions,
        documents=(DocumentInfo(DOCUMENT, DOCUMENT, "0" * 64, title=draw(st.none() | TEXT)),),
    )


def check_written(path: Path) -> None:
    files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
    assert files, path  # a format that can express none of the questions may write an empty file
    for file in files:
        if file.suffix in (".zip", ".apkg"):
            with zipfile.ZipFile(file) as package:
                assert package.testzip() is None
                for name in package.namelist():
                    if name.endswith(".xml"):
                        etree.fromstring(package.read(name))
        elif file.suffix == ".xml":
            etree.parse(str(file))


@pytest.mark.parametrize("name", RENDERERS.names())
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(generated=bank())
def test_every_renderer_writes_a_valid_bank(name, generated):
    renderer = RENDERERS.get(name)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / ("out" if renderer.suffix == "/" else "out" + renderer.suffix)
        try:
            report = renderer.write(generated, target, RenderOptions(title=generated.title))
        except QuizgenError as exc:
            # The one refusal a valid bank may meet: none of its questions fits the format.
            assert "no question" in exc.message, f"{name} refused a valid bank: {exc}"
            return
        assert report.written, f"{name} wrote nothing and said nothing"
        for path in report.written:
            check_written(Path(path))


def bank_with(text: str) -> Bank:
    source = Source(DOCUMENT, 1, f"A delta is a landform{text}.")
    return Bank(
        title="t",
        questions=(
            Question(
                id="q-1",
                type="multiple_choice",
                prompt=f"What is a delta{text}?",
                answer="A landform",
                choices=("A landform", "A river", "A lake", "A hill"),
                explanation="",
                sources=(source,),
                kind="definition",
            ),
            Question(
                id="q-2",
                type="true_false",
                prompt=f"A delta is a landform{text}.",
                answer="True",
                explanation="",
                sources=(source,),
                kind="definition",
            ),
        ),
        documents=(DocumentInfo(DOCUMENT, DOCUMENT, "0" * 64),),
    )


# Found by the property test above: lxml refused C0 control characters ("All strings must be
# XML compatible") and WeasyPrint asserted on U+2029. A renderer drops or replaces them, or
# refuses with a RenderError; these cases keep it so.
AWKWARD = {"qti21": "\x0b", "qti12": "\x0b", "moodle": "\x0b", "worksheet": "\u2029"}


@pytest.mark.parametrize("name", sorted(AWKWARD))
def test_characters_that_once_broke_a_renderer(name, tmp_path):
    renderer = RENDERERS.get(name)
    target = tmp_path / ("out" if renderer.suffix == "/" else "out" + renderer.suffix)
    try:
        renderer.write(bank_with(f" one{AWKWARD[name]}two"), target, RenderOptions())
    except QuizgenError:
        return
