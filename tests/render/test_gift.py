"""GIFT, parsed by the npm package gift-pegjs (tests/render/gift_parse.mjs; node_modules at the
repository root, pinned in package.json) and compared with the bank.

Golden file: tests/golden/gift/bank-small/gift.txt; regenerate with
    .venv/bin/python -m pytest tests/render/test_gift.py -k golden --update-goldens
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from quizgen.bank import Bank
from quizgen.render import RENDERERS, RenderOptions
from quizgen.render.gift import GiftRenderer
from quizgen.render.lms import accepted_variants, blanks_of, cloze_shown, gift_escape, typed_answers

ROOT = Path(__file__).resolve().parents[2]
PARSER = Path(__file__).resolve().parent / "gift_parse.mjs"
EXPRESSED = {"multiple_choice", "true_false", "short_answer", "matching", "cloze", "ordering"}
GIFT_TYPES = {
    "multiple_choice": "MC",
    "true_false": "TF",
    "short_answer": "Short",
    "matching": "Matching",
    "cloze": "Short",
    "ordering": "Matching",
}


def gift_parse(text: str) -> list[dict]:
    if shutil.which("node") is None:
        pytest.skip("node is not installed: cannot run gift-pegjs")
    if not (ROOT / "node_modules" / "gift-pegjs").is_dir():
        pytest.skip("gift-pegjs is not installed (npm install at the repository root)")
    run = subprocess.run(
        ["node", str(PARSER)], input=text, capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert run.returncode == 0, f"gift-pegjs refused the export: {run.stdout or run.stderr}"
    return json.loads(run.stdout)


def export(bank: Bank, tmp_path: Path, report: list | None = None) -> tuple[str, dict[str, int]]:
    out = tmp_path / "quiz.gift.txt"
    made = GiftRenderer().write(bank, out, RenderOptions())
    if report is not None:
        report.append(made)
    return out.read_text("utf-8"), made.skipped


def squeeze(text: str) -> str:
    """Text without blanks or spacing: gift-pegjs puts its own spaces around a gap."""
    return "".join(text.replace("_____", "").split())


def subanswer(text: str) -> str:
    # gift-pegjs leaves escaped characters of a matching answer as "&&<code>;" (its own marker)
    return re.sub(r"&&(\d+);", lambda m: chr(int(m.group(1))), text)


def read_back(parsed: dict) -> dict:
    read: dict = {"type": parsed["type"], "format": parsed["stem"]["format"]}
    choices = parsed.get("choices") or []
    if parsed["hasEmbeddedAnswers"]:
        read["stem"] = squeeze(parsed["stem"]["text"])
    else:
        read["stem"] = parsed["stem"]["text"]
    if parsed["type"] == "MC":
        read["choices"] = [c["text"]["text"] for c in choices]
        read["answer"] = [c["text"]["text"] for c in choices if c["isCorrect"]]
    elif parsed["type"] == "TF":
        read["answer"] = "True" if parsed["isTrue"] else "False"
    elif parsed["type"] == "Short":
        read["answer"] = [c["text"]["text"] for c in choices if c["isCorrect"]]
    elif parsed["type"] == "Matching":
        read["pairs"] = [
            (p["subquestion"]["text"], subanswer(p["subanswer"])) for p in parsed["matchPairs"]
        ]
    return read


def expected(question) -> dict:
    line = " ".join
    want: dict = {
        "type": GIFT_TYPES[question.type],
        "format": "plain",
        "stem": line(question.prompt.split()),
    }
    if question.type == "multiple_choice":
        want.update(
            choices=[line(c.split()) for c in question.choices],
            answer=[line(question.answer.split())],
        )
    elif question.type == "true_false":
        want["answer"] = question.answer
    elif question.type == "short_answer":
        want["answer"] = accepted_variants(question)
    elif question.type == "matching":
        want["pairs"] = [(line(a.split()), line(b.split())) for a, b in question.pairs]
    elif question.type == "ordering":  # a matching of items to positions, shown shuffled
        want["stem"] = line(f"{question.prompt} Give each its position (1 = first).".split())
        want["positions"] = {
            line(item.split()): str(n) for n, item in enumerate(question.sequence, 1)
        }
    else:
        want.update(
            stem=squeeze(cloze_shown(question.prompt)),
            answer=[a for b in blanks_of(question.prompt) for a in typed_answers([b.answer])],
        )
    return want


def check_against_bank(bank: Bank, text: str, skipped: dict[str, int]) -> None:
    parsed = gift_parse(text)
    categories = [p["title"] for p in parsed if p["type"] == "Category"]
    questions = {p["title"]: p for p in parsed if p["type"] != "Category"}
    by_id = {q.id: q for q in bank.questions}
    assert len(questions) + sum(skipped.values()) == len(bank.questions)
    assert set(questions) <= {q.id for q in bank.questions if q.type in EXPRESSED}
    titles = {d.name: d.title for d in bank.documents}
    title = {
        i: titles.get(by_id[i].sources[0].document) or by_id[i].sources[0].title for i in questions
    }
    assert all(title.values())
    assert categories == sorted(
        {f"$course$/quizgen/{title[i].replace('/', '//')}" for i in questions}
    )
    for qid, parsed_question in questions.items():
        read = read_back(parsed_question)
        if by_id[qid].type == "ordering":
            read["positions"] = dict(read.pop("pairs"))
            assert list(read["positions"]) != list(by_id[qid].sequence), (
                "the order shown gives it away"
            )
        assert read == expected(by_id[qid]), qid
        shown = parsed_question["globalFeedback"]["text"]
        source = by_id[qid].sources[0]
        assert (
            " ".join(source.sentence.split()) in shown
            and title[qid] in shown
            and source.document in shown
        )


def test_registered_as_text():
    renderer = RENDERERS.get("gift")
    assert renderer.suffix == ".gift.txt" and set(renderer.types) == EXPRESSED


def test_gift_pegjs_reads_back_the_bank(any_bank, tmp_path):
    text, skipped = export(any_bank, tmp_path)
    check_against_bank(any_bank, text, skipped)


def test_only_clozes_with_one_blank_after_some_text_are_written(small_bank, tmp_path):
    cloze = small_bank.by_type("cloze")[0]
    bank = replace(
        small_bank,
        questions=(
            cloze,  # three blanks
            replace(cloze, id="one-gap", prompt="The charter names {{c1::the council}} first."),
            replace(cloze, id="opens", prompt="{{c1::The council}} met first."),
        ),
    )
    text, skipped = export(bank, tmp_path)
    assert skipped == {"cloze": 2}
    assert [p["title"] for p in gift_parse(text) if p["type"] != "Category"] == ["one-gap"]


def test_matching_term_with_an_arrow_is_skipped(small_bank, tmp_path):
    matching = small_bank.by_type("matching")[0]
    arrow = replace(matching, pairs=(("a -> b", "x"),) + matching.pairs[1:])
    _, skipped = export(replace(small_bank, questions=(arrow, matching)), tmp_path)
    assert skipped == {"matching": 1}


def test_same_category_paths_as_moodle_xml(any_bank, tmp_path):
    from lxml import etree

    from quizgen.render.moodle import MoodleRenderer

    text, _ = export(any_bank, tmp_path)
    MoodleRenderer().write(any_bank, tmp_path / "quiz.xml", RenderOptions())
    moodle = etree.parse(str(tmp_path / "quiz.xml")).getroot()
    moodle_paths = {
        e.findtext("category/text"): [] for e in moodle.iterfind("question[@type='category']")
    }
    gift_paths = [p["title"] for p in gift_parse(text) if p["type"] == "Category"]
    assert gift_paths and set(gift_paths) <= set(moodle_paths)


@pytest.mark.parametrize(
    "answer, typed",
    [
        ("the environment", ["the environment", "environment"]),
        (
            "peace, development and cooperation",
            ["peace, development and cooperation", "peace development and cooperation"],
        ),
    ],
)
def test_typed_answer_variants_are_alternatives(small_bank, tmp_path, answer, typed):
    short = replace(small_bank.by_type("short_answer")[0], answer=answer, accepted=())
    cloze = replace(
        small_bank.by_type("cloze")[0],
        id="one-gap",
        prompt=f"We speak of {{{{c1::{answer}}}}} here.",
    )
    text, _ = export(replace(small_bank, questions=(short, cloze)), tmp_path)
    parsed = {p["title"]: p for p in gift_parse(text) if p["type"] != "Category"}
    assert read_back(parsed[short.id])["answer"] == typed
    assert read_back(parsed["one-gap"])["answer"] == typed


def test_ordering_is_a_matching_of_positions_and_the_report_says_so(small_bank, tmp_path):
    ordering = small_bank.by_type("ordering")[0]
    two = replace(ordering, id="two-items", sequence=ordering.sequence[:2])
    made: list = []
    text, skipped = export(replace(small_bank, questions=(ordering, two)), tmp_path, made)
    assert skipped == {"ordering": 1}  # Moodle's GIFT import wants three pairs or more
    assert made[0].notes == (
        "ordering questions written as matchings of items to positions (GIFT has no ordering type)",
    )
    parsed = [p for p in gift_parse(text) if p["type"] != "Category"]
    assert [p["title"] for p in parsed] == [ordering.id] and parsed[0]["type"] == "Matching"


def test_hostile_text_stays_text(hostile_bank, tmp_path):
    text, skipped = export(hostile_bank, tmp_path)
    assert skipped == {"basic": 1, "cloze": 1, "list_recall": 1}
    check_against_bank(hostile_bank, text, skipped)


@pytest.mark.parametrize(
    "raw, escaped",
    [
        ("a ~ b = c # d", r"a \~ b \= c \# d"),
        ("{x}: y", r"\{x\}\: y"),
        ("back\\slash", r"back\\slash"),
        ("two\nlines\t here", "two lines here"),
        ("-> / * [plain]", "-> / * [plain]"),
    ],
)
def test_gift_escape(raw, escaped):
    assert gift_escape(raw) == escaped


def test_matches_golden(small_bank, tmp_path, golden):
    text, _ = export(small_bank, tmp_path)
    golden("gift", "bank-small", {"gift.txt": text})


def test_shipped_recipes_give_gift_and_moodle_the_same_category():
    from quizgen.recipe import load_recipe
    from quizgen.render.lms import DEFAULT_CATEGORY

    for path in sorted((ROOT / "decks").glob("*.yaml")):
        outputs = load_recipe(path).outputs
        if "gift" in outputs and "moodle" in outputs:
            roots = [
                (outputs[name] or {}).get("category", DEFAULT_CATEGORY)
                for name in ("gift", "moodle")
            ]
            assert roots[0] == roots[1], path.name
