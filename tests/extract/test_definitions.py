"""Definition rules: tables of small sentences of our own. Blank pipeline unless the rule needs entities."""
from __future__ import annotations

import pytest

from quizgen.errors import ExtractError
from quizgen.extract import definitions


def defs(make_doc, nlp, settings, text: str, name: str = "sample.txt") -> list[tuple[str, str, str]]:
    doc = make_doc(text, name)
    return [(d.term, d.definition, d.source.rule) for d in definitions.extract(doc, nlp, settings)]


@pytest.mark.parametrize(
    "text, term, definition, rule",
    [
        ("Crop rotation means growing different crops on the same field in turn.",
         "crop rotation", "growing different crops on the same field in turn", "def.means"),
        ("Erosion refers to the slow wearing away of rock by water and wind.",
         "erosion", "the slow wearing away of rock by water and wind", "def.means"),
        ('The term "tariff" involves a tax paid on goods that cross a border.',
         "tariff", "involves a tax paid on goods that cross a border", "def.term"),
        ('The term "guild" has several senses. First of all, it requires a shared craft among its members.',
         "guild", "requires a shared craft among its members", "def.term"),
        ("A watershed is an area of land that drains into one river.",
         "watershed", "an area of land that drains into one river", "def.copula"),
        ("Civic trust is both the basis of public order and the aim of good laws.",
         "civic trust", "both the basis of public order and the aim of good laws", "def.copula"),
        ("In essence, saving energy is to use less power for the same work.",
         "saving energy", "to use less power for the same work", "def.copula"),
        ("According to the handbook, a ledger is not merely a list of sums, but also a record of trust.",
         "ledger", "not merely a list of sums, but also a record of trust", "def.copula"),
        ("The key to a good harvest is therefore an early sowing of the seed.",
         "key to a good harvest", "an early sowing of the seed", "def.copula"),
        ("The town council, as a body that has members and rules, is a public authority.",
         "town council", "a body that has members and rules; a public authority", "def.copula"),
        ('The method is called a "slow read" because it asks pupils to pause after each line.',
         "slow read", "it asks pupils to pause after each line", "def.called"),
        ('The author has summarized the meaning of the reform as "lower fees and shorter queues."',
         "reform", "lower fees and shorter queues", "def.described-as"),
        ("The league wanted a new charter, which meant ending the old quarrels.",
         "new charter", "ending the old quarrels", "def.which-means"),
    ],
)
def test_sentence_rules_find_the_definition(make_doc, blank_nlp, settings, text, term, definition, rule):
    assert (term, definition, rule) in defs(make_doc, blank_nlp, settings, text)


@pytest.mark.parametrize(
    "text",
    [
        "The economy grew quickly in the last decade.",
        "It is a long road to the coast from here.",
        "This is the most important change of the century.",
        "Each village is a small world of its own.",
        "Some rivers are the borders between two states.",
        "First, the harvest is the main source of income.",
        "Therefore, reform is an urgent task for the council.",
        "The harbour is closed during the winter storms.",
        "Arden is a town in the north. The road to Arden is long and Arden has a market.",
        "The core of most old theories is the pursuit of power.",
        "The aim of the club is to teach chess, host tournaments and train coaches.",
        "The result is a loss of trust between the two towns.",
        "Today is a new day for the whole village.",
        "The debate is a long one, and it is far from settled.",
        'He said: "Trade is the lifeblood of the city."',
    ],
)
def test_not_definitions(make_doc, blank_nlp, settings, text):
    assert defs(make_doc, blank_nlp, settings, text) == []


def test_next_it_sentence_continues_the_definition(make_doc, blank_nlp, settings):
    text = "A glacier is a slow river of ice. It is the largest store of fresh water on land."
    [(term, definition, _)] = defs(make_doc, blank_nlp, settings, text)
    assert term == "glacier"
    assert definition == "a slow river of ice; is the largest store of fresh water on land"


def test_dummy_it_does_not_continue(make_doc, blank_nlp, settings):
    text = "A glacier is a slow river of ice. It is necessary to study it closely."
    [(_, definition, _)] = defs(make_doc, blank_nlp, settings, text)
    assert definition == "a slow river of ice"


def test_heading_as_is_a_definition(make_doc, blank_nlp, settings):
    text = "# Rules Of The Club\n\n## Patience as the first virtue\n\nGardens grow slowly and need care.\n"
    assert ("patience", "the first virtue", "def.heading-as") in defs(make_doc, blank_nlp, settings, text, "club.md")


def test_heading_and_the_sentence_under_it_make_one_item(make_doc, blank_nlp, settings):
    text = "# Rules Of The Club\n\n## Patience as the first virtue\n\nPatience is the first virtue of a gardener.\n"
    found = defs(make_doc, blank_nlp, settings, text, "club.md")
    assert [(t, d) for t, d, _ in found] == [("patience", "the first virtue; the first virtue of a gardener")]


def test_person_subject_needs_the_trained_pipeline(make_doc, blank_nlp, trained_nlp, settings):
    text = "Maria Lopez is a teacher at the village school."
    assert defs(make_doc, trained_nlp, settings, text) == []
    # without entities the rule cannot tell a name from a concept at the start of a sentence
    assert len(defs(make_doc, blank_nlp, settings, text)) == 1


def test_rules_file_is_valid():
    rules = definitions.load_rules()
    assert "means" in rules.defining_verbs and "it" in rules.rejected_subject_words


@pytest.mark.parametrize("content", ["counts: [two\n", "counts: [two]\n"])
def test_bad_rules_file_is_one_clear_error(tmp_path, content):
    path = tmp_path / "definitions.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ExtractError) as caught:
        definitions.load_rules(path)
    assert str(path) in str(caught.value) and "rules" in str(caught.value)
