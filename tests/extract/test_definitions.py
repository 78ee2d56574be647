"""Definition rules: tables of small sentences of our own. Blank pipeline unless the rule needs entities."""

from __future__ import annotations

import pytest

from quizgen.errors import ExtractError
from quizgen.extract import definitions


def defs(
    make_doc, nlp, settings, text: str, name: str = "sample.txt"
) -> list[tuple[str, str, str]]:
    doc = make_doc(text, name)
    return [(d.term, d.definition, d.source.rule) for d in definitions.extract(doc, nlp, settings)]


@pytest.mark.parametrize(
    "text, term, definition, rule",
    [
        (
            "Crop rotation means growing different crops on the same field in turn.",
            "crop rotation",
            "growing different crops on the same field in turn",
            "def.means",
        ),
        (
            "Erosion refers to the slow wearing away of rock by water and wind.",
            "erosion",
            "the slow wearing away of rock by water and wind",
            "def.means",
        ),
        (
            'The term "tariff" involves a tax paid on goods that cross a border.',
            "tariff",
            "involves a tax paid on goods that cross a border",
            "def.term",
        ),
        (
            'The term "guild" has several senses. First of all, it requires a shared craft among its members.',
            "guild",
            "requires a shared craft among its members",
            "def.term",
        ),
        (
            "A watershed is an area of land that drains into one river.",
            "watershed",
            "an area of land that drains into one river",
            "def.copula",
        ),
        (
            "Civic trust is both the basis of public order and the aim of good laws.",
            "civic trust",
            "both the basis of public order and the aim of good laws",
            "def.copula",
        ),
        (
            "In essence, saving energy is to use less power for the same work.",
            "saving energy",
            "to use less power for the same work",
            "def.copula",
        ),
        (
            "According to the handbook, a ledger is not merely a list of sums, but also a record of trust.",
            "ledger",
            "not merely a list of sums, but also a record of trust",
            "def.copula",
        ),
        (
            "The key to a good harvest is therefore an early sowing of the seed.",
            "key to a good harvest",
            "an early sowing of the seed",
            "def.copula",
        ),
        (
            "The town council, as a body that has members and rules, is a public authority.",
            "town council",
            "a body that has members and rules; a public authority",
            "def.copula",
        ),
        (
            'The method is called a "slow read" because it asks pupils to pause after each line.',
            "slow read",
            "it asks pupils to pause after each line",
            "def.called",
        ),
        (
            'The author has summarized the meaning of the reform as "lower fees and shorter queues."',
            "reform",
            "lower fees and shorter queues",
            "def.described-as",
        ),
        (
            "The league wanted a new charter, which meant ending the old quarrels.",
            "new charter",
            "ending the old quarrels",
            "def.which-means",
        ),
        (
            'The phrase "a rising tide" is often used to describe growth that helps every class.',
            "rising tide",
            "used to describe growth that helps every class",
            "def.term",
        ),
        (
            "By civic trust we mean the confidence citizens place in each other.",
            "civic trust",
            "the confidence citizens place in each other",
            "def.means",
        ),
    ],
)
def test_sentence_rules_find_the_definition(
    make_doc, blank_nlp, settings, text, term, definition, rule
):
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
    assert ("patience", "the first virtue", "def.heading-as") in defs(
        make_doc, blank_nlp, settings, text, "club.md"
    )


def test_heading_and_the_sentence_under_it_make_one_item(make_doc, blank_nlp, settings):
    text = "# Rules Of The Club\n\n## Patience as the first virtue\n\nPatience is the first virtue of a gardener.\n"
    found = defs(make_doc, blank_nlp, settings, text, "club.md")
    assert [(t, d) for t, d, _ in found] == [
        ("patience", "the first virtue; the first virtue of a gardener")
    ]


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


@pytest.mark.parametrize(
    "text, term, definition, rule",
    [
        (
            "The elders created a council called the Assembly of Clans.",
            "Assembly of Clans",
            "a council",
            "def.known-as",
        ),
        ("Migrant herders are often called nomads.", "nomads", "Migrant herders", "def.known-as"),
        (
            "The Port Board was founded in 1850 to keep the harbour safe.",
            "Port Board",
            "founded in 1850 to keep the harbour safe",
            "def.made-for",
        ),
        (
            "The purpose of the guild was to train young weavers.",
            "guild",
            "to train young weavers",
            "def.purpose",
        ),
        (
            "Travellers reached the Silk Road (the network of trade routes across Asia) by caravan.",
            "Silk Road",
            "the network of trade routes across Asia",
            "def.gloss",
        ),
        (
            "A watershed can be defined as an area of land that drains into one river.",
            "watershed",
            "an area of land that drains into one river",
            "def.means",
        ),
        (
            "Regionalism, or pride in a local identity, rose to prominence.",
            "regionalism",
            "pride in a local identity",
            "def.gloss",
        ),
        (
            "They bond over a sense of shared purpose—what Weber calls civic spirit—and unite.",
            "civic spirit",
            "a sense of shared purpose",
            "def.gloss",
        ),
        (
            "All ports signed the Harbour Accords, a series of treaties that set fair tolls.",
            "Harbour Accords",
            "a series of treaties that set fair tolls",
            "def.appositive",
        ),
    ],
)
def test_rule_only_path_without_a_parse(
    make_doc, blank_nlp, settings, text, term, definition, rule
):
    assert (term, definition, rule) in defs(make_doc, blank_nlp, settings, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kerry Blake, a research fellow at the institute, said so.",  # a person by role
        "The death of Tom Reed, a farmer who lost his land, caused riots.",  # "who": a person
        "About half of Liberals, a quarter of Greens, and most Tories agreed.",  # shares
        "However, a series of problems have emerged.",  # a discourse word, not a name
    ],
)
def test_rule_only_appositives_refuse(make_doc, blank_nlp, settings, text):
    assert defs(make_doc, blank_nlp, settings, text) == []


def test_so_called_is_not_a_naming(make_doc, blank_nlp, settings):
    assert (
        defs(
            make_doc,
            blank_nlp,
            settings,
            "They hoped for the so-called “herd immunity,” an approach that failed.",
        )
        == []
    )


# ----------------------------------------------------------------- trained pipeline: constructions over the parse


@pytest.mark.parametrize(
    "text, term, definition, rule",
    [
        (
            "Inflation is a general rise in the prices of goods over time.",
            "inflation",
            "a general rise in the prices of goods over time",
            "def.copula",
        ),
        (
            "Enzymes are proteins that speed up chemical reactions.",
            "enzymes",
            "proteins that speed up chemical reactions",
            "def.copula",
        ),
        (
            "Taxation is another way governments shape behaviour: if you do not pay, the state punishes you.",
            "taxation",
            "another way governments shape behaviour",
            "def.copula",
        ),
        (
            "Law is not written in one book; rather, it is the sum of many treaties and customs.",
            "law",
            "the sum of many treaties and customs",
            "def.copula",
        ),
        (
            "The purpose of the guild was to train young weavers and set fair prices.",
            "guild",
            "to train young weavers and set fair prices",
            "def.purpose",
        ),
        (
            "A watershed is conceived as an area of land that drains into one river.",
            "watershed",
            "an area of land that drains into one river",
            "def.defined-as",
        ),
        (
            "Wealth is defined not as money in the bank but as the power to choose.",
            "wealth",
            "not as money in the bank but as the power to choose",
            "def.defined-as",
        ),
        (
            "The tribunal was established in 1920 to settle disputes between the ports.",
            "tribunal",
            "established in 1920 to settle disputes between the ports",
            "def.made-for",
        ),
        (
            "The council serves as a forum for the villages to settle their quarrels.",
            "council",
            "serves as a forum for the villages to settle their quarrels",
            "def.serves-as",
        ),
        (
            "Barter, an exchange of goods without money, was common in the valley.",
            "barter",
            "an exchange of goods without money",
            "def.appositive",
        ),
        (
            "Only the militia—a body of armed citizens—could keep order.",
            "militia",
            "a body of armed citizens",
            "def.appositive",
        ),
        (
            "The towns joined a trade league, the Northern Hanse, in 1350.",
            "Northern Hanse",
            "a trade league",
            "def.appositive",
        ),
        (
            "A kind of early bank, the Monte di Pieta lent money to the poor.",
            "Monte di Pieta",
            "A kind of early bank that lent money to the poor",
            "def.appositive",
        ),
        (
            "The farmers formed a group of cooperatives known as the Valley Union.",
            "Valley Union",
            "a group of cooperatives",
            "def.known-as",
        ),
        (
            "Migrant herders are often referred to as nomads.",
            "nomads",
            "Migrant herders",
            "def.known-as",
        ),
        (
            "The elders created a council called the Assembly of Clans.",
            "Assembly of Clans",
            "a council",
            "def.known-as",
        ),
        (
            "They shared a sense of common purpose—what the author calls civic spirit—and worked together.",
            "civic spirit",
            "a sense of common purpose",
            "def.gloss",
        ),
        (
            "The Harbour Scheme (officially the Coastal Works Programme, CWP) was passed in 1890.",
            "Coastal Works Programme",
            "The Harbour Scheme",
            "def.known-as",
        ),
        (
            "A new council of elders chosen by the towns should be created (known as the Valley Board).",
            "Valley Board",
            "A new council of elders chosen by the towns",
            "def.known-as",
        ),
        (
            "In his memoirs, he refers to the meeting by its code name, Lantern.",
            "Lantern",
            "its code name",
            "def.appositive",
        ),
        (
            "The king raised tariffs—that is, taxes on imported goods—to fill the treasury.",
            "tariffs",
            "taxes on imported goods",
            "def.gloss",
        ),
        (
            "Regionalism, or pride in a local identity based on shared history, rose to prominence in the last century.",
            "regionalism",
            "pride in a local identity based on shared history",
            "def.gloss",
        ),
    ],
)
def test_parse_constructions_find_the_definition(
    make_doc, trained_nlp, settings, text, term, definition, rule
):
    assert (term, definition, rule) in defs(make_doc, trained_nlp, settings, text)


@pytest.mark.parametrize(
    "text",
    [
        "Legitimacy is a vague concept.",  # a bare judgement
        "The main problem was the war in the south.",  # picks a thing out, names it
        "Three areas of law are the law of the sea, trade law and the law of war.",  # a list: an enumeration
        "Maria Lopez, a teacher at the village school, arrived late.",  # a person
        "Jan Kowalczyk, the Polish representative, entered the talks late.",  # a person by role, the NER or not
        "Funding is not the only limitation on the council.",  # negated
        "The philosophy of the court is that “every citizen has a duty to obey the laws of the state.”",  # quoted
        "Trade grew quickly after the war.",
        "Figure 3.2 The harbour is the home of the fleet.",  # a caption
        "Global bodies such as the Postal Union are agencies of the league.",  # said of the examples
        "The result was a loss of trust between the towns.",  # a shell noun
        "The company stopped paying the fee, a move that angered the workers.",  # comments on the clause
        "The deal is a victory for the mayor.",  # a judgement
        "Large firms in rich countries are staunch supporters of free trade.",  # no article, no restricting clause
        "The war was a tragedy for both sides.",
    ],
)
def test_parse_guards_refuse(make_doc, trained_nlp, settings, text):
    assert defs(make_doc, trained_nlp, settings, text) == []


# ----------------------------------------------------------------- marks, glossaries, tables (both pipelines)


@pytest.mark.parametrize("pipeline", ["blank_nlp", "trained_nlp"])
def test_glossary_lines_under_a_key_terms_heading(make_doc, settings, pipeline, request):
    text = (
        "# Trade\n\nSome text about trade.\n\n## Key Terms\n\n- **tariff**: a tax on imported goods\n"
        "- **quota**: a limit on the amount of a good that may be imported\n"
    )
    found = defs(make_doc, request.getfixturevalue(pipeline), settings, text, "trade.md")
    assert ("tariff", "a tax on imported goods", "def.glossary") in found
    assert (
        "quota",
        "a limit on the amount of a good that may be imported",
        "def.glossary",
    ) in found


@pytest.mark.parametrize("pipeline", ["blank_nlp", "trained_nlp"])
def test_marked_term_with_a_gloss(make_doc, settings, pipeline, request):
    text = "# Money\n\nOver time the towns adopted **fiat money**—a currency with no backing in gold.\n"
    found = defs(make_doc, request.getfixturevalue(pipeline), settings, text, "money.md")
    assert ("fiat money", "a currency with no backing in gold") in [(t, d) for t, d, _ in found]


def test_a_mark_alone_is_not_a_definition(make_doc, blank_nlp, trained_nlp, settings):
    text = "# Money\n\n**Coinage** spread quickly across the region.\n"
    assert defs(make_doc, blank_nlp, settings, text, "money.md") == []
    assert defs(make_doc, trained_nlp, settings, text, "money.md") == []


def test_quoted_term_before_that_is(make_doc, blank_nlp, settings):
    text = "Rulers imposed “salt duties”—that is, taxes on every sack of salt sold in the market."
    assert ("salt duties", "taxes on every sack of salt sold in the market", "def.marked") in defs(
        make_doc, blank_nlp, settings, text
    )


def test_table_with_a_purpose_column(make_doc, blank_nlp, settings):
    text = (
        "# Bodies\n\n| Body | Purpose | Founded |\n|---|---|---|\n"
        "| Port Board | To keep the harbour dredged and safe | 1850 |\n"
        "| Grain Court | To settle quarrels over weights | 1862 |\n"
    )
    found = defs(make_doc, blank_nlp, settings, text, "bodies.md")
    assert ("Port Board", "To keep the harbour dredged and safe", "def.table") in found
    assert ("Grain Court", "To settle quarrels over weights", "def.table") in found


def test_reference_sections_are_not_read(make_doc, blank_nlp, settings):
    text = (
        "# Ports\n\nSome text.\n\n## Further reading\n\n- Harbour Law: a history of the old ports\n"
    )
    assert defs(make_doc, blank_nlp, settings, text, "ports.md") == []


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "# Terms\n\nSome words about trade here.\n\ntariff\n: a tax on imported goods\n\nquota\n: a limit on imports of a good\n",
            "terms.md",
        ),  # a Markdown definition list
        (
            "# Terms\n\nSome words about trade here.\n\nGlossary\n\nTariff - a tax on imported goods.\n"
            "Quota - a limit on imports of a good.\n",
            "terms.txt",
        ),  # plain lines under a glossary heading
    ],
)
def test_glossary_shapes(make_doc, blank_nlp, settings, text, name):
    found = [(t.lower(), d) for t, d, _ in defs(make_doc, blank_nlp, settings, text, name)]
    assert found == [
        ("tariff", "a tax on imported goods"),
        ("quota", "a limit on imports of a good"),
    ]


def test_html_marks_and_dfn(make_doc, blank_nlp, settings):
    text = (
        "<html><body><h1>Trade</h1><p>Over time the towns adopted <b>fiat money</b>, a currency with no "
        "backing in gold.</p><p>A <dfn>tariff</dfn> is a tax on imported goods.</p></body></html>"
    )
    found = [(t, d) for t, d, _ in defs(make_doc, blank_nlp, settings, text, "trade.html")]
    assert ("fiat money", "a currency with no backing in gold") in found
    assert ("tariff", "a tax on imported goods") in found
