"""The quality gate: what a teacher would reject is set aside with a coded reason."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quizgen.generate.gate import check
from quizgen.generate.ids import question_id
from quizgen.models import FlaggedRegion, Question, Source

from .conftest import SETTINGS, make_doc

TEXT = "# Notes\n\nSoil erosion is the loss of soil.\n\nMulching covers bare soil.\n"
SENTENCE = "Soil erosion is the loss of soil."
MC = "Which term does the text define as “the loss of soil”?"


def ask(
    qtype="basic",
    prompt="What is meant by soil erosion?",
    answer="The loss of soil",
    line=3,
    **fields,
):
    source = Source(document="notes.md", line=line, sentence=SENTENCE)
    return Question(
        id=question_id(qtype, [prompt, answer]),
        type=qtype,
        prompt=prompt,
        answer=answer,
        explanation=SENTENCE,
        sources=(source,),
        kind="definition",
        **fields,
    )


@pytest.fixture(scope="module")
def documents():
    return {"notes.md": make_doc(TEXT, "notes.md")}


def reason(question, documents, settings=SETTINGS):
    kept, rejected = check([question], documents, settings)
    return rejected[0].reason if rejected else None


@pytest.mark.parametrize(
    "question, expected",
    [
        (ask(), None),
        (ask(answer="The loss of soil.1"), "footnote-digits: 'il.1' in answer"),
        (ask(answer="The loss of soil,”20"), "footnote-digits"),
        (ask(prompt="What is meant by 4strong erosion?"), "footnote-digits: '4strong' in prompt"),
        (ask(answer="Losses in the 21st century"), None),  # an ordinal is a word
        (ask(answer="The loss of soil.[^2]"), "footnote-digits: '[^2]' in answer"),
        (ask(answer="Losses of 81.47 million tonnes"), None),  # a decimal is a number
        (ask(answer="COVID-19 and the G7"), None),
        (ask(answer="He called it the loss of soil"), "dangling-pronoun: 'He' opens the answer"),
        (ask(answer="Both the aim and the means of the plan"), None),
        (
            ask(prompt="They opened the bridge in what year?"),
            "dangling-pronoun: 'They' opens the prompt",
        ),
        (ask(prompt="This means what?"), "dangling-pronoun: 'This' opens the prompt"),
        (
            ask(
                qtype="true_false",
                prompt="Ana Silva said, “They must plant trees now.”",
                answer="True",
            ),
            None,
        ),
        (ask(answer="The loss of soil and"), "truncated: answer ends on 'and'"),
        (ask(answer="The loss of the"), "truncated: answer ends on 'the'"),
        (ask(answer="The loss of soil,"), "truncated: answer ends on ','"),
        (ask(answer="The loss (of soil"), "truncated: unbalanced brackets in answer"),
        (
            ask(prompt="Who said “We must plant trees?"),
            "truncated: unbalanced quotation marks in prompt",
        ),
        (ask(prompt="What is meant by soil erosion, the loss of soil?"), "answer-in-prompt"),
        (
            ask(prompt="In what year did the 1918 flood take place?", answer="1918"),
            "answer-in-prompt: '1918'",
        ),
        (
            ask(
                qtype="cloze",
                prompt="{{c1::Soil erosion}} is the loss of soil, and soil erosion is bad.",
                answer="Soil erosion",
                blanks=("Soil erosion",),
            ),
            "answer-in-prompt",
        ),
        (
            ask(
                qtype="cloze",
                prompt="{{c1::Soil erosion}} is the loss of soil.",
                answer="Soil erosion",
                blanks=("Soil erosion",),
            ),
            None,
        ),
        (
            ask(
                qtype="matching",
                prompt="Match each event to its date.",
                answer="",
                pairs=(
                    ("The 1918 flood", "1918"),
                    ("The bridge opened", "1932"),
                    ("A fire", "1950"),
                    ("A school", "1875"),
                ),
            ),
            "answer-in-prompt: 'The 1918 flood' names its own date",
        ),
        (ask(prompt="What is meant by " + "very " * 100 + "soil?"), "too-long: prompt has"),
        (ask(answer="The loss " + "of soil " * 30), "too-long: answer has"),
        (
            ask(prompt="On what date did the flood of 1918 happen?", answer="4 May 1918"),
            "answer-in-prompt: the year 1918",
        ),
        (
            ask(
                qtype="multiple_choice",
                prompt=MC,
                answer="erosion",
                choices=("erosion", "mulching", "Erosion", "rain"),
            ),
            "bad-choices: not four distinct options",
        ),
        (
            ask(
                qtype="multiple_choice",
                prompt=MC,
                answer="erosion",
                choices=("mulching", "rain", "wind", "sun"),
            ),
            "bad-choices: the answer is not exactly one",
        ),
        (ask(line=5), "unreliable-region: notes.md:5 (reversed block)"),
        # only the right option repeats a word of the prompt: it gives itself away
        (
            ask(
                qtype="multiple_choice",
                prompt="Which of these is one of the kinds of farming?",
                answer="dairy farming",
                choices=("dairy farming", "clean water", "safe roads", "open markets"),
            ),
            "answer-in-prompt: only the answer repeats 'farming'",
        ),
        (
            ask(
                qtype="multiple_choice",
                prompt="Which of these is one of the kinds of farming?",
                answer="dairy farming",
                choices=("dairy farming", "fish farming", "safe roads", "open markets"),
            ),
            None,
        ),
    ],
)
def test_rejections(question, expected, documents):
    flagged = {
        "notes.md": replace(
            documents["notes.md"], regions=(FlaggedRegion(5, 5, "reversed block", False),)
        )
    }
    got = reason(question, flagged)
    if expected is None:
        assert got is None
    else:
        assert got is not None and got.startswith(expected), got


def test_a_restored_region_is_usable(documents):
    restored = {
        "notes.md": replace(
            documents["notes.md"], regions=(FlaggedRegion(5, 5, "reversed block", True),)
        )
    }
    assert reason(ask(line=5), restored) is None


def test_same_prompt_with_another_answer_is_ambiguous(documents):
    first, second = ask(answer="The loss of soil"), ask(answer="Soil washed away")
    kept, rejected = check([second, first], documents, SETTINGS)
    assert kept == []
    assert {r.code for r in rejected} == {"ambiguous-prompt"}


def test_same_question_twice_is_a_duplicate(documents):
    first = ask(answer="The loss of soil")
    second = ask(qtype="basic", answer="the loss of soil.")
    second = replace(second, id="bas-000000000000")
    kept, rejected = check([first, second], documents, SETTINGS)
    assert [q.id for q in kept] == ["bas-000000000000"]
    assert rejected[0].reason == "duplicate-prompt: same question as bas-000000000000"
    assert rejected[0].code == "duplicate-prompt"


def test_cloze_cards_of_one_sentence_with_other_blanks_are_not_duplicates(documents):
    one = ask(
        qtype="cloze",
        prompt="{{c1::Soil erosion}} is the loss of soil.",
        answer="Soil erosion",
        blanks=("Soil erosion",),
    )
    two = ask(
        qtype="cloze",
        prompt="Soil erosion is the {{c1::loss}} of soil.",
        answer="loss",
        blanks=("loss",),
    )
    kept, _ = check([one, two], documents, SETTINGS)
    assert len(kept) == 2


def test_limits_come_from_the_settings(documents):
    tight = SETTINGS.model_copy(
        update={"generate": SETTINGS.generate.model_copy(update={"max_answer_chars": 10})}
    )
    assert reason(ask(), documents, tight) == "too-long: answer has 16 characters (max 10)"


@pytest.mark.parametrize(
    ("prompt", "blanks", "code"),
    [
        ("The {{c1::council}} met.", ("council",), None),
        ("The {{c1::council}} wrote {{c1::x}} on the wall.", ("council",), "markup"),
        ("The council wrote {{ 7*7 }} on the wall.", (), None),  # shown as text, not a cloze
    ],
)
def test_source_markup_is_refused(prompt, blanks, code):
    from quizgen.generate.gate import stray_markup
    from quizgen.models import Question, Source

    question = Question(
        id="clz-1",
        type="cloze" if blanks else "basic",
        prompt=prompt,
        answer="council",
        explanation="e",
        sources=(Source("d.md", 1, "s"),),
        kind="definition",
        blanks=blanks,
    )
    reason = stray_markup(question)
    assert (reason.split(":")[0] if reason else None) == code
