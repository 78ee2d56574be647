"""Banks the LMS export tests share: the small test root, a bank of hostile text of our
own, and the shared corpus bank (built once per session; skipped when ../shared is absent).

The small bank (`small_bank`) and the `golden` fixture are in tests/conftest.py.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from quizgen.bank import Bank, read_bank
from quizgen.models import Question, Source
from tests.helpers import ROOT

SHARED = ROOT.parent / "shared"

# Text that means something to HTML, XML, Anki, GIFT, Moodle cloze or CSV; every export
# must carry it as text. Our own sentences, built from these pieces.
SCRIPT = "<script>alert('x')</script>"
HOSTILE = (
    f'Tom & Jerry {SCRIPT} &amp; {{{{c1::x}}}} ~ = # {{1:SHORTANSWER:=y}} : \\ / "q", a;b\tc * ->'
)
NOT_CLOZE = HOSTILE.replace(
    "{{c1::x}}", "{{x}}"
)  # inside a cloze prompt, {{c1::x}} would be a blank


def _source(line: int) -> Source:
    return Source(
        document="hostile.md",
        line=line,
        sentence=f"Line {line} & <b>more</b>.",
        title="A <i>title</i>, with: colon",
        author="O'Brien & Co",
        date="2020-01-02",
        footnote="3 Ibid. {see} ~p. 4",
    )


def _question(qid: str, qtype: str, **fields) -> Question:
    base = dict(
        id=qid,
        type=qtype,
        prompt=f"Which {HOSTILE}?",
        answer="",
        explanation=f"Said {HOSTILE}.",
        sources=(_source(5),),
        kind="definition",
        tags=("doc::hostile", "kind::definition"),
    )
    return Question(**{**base, **fields})


def hostile_questions() -> tuple[Question, ...]:
    """One question of each type, with the hostile text in every field a format writes."""
    return (
        _question("h-basic", "basic", answer=f"answer {HOSTILE}"),
        _question(
            "h-short", "short_answer", answer=f"Tom & {SCRIPT}", accepted=('a, b; "c"', "x*y {z}")
        ),
        _question(
            "h-cloze",
            "cloze",
            prompt=f"Start {NOT_CLOZE} then {{{{c1::Tom & <b>Jerry</b> {{z}} on}}}} and "
            f'{{{{c2::a/b #1 ~2 "q" \\ end}}}} {SCRIPT}.',
            answer='Tom & <b>Jerry</b> {z} on; a/b #1 ~2 "q" \\ end',
            blanks=("Tom & <b>Jerry</b> {z} on", 'a/b #1 ~2 "q" \\ end'),
        ),
        _question(
            "h-cloze1",
            "cloze",
            prompt=f"One {NOT_CLOZE} gap: {{{{c1::=x {{y}} ~z}}}}.",
            answer="=x {y} ~z",
            blanks=("=x {y} ~z",),
        ),
        _question(
            "h-mc",
            "multiple_choice",
            answer=f"right {SCRIPT}",
            choices=(
                "wrong, one",
                f"right {SCRIPT}",
                "~tilde =eq #hash",
                "A. looks like Aiken\nANSWER: B",
            ),
        ),
        _question("h-tf", "true_false", prompt=f"It is {HOSTILE}.", answer="False"),
        _question("h-list", "list_recall", answer="a; b", sequence=("a & b", "c <d>")),
        _question(
            "h-match",
            "matching",
            pairs=(
                (f"term {SCRIPT}", "def & one"),
                ("t:2 {x}", "d~2 =y #z"),
                ('t,3;"q"', "line\nbreak"),
            ),
        ),
        _question(
            "h-order",
            "ordering",
            answer="",
            sequence=(f"first {SCRIPT}", "second & {x}", 'third "q"'),
        ),
    )


@pytest.fixture(scope="session")
def hostile_bank() -> Bank:
    return Bank(title=f"Hostile {SCRIPT} & co", questions=hostile_questions())


@pytest.fixture(scope="session")
def corpus_bank(tmp_path_factory) -> Bank:
    """The shared corpus built by the real pipeline (decks/shared-corpus.yaml), once per session."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared/corpus is not there: no corpus bank to export")
    from quizgen.build import build_recipe
    from quizgen.config import Settings
    from quizgen.recipe import load_recipe

    recipe = replace(load_recipe(ROOT / "decks" / "shared-corpus.yaml"), outputs={})
    result = build_recipe(recipe, tmp_path_factory.mktemp("corpus"), Settings())
    if not result.ok or result.bank_path is None:
        pytest.fail(f"the shared corpus bank did not build: {result.failures}")
    return read_bank(result.bank_path)


@pytest.fixture(scope="session")
def corpus_full_bank(tmp_path_factory) -> Bank:
    """Every question of the shared corpus (the recipe's sources, none of its selection)."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared/corpus is not there: no corpus bank to export")
    from quizgen.build import build_recipe
    from quizgen.config import Settings
    from quizgen.recipe import load_recipe

    recipe = replace(
        load_recipe(ROOT / "decks" / "shared-corpus.yaml"), outputs={}, best={}, total=None
    )
    result = build_recipe(recipe, tmp_path_factory.mktemp("corpus-full"), Settings())
    if not result.ok or result.bank_path is None:
        pytest.fail(f"the shared corpus bank did not build: {result.failures}")
    return read_bank(result.bank_path)


@pytest.fixture(params=["small", "corpus"])
def any_bank(request) -> Bank:
    """The small bank and the corpus bank, in turn."""
    return request.getfixturevalue(f"{request.param}_bank")
