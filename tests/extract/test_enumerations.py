"""Enumeration rules: tables of small texts of our own, on the blank pipeline (the rules need no model)."""

from __future__ import annotations

import pytest

from quizgen.errors import ExtractError
from quizgen.extract import enumerations
from quizgen.extract.enumerations import split_members


def lists(
    make_doc, nlp, settings, text: str, name: str = "sample.txt"
) -> list[tuple[tuple[str, ...], str]]:
    doc = make_doc(text, name)
    return [(item.members, item.source.rule) for item in enumerations.extract(doc, nlp, settings)]


@pytest.mark.parametrize(
    "text, members, rule",
    [
        (
            "The reform has exposed three gaps in the region: the skills gap, the housing gap, and the pay gap.",
            ("the skills gap", "the housing gap", "the pay gap"),
            "enum.count-cue",
        ),
        (
            "The city faces two pressing risks, namely flooding and drought, in the next decade.",
            ("flooding", "drought"),
            "enum.count-cue",
        ),
        (
            "The school adopted a charter featuring openness, care and rigour, and shared responsibility.",
            ("openness", "care and rigour", "shared responsibility"),
            "enum.cue",
        ),
        (
            "Members must follow the principles of honesty, thrift and patience.",
            ("honesty", "thrift", "patience"),
            "enum.kind-of",
        ),
        (
            "The board votes by a two-thirds majority on issues of pay and pensions, new members, and the budget.",
            ("pay and pensions", "new members", "the budget"),
            "enum.kind-of",
        ),
        (
            "The guild is characterized by loyalty, secrecy and skill.",
            ("loyalty", "secrecy", "skill"),
            "enum.cue",
        ),
        (
            "The aim of the club is to teach chess, host tournaments and train coaches.",
            ("teach chess", "host tournaments", "train coaches"),
            "enum.purpose",
        ),
        (
            "Soil, water and sunlight are three essential needs of every crop.",
            ("Soil", "water", "sunlight"),
            "enum.count-subject",
        ),
        (
            "A river is shaped by three forces, first the slope of its bed, second the volume of water, "
            "and third the hardness of the rock.",
            ("the slope of its bed", "the volume of water", "the hardness of the rock"),
            "enum.count-inline",
        ),
        (
            "Trade includes the exchange of grain, of cloth, of tools and of ideas.",
            ("exchange of grain", "exchange of cloth", "exchange of tools", "exchange of ideas"),
            "enum.distributed-of",
        ),
        (
            "The plan reflects the value of thrift, the value of work, and the value of family.",
            ("the value of thrift", "the value of work", "the value of family"),
            "enum.repeated-head",
        ),
        (
            "The town has become a keen member of, a loyal partner in, and a generous donor to the league.",
            ("a keen member", "a loyal partner", "a generous donor"),
            "enum.dangling-prep",
        ),
        (
            "The treaty rests on talks rather than threats and trade rather than tariffs.",
            ("talks rather than threats", "trade rather than tariffs"),
            "enum.rather-than",
        ),
        (
            'The mayor summarized the goals of the plan as "clean air, safe streets and good schools."',
            ("clean air", "safe streets", "good schools"),
            "enum.quoted-as",
        ),
        (
            'The decade featured "boom and bust" in the north, "growth and debt" in the south, and "calm" elsewhere.',
            ("boom and bust", "growth and debt", "calm"),
            "enum.quoted-features",
        ),
        (
            "The town built a new park that offers quiet paths, shaded benches, clean toilets, open lawns, and free parking.",
            ("quiet paths", "shaded benches", "clean toilets", "open lawns", "free parking"),
            "enum.long-list",
        ),
        (
            "Building a town of clean air, safe streets, good schools, busy markets, green parks and quiet nights "
            "is a long task.",
            (
                "clean air",
                "safe streets",
                "good schools",
                "busy markets",
                "green parks",
                "quiet nights",
            ),
            "enum.long-list",
        ),
        (
            "The league grew quickly, with the north cup and the city shield as its main contests.",
            ("the north cup", "the city shield"),
            "enum.as-its",
        ),
        (
            "Courage, honesty and thrift became the watchwords of the new guild.",
            ("Courage", "honesty", "thrift"),
            "enum.count-subject",
        ),
        (
            "The founding ideals of the guild were fair prices, honest weights, and open books.",
            ("fair prices", "honest weights", "open books"),
            "enum.copular-set",
        ),
        (
            "The fair drew many towns, the three largest delegations being Arden, Bexley, and Corby.",
            ("Arden", "Bexley", "Corby"),
            "enum.copular-set",
        ),
        (
            "The oldest members are Arden Mill and the Corby Works.",
            ("Arden Mill", "the Corby Works"),
            "enum.copular-set",
        ),
        (
            "The aims of the society were to plant trees, clean rivers and teach children.",
            ("plant trees", "clean rivers", "teach children"),
            "enum.purpose",
        ),
        (
            "The valley was settled by three peoples over the centuries: the hill farmers, the river traders, "
            "and the miners.",
            ("the hill farmers", "the river traders", "the miners"),
            "enum.count-cue",
        ),
        (
            "The fair is run by the founding towns: Arden, Bexley, and Corby.",
            ("Arden", "Bexley", "Corby"),
            "enum.colon-list",
        ),
        (
            "The council can send helpers—nurses, cooks, drivers, and teachers—to any flooded town.",
            ("nurses", "cooks", "drivers", "teachers"),
            "enum.dash-list",
        ),
        (
            "The league of the river ports (Arden, Bexley, Corby, and Dunmore) met each spring.",
            ("Arden", "Bexley", "Corby", "Dunmore"),
            "enum.paren-list",
        ),
        (
            "The club rests on three rules: 1) pay dues on time, 2) keep the tools clean, and 3) never fish at night.",
            ("pay dues on time", "keep the tools clean", "never fish at night"),
            "enum.numbered-inline",
        ),
        (
            "What the village lacked was a deep harbour and a road to the city.",
            ("a deep harbour", "a road to the city"),
            "enum.what-cleft",
        ),
        (
            "Arden Mill and the Corby Works are the oldest members of the guild.",
            ("Arden Mill", "the Corby Works"),
            "enum.set-subject",
        ),
        (
            'The town suffered floods, fires, and droughts—the so-called "three plagues" of the valley.',
            ("floods", "fires", "droughts"),
            "enum.count-after",
        ),
        (
            "The charter allows two kinds of meeting, one that any member may call and one that only the chair may call.",
            ("one that any member may call", "one that only the chair may call"),
            "enum.one-and-other",
        ),
        (
            "The clerk keeps the names of the ruling families: the Ardens, the Bexleys, and the Corbys.",
            ("the Ardens", "the Bexleys", "the Corbys"),
            "enum.colon-list",
        ),
        (
            "The court's reach is limited to quarrels between the towns and appeals from the village courts.",
            ("quarrels between the towns", "appeals from the village courts"),
            "enum.cue",
        ),
        (
            "International trade is the sum total of exports, imports, and transfers of capital.",
            ("exports", "imports", "transfers of capital"),
            "enum.cue",
        ),
        (
            "The valleys east of the ridge comprised Arden, Bexley, Corby, and the lower marshes.",
            ("Arden", "Bexley", "Corby", "the lower marshes"),
            "enum.copular-set",
        ),
        (
            "The mayor agreed only when she learned that (a) the bridge would be paid by the state and, "
            "(b) the old ferry would keep running, a promise the state later broke.",
            ("the bridge would be paid by the state", "the old ferry would keep running"),
            "enum.numbered-inline",
        ),
        (
            "The guild sought new members, on the one hand to train more weavers, and on the other to raise dues, "
            "especially from the rich.",
            ("to train more weavers", "to raise dues"),
            "enum.one-hand",
        ),
        (
            "The largest buyer of the wool was Arden (about 40%), followed by Bexley (25%) and Corby (10%).",
            ("Arden", "Bexley", "Corby"),
            "enum.ranked",
        ),
        (
            "The rival leagues Arden, Bexley, and Corby never met in a final.",
            ("Arden", "Bexley", "Corby"),
            "enum.names-after-kind",
        ),
        (
            "The council named the oak, the elm, and the beech as protected trees.",
            ("the oak", "the elm", "the beech"),
            "enum.as-kind",
        ),
        (
            "Every town joined except the hill villages of Arden, Bexley, Corby, and Dunmore.",
            ("Arden", "Bexley", "Corby", "Dunmore"),
            "enum.names-after-kind",
        ),
        (
            "The mayors of Arden, Bexley, Corby and Dunmore signed the river pact.",
            ("Arden", "Bexley", "Corby", "Dunmore"),
            "enum.names-after-kind",
        ),
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
        "The old roads were narrow and dangerous.",
        "The harvests were poor, but the prices stayed low.",
        "The delegates were present between May 1920 and June 1921.",
        "Two years ago, our costs each month were five times as high as they are today.",
        "The town needs clear rules: fair fees such as a flat rate, and open books.",
        "Protected rights: speech and assembly are protected.",
        "[4] Smith, Anna (2017). Rivers and Towns: A History of Mills, Ports and Bridges.",
        "Among the first towns to join the league were Arden, Bexley and Corby.",
        "He visited Arden and Bexley last spring.",  # a pair of names in passing
        "The talks considered two futures, one Arden and one Bexley, or a single town.",
    ],
)
def test_examples_and_plain_coordination_are_not_lists(make_doc, blank_nlp, settings, text):
    assert lists(make_doc, blank_nlp, settings, text) == []


def test_verb_phrases_keep_their_own_lists(make_doc, trained_nlp, settings):
    text = (
        "The chief goals of the guild are to protect the trade, the tools and the name of the craft, "
        "teach apprentices in every town, and to keep prices fair."
    )
    found = [members for members, _ in lists(make_doc, trained_nlp, settings, text)]
    assert (
        "protect the trade, the tools and the name of the craft",
        "teach apprentices in every town",
        "keep prices fair",
    ) in found


@pytest.mark.parametrize(
    "text, members",
    [
        # an "and" inside a member stays; a clause hung on a member is left out
        (
            "The guild keeps three rules: respect for elders and their homes, care for the tools, and honest trade.",
            ("respect for elders and their homes", "care for the tools", "honest trade"),
        ),
        (
            "Two bodies settle quarrels: the Town Court, which hears disputes between towns, and the Fair Court, "
            "which hears disputes between traders.",
            ("the Town Court", "the Fair Court"),
        ),
        (
            "The chief aims of the guild are training young workers, keeping fair prices, and building new halls.",
            ("training young workers", "keeping fair prices", "building new halls"),
        ),
    ],
)
def test_the_parse_says_where_members_end(make_doc, trained_nlp, settings, text, members):
    assert members in [found for found, _ in lists(make_doc, trained_nlp, settings, text)]


@pytest.mark.parametrize(
    "text",
    [
        "The old roads were narrow and winding.",  # adjectives, not a set
        "The winters were long, dark, and cold, especially in the hills.",
        "What the village needed was simple and cheap.",
        "The guild has on the one hand kept its old rules, and is on the other hand writing new ones.",
        "The new guild members were soon trained by masters, which kept standards high, and sent abroad.",
        "The town displays its motto: trust, work, and joy.",  # no plural names the set
    ],
)
def test_the_parse_refuses_predicates(make_doc, trained_nlp, settings, text):
    assert lists(make_doc, trained_nlp, settings, text) == []


def test_list_items_after_a_colon(make_doc, blank_nlp, settings):
    text = (
        "# Rules\n\nThe club keeps three rules:\n\n"
        "- Members pay their dues each month.\n- Guests sign the book, which lies by the door.\n"
        "- Nobody runs in the hall.\n\nThe rules are old.\n"
    )
    found = lists(make_doc, blank_nlp, settings, text, "club.md")
    assert (
        ("Members pay their dues each month", "Guests sign the book", "Nobody runs in the hall"),
        "enum.list-items",
    ) in found


@pytest.mark.parametrize(
    "intro",
    ["The club agreed on the following rules.", "The club keeps two rules."],
)
def test_list_items_after_the_following_or_a_count(make_doc, blank_nlp, settings, intro):
    text = f"# Club\n\n{intro}\n\n- Members pay their dues.\n- Guests sign the book.\n\nThe hall opens at six.\n"
    found = lists(make_doc, blank_nlp, settings, text, "club.md")
    assert (("Members pay their dues", "Guests sign the book"), "enum.list-items") in found


def test_list_items_under_a_heading_take_bold_leads(make_doc, blank_nlp, settings):
    text = (
        "# Club\n\nThe club meets weekly.\n\n## Duties of members\n\n"
        "- **Dues**: each member pays a small sum.\n- **Care**: each member tends the tools.\n"
    )
    found = lists(make_doc, blank_nlp, settings, text, "club.md")
    assert (("Dues", "Care"), "enum.list-items") in found


@pytest.mark.parametrize(
    "text",
    [
        # study aims speak to the reader; glossaries and link lists are not lists to recall
        "# Club\n\nBy the end of this section, you will be able to:\n\n- Name the rules.\n- Explain the dues.\n",
        "# Club\n\n## Key Terms\n\n- dues: a sum paid each month\n- hall: the room where members meet\n",
        "# Club\n\n## See also\n\n- Garden clubs\n- Chess clubs\n",
        "# Club\n\nThe club keeps two rules:\n\n- Pay dues.\n- Sign the book.\n- Keep quiet.\n",  # count disagrees
        "# Club\n\nHighlights of the year include:\n\n- A new roof.\n- Two new members.\n",  # a selection
        # numbered paragraphs of a report, not a list
        "# Report\n\n1. The guild met in May. It chose a new clerk.\n\n2. The hall needs a roof. Funds are short.\n\n"
        "3. The fair went well. Sales rose.\n",
    ],
)
def test_list_items_that_are_not_lists(make_doc, blank_nlp, settings, text):
    assert [
        rule
        for _, rule in lists(make_doc, blank_nlp, settings, text, "club.md")
        if rule == "enum.list-items"
    ] == []


def test_items_run_together_in_plain_text(make_doc, blank_nlp, settings):
    text = (
        "Today I will speak about three matters: -- how we pay for the bridge; -- how we build it; "
        "and -- how we keep it open. The bridge is old."
    )
    found = lists(make_doc, blank_nlp, settings, text)
    assert (
        ("how we pay for the bridge", "how we build it", "how we keep it open"),
        "enum.inline-items",
    ) in found


def test_ordinal_sequence_runs_across_sentences_and_paragraphs(make_doc, blank_nlp, settings):
    text = (
        "The drought had effects in the following three areas.\n\n"
        "First, farmers lost most of their harvest, but some stored grain. Prices then rose.\n\n"
        "Second, the rivers fell to record lows. Boats stopped running.\n\n"
        "Finally, many families moved to the towns.\n"
    )
    found = lists(make_doc, blank_nlp, settings, text)
    assert found == [
        (
            (
                "farmers lost most of their harvest",
                "the rivers fell to record lows",
                "many families moved to the towns",
            ),
            "enum.ordinal-sequence",
        )
    ]


def test_second_after_an_unmarked_first_step(make_doc, blank_nlp, settings):
    text = (
        "A number of changes had taken place since the last fair. The old mill had closed; its workers left.\n\n"
        "Second, the town had a new mayor. She came from the coast.\n\n"
        "Third, the river had flooded twice.\n"
    )
    assert (
        ("the old mill had closed", "the town had a new mayor", "the river had flooded twice"),
        "enum.ordinal-sequence",
    ) in lists(make_doc, blank_nlp, settings, text)


def test_inline_first_of_all_opens_a_sequence(make_doc, blank_nlp, settings):
    text = (
        "To reach this goal, we should first of all train the staff. Second, we should buy new tools. "
        "Third, we should open a second site."
    )
    [(members, rule)] = lists(make_doc, blank_nlp, settings, text)
    assert members == ("train the staff", "buy new tools", "open a second site")


def test_ordinal_nouns_count_up_across_sentences(make_doc, blank_nlp, settings):
    text = (
        "The case rests on three claims. The first claim is that all towns need water. Water costs money. "
        "The second claim is that money comes from taxes. The final claim is that taxes need votes."
    )
    assert (
        ("all towns need water", "money comes from taxes", "taxes need votes"),
        "enum.ordinal-nouns",
    ) in lists(make_doc, blank_nlp, settings, text)


def test_ordinal_without_a_noun_counts_up(make_doc, blank_nlp, settings):
    text = (
        "The river has two dangers. The first is that it floods in spring. "
        "The second is that it dries up in summer."
    )
    assert (("it floods in spring", "it dries up in summer"), "enum.ordinal-nouns") in lists(
        make_doc, blank_nlp, settings, text
    )


def test_parallel_sentences_named_by_the_next(make_doc, blank_nlp, settings):
    text = (
        "The town has changed. We have opened a new school. We have paved the main road. "
        "We have planted an orchard. These are real gains, but more is needed."
    )
    assert (
        ("opened a new school", "paved the main road", "planted an orchard"),
        "enum.parallel-named",
    ) in lists(make_doc, blank_nlp, settings, text)


@pytest.mark.parametrize(
    "text",
    [
        # closed by a sentence that names them
        "The club keeps one approach to guests: We greet each guest. We show each guest the hall. "
        "These habits are old.",
        # or by the count in the announcement
        "The club keeps two habits with guests: We greet each guest. We show each guest the hall. The hall is big.",
    ],
)
def test_sentences_a_colon_announces(make_doc, blank_nlp, settings, text):
    assert (
        ("We greet each guest", "We show each guest the hall"),
        "enum.colon-sentences",
    ) in lists(make_doc, blank_nlp, settings, text)


def test_a_quantity_is_no_count(make_doc, blank_nlp, settings):
    text = (
        "Consider what we thought impossible two years ago: We kept the mill open. The river stayed clean. "
        "The town grew."
    )
    assert [
        rule
        for _, rule in lists(make_doc, blank_nlp, settings, text)
        if rule == "enum.colon-sentences"
    ] == []


def test_ordinals_that_name_what_they_count(make_doc, blank_nlp, settings):
    text = (
        "The towns signed two charters. The first, called the River Charter, shared the water. "
        "The second, called the Road Charter, shared the tolls."
    )
    assert (("the River Charter", "the Road Charter"), "enum.ordinal-nouns") in lists(
        make_doc, blank_nlp, settings, text
    )


def test_the_other_completes_a_pair(make_doc, blank_nlp, settings):
    text = "The town learned the risk of flooding. The other risk -- one the mayor feared more -- is drought."
    assert (("flooding", "drought"), "enum.the-other") in lists(make_doc, blank_nlp, settings, text)


def test_ordinal_time_is_not_a_list(make_doc, blank_nlp, settings):
    text = "The first time we met, it rained. The second time was sunny."
    assert lists(make_doc, blank_nlp, settings, text) == []


def test_broken_sequence_is_not_a_list(make_doc, blank_nlp, settings):
    text = "First, the wind rose. Then it rained for days. Third, the roads closed."
    assert lists(make_doc, blank_nlp, settings, text) == []


@pytest.mark.parametrize(
    "text, members",
    [
        (
            "The region needs trust, dialogue and restraint. These components of peace are hard to build.",
            ("trust", "dialogue", "restraint"),
        ),
        (
            "Trust, dialogue and restraint keep the region calm. These values are shared by all.",
            ("Trust", "dialogue", "restraint"),
        ),
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
    assert (
        ("Patience as the first virtue", "Care as the daily habit", "Sharing as the club spirit"),
        "enum.parallel-headings",
    ) in found


def test_parallel_paragraph_openers_under_a_heading(make_doc, blank_nlp, settings):
    text = (
        "# Lessons\n\n"
        "Clear reporting channels should be built. Staff need to know whom to call.\n\n"
        "Regular safety drills should be held. Drills save lives.\n\n"
        "Shared supply depots should gradually be established. Depots shorten delays.\n"
    )
    found = lists(make_doc, blank_nlp, settings, text, "lessons.md")
    assert (
        ("clear reporting channels", "regular safety drills", "shared supply depots"),
        "enum.parallel-openers",
    ) in found


def test_a_list_stated_twice_is_one_item(make_doc, blank_nlp, settings):
    text = (
        "The league has a charter featuring honesty, courage and kindness. "
        "Its members keep the principles of honesty, courage and kindness."
    )
    assert len(lists(make_doc, blank_nlp, settings, text)) == 1


@pytest.mark.parametrize(
    "span, members",
    [
        ("red, green, and blue", ["red", "green", "blue"]),
        ("red, green and blue", ["red", "green", "blue"]),
        ("trust, fairness and justice, and peace", ["trust", "fairness and justice", "peace"]),
        (
            "open talks, fair rules and shared gains, and settle every quarrel in a calm and patient way",
            ["open talks", "fair rules", "shared gains"],
        ),
        (
            "the north, the south, and the west, in the coming years",
            ["the north", "the south", "the west"],
        ),
    ],
)
def test_split_members(span, members):
    assert split_members(span, 7) == members


def test_vocabulary_pair_stays_one_member(make_doc, blank_nlp, settings):
    from quizgen.config import Settings

    text = "The league has a charter featuring trust, law and order and courage."
    plain = lists(make_doc, blank_nlp, settings, text)
    tuned = lists(
        make_doc,
        blank_nlp,
        Settings.model_validate({"extract": {"vocabulary": ["law and order"]}}),
        text,
    )
    assert plain == [(("trust", "law", "order and courage"), "enum.cue")]
    assert tuned == [(("trust", "law and order", "courage"), "enum.cue")]


def test_known_pair_stays_whole():
    assert split_members("order, law and justice", 7, frozenset({"law and justice"})) == [
        "order",
        "law and justice",
    ]


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
