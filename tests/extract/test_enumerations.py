"""Enumeration rules: tables of small texts of our own, on the blank pipeline (the rules need no model)."""
from __future__ import annotations

import pytest

from quizgen.errors import ExtractError
from quizgen.extract import enumerations
from quizgen.extract.enumerations import split_members


def lists(make_doc, nlp, settings, text: str, name: str = "sample.txt") -> list[tuple[tuple[str, ...], str]]:
    doc = make_doc(text, name)
    return [(item.members, item.source.rule) for item in enumerations.extract(doc, nlp, settings)]


@pytest.mark.parametrize(
    "text, members, rule",
    [
        ("The reform has exposed three gaps in the region: the skills gap, the housing gap, and the pay gap.",
         ("the skills gap", "the housing gap", "the pay gap"), "enum.count-cue"),
        ("The city faces two pressing risks, namely flooding and drought, in the next decade.",
         ("flooding", "drought"), "enum.count-cue"),
        ("The school adopted a charter featuring openness, care and rigour, and shared responsibility.",
         ("openness", "care and rigour", "shared responsibility"), "enum.cue"),
        ("Members must follow the principles of honesty, thrift and patience.",
         ("honesty", "thrift", "patience"), "enum.kind-of"),
        ("The guild is characterized by loyalty, secrecy and skill.",
         ("loyalty", "secrecy", "skill"), "enum.cue"),
        ("The aim of the club is to teach chess, host tournaments and train coaches.",
         ("teach chess", "host tournaments", "train coaches"), "enum.purpose"),
        ("Soil, water and sunlight are three essential needs of every crop.",
         ("Soil", "water", "sunlight"), "enum.count-subject"),
        ("A river is shaped by three forces, first the slope of its bed, second the volume of water, "
         "and third the hardness of the rock.",
         ("the slope of its bed", "the volume of water", "the hardness of the rock"), "enum.count-inline"),
        ("Trade includes the exchange of grain, of cloth, of tools and of ideas.",
         ("exchange of grain", "exchange of cloth", "exchange of tools", "exchange of ideas"), "enum.distributed-of"),
        ("The plan reflects the value of thrift, the value of work, and the value of family.",
         ("the value of thrift", "the value of work", "the value of family"), "enum.repeated-head"),
        ("The town has become a keen member of, a loyal partner in, and a generous donor to the league.",
         ("a keen member", "a loyal partner", "a generous donor"), "enum.dangling-prep"),
        ("The treaty rests on talks rather than threats and trade rather than tariffs.",
         ("talks rather than threats", "trade rather than tariffs"), "enum.rather-than"),
        ('The mayor summarized the goals of the plan as "clean air, safe streets and good schools."',
         ("clean air", "safe streets", "good schools"), "enum.quoted-as"),
        ('The decade featured "boom and bust" in the north, "growth and debt" in the south, and "calm" elsewhere.',
         ("boom and bust", "growth and debt", "calm"), "enum.quoted-features"),
        ("The town built a new park that offers quiet paths, shaded benches, clean toilets, open lawns, and free parking.",
         ("quiet paths", "shaded benches", "clean toilets", "open lawns", "free parking"), "enum.long-list"),
        ("Building a town of clean air, safe streets, good schools, busy markets, green parks and quiet nights "
         "is a long task.",
         ("clean air", "safe streets", "good schools", "busy markets", "green parks", "quiet nights"), "enum.long-list"),
        ("The league grew quickly, with the north cup and the city shield as its main contests.",
         ("the north cup", "the city shield"), "enum.as-its"),
        ("Courage, honesty and thrift became the watchwords of the new guild.",
         ("Courage", "honesty", "thrift"), "enum.count-subject"),
    ],
)
def test_sentence_rules_find_the_list(make_doc, blank_nlp, settings, text, members, rule):
    assert (members, rule) in lists(make_doc, blank_nlp, settings, text)


@pytest.mark.parametrize(
    "text",
    [
        "The market sells fruit such as apples, pears and plums.",
        "Many towns, including Arden, Bexley and Corby, have new parks, etc.",
        "The economy grew quickly and the people were happy.",
        "She bought bread, milk and eggs at the shop on the corner.",
        "The shop sells bread, milk, eggs, butter and cheese.",
        "The ministers agreed on budgets, salaries, pensions, holidays, training and recruitment.",
        "The farm grows crops such as wheat, barley, oats, rye, maize, and millet.",
        "He said that the Five Principles of Peaceful Coexistence and the charter mattered.",
        "Without the principles of order, or if nobody cares, the club fails.",
    ],
)
def test_examples_and_plain_coordination_are_not_lists(make_doc, blank_nlp, settings, text):
    assert lists(make_doc, blank_nlp, settings, text) == []


def test_ordinal_sequence_runs_across_sentences_and_paragraphs(make_doc, blank_nlp, settings):
    text = (
        "The drought had effects in the following three areas.\n\n"
        "First, farmers lost most of their harvest, but some stored grain. Prices then rose.\n\n"
        "Second, the rivers fell to record lows. Boats stopped running.\n\n"
        "Finally, many families moved to the towns.\n"
    )
    found = lists(make_doc, blank_nlp, settings, text)
    assert found == [(("farmers lost most of their harvest", "the rivers fell to record lows",
                       "many families moved to the towns"), "enum.ordinal-sequence")]


def test_inline_first_of_all_opens_a_sequence(make_doc, blank_nlp, settings):
    text = ("To reach this goal, we should first of all train the staff. Second, we should buy new tools. "
            "Third, we should open a second site.")
    [(members, rule)] = lists(make_doc, blank_nlp, settings, text)
    assert members == ("train the staff", "buy new tools", "open a second site")


def test_broken_sequence_is_not_a_list(make_doc, blank_nlp, settings):
    text = "First, the wind rose. Then it rained for days. Third, the roads closed."
    assert lists(make_doc, blank_nlp, settings, text) == []


@pytest.mark.parametrize(
    "text, members",
    [
        ("The region needs trust, dialogue and restraint. These components of peace are hard to build.",
         ("trust", "dialogue", "restraint")),
        ("Trust, dialogue and restraint keep the region calm. These values are shared by all.",
         ("Trust", "dialogue", "restraint")),
    ],
)
def test_list_named_by_the_next_sentence(make_doc, blank_nlp, settings, text, members):
    assert (members, "enum.named-next") in lists(make_doc, blank_nlp, settings, text)


def test_these_without_a_list_is_nothing(make_doc, blank_nlp, settings):
    text = "The region needs trust. These values are hard to build."
    assert lists(make_doc, blank_nlp, settings, text) == []


def test_parallel_headings_under_one_section(make_doc, blank_nlp, settings):
    text = (
        "# Principles Of The Garden Club\n\n"
        "## Patience as the first virtue\n\nGardens grow slowly.\n\n"
        "## Care as the daily habit\n\nPlants need water.\n\n"
        "## Sharing as the club spirit\n\nSeeds are swapped.\n"
    )
    found = lists(make_doc, blank_nlp, settings, text, "club.md")
    assert (("Patience as the first virtue", "Care as the daily habit", "Sharing as the club spirit"),
            "enum.parallel-headings") in found


def test_parallel_paragraph_openers_under_a_heading(make_doc, blank_nlp, settings):
    text = (
        "# Lessons\n\n"
        "Clear reporting channels should be built. Staff need to know whom to call.\n\n"
        "Regular safety drills should be held. Drills save lives.\n\n"
        "Shared supply depots should gradually be established. Depots shorten delays.\n"
    )
    found = lists(make_doc, blank_nlp, settings, text, "lessons.md")
    assert (("clear reporting channels", "regular safety drills", "shared supply depots"),
            "enum.parallel-openers") in found


def test_a_list_stated_twice_is_one_item(make_doc, blank_nlp, settings):
    text = ("The league has a charter featuring honesty, courage and kindness. "
            "Its members keep the principles of honesty, courage and kindness.")
    assert len(lists(make_doc, blank_nlp, settings, text)) == 1


@pytest.mark.parametrize(
    "span, members",
    [
        ("red, green, and blue", ["red", "green", "blue"]),
        ("red, green and blue", ["red", "green", "blue"]),
        ("trust, fairness and justice, and peace", ["trust", "fairness and justice", "peace"]),
        ("open talks, fair rules and shared gains, and settle every quarrel in a calm and patient way",
         ["open talks", "fair rules", "shared gains"]),
        ("the north, the south, and the west, in the coming years", ["the north", "the south", "the west"]),
    ],
)
def test_split_members(span, members):
    assert split_members(span, 7) == members


def test_vocabulary_pair_stays_one_member(make_doc, blank_nlp, settings):
    from quizgen.config import Settings

    text = "The league has a charter featuring trust, law and order and courage."
    plain = lists(make_doc, blank_nlp, settings, text)
    tuned = lists(make_doc, blank_nlp, Settings.model_validate({"extract": {"vocabulary": ["law and order"]}}), text)
    assert plain == [(("trust", "law", "order and courage"), "enum.cue")]
    assert tuned == [(("trust", "law and order", "courage"), "enum.cue")]


def test_known_pair_stays_whole():
    assert split_members("order, law and justice", 7, frozenset({"law and justice"})) == ["order", "law and justice"]


def test_rules_file_is_valid():
    rules = enumerations.load_rules()
    assert rules.ordinals["second"] == 2 and "such as" in rules.example_cues


@pytest.mark.parametrize("content", ["counts: [two\n", "counts: [two]\n"])
def test_bad_rules_file_is_one_clear_error(tmp_path, content):
    path = tmp_path / "enumerations.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ExtractError) as caught:
        enumerations.load_rules(path)
    assert str(path) in str(caught.value) and "rules" in str(caught.value)
