"""Attributed quotations: tables of our own sentences, on the blank and the trained pipeline."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from quizgen.config import Settings
from quizgen.extract import quotes
from quizgen.models import Document, Paragraph, Sentence

PIPELINES = ["blank_nlp", "trained_nlp"]


def run(make_doc, nlp, settings, text):
    return list(quotes.extract(make_doc(text), nlp, settings))


@pytest.mark.parametrize("pipeline", PIPELINES)
@pytest.mark.parametrize(
    ("text", "speaker", "starts", "rule"),
    [
        # X wrote, "..."
        (
            'The historian Maria Lopez wrote, "Every empire believes that it will last forever, '
            'and every one of them is wrong."',
            "Maria Lopez",
            "Every empire believes",
            "quote.leading",
        ),
        # "...," he said: the person named just before
        (
            "Former Mayor John Carter spoke to the crowd at length. “We have built more schools in four "
            "years than in the previous twenty,” he said.",
            "John Carter",
            "We have built",
            "quote.trailing",
        ),
        # "...," said X
        (
            "“Nobody in this valley has ever seen a winter as dry as this one,” said Karl Weber, a farmer "
            "near the river.",
            "Karl Weber",
            "Nobody in this valley",
            "quote.trailing",
        ),
        # X did something: "..."
        (
            "Peter Holm, Minister of Health, criticised the plan in a radio interview: “This budget leaves "
            "thousands of families without a doctor they can reach.”",
            "Peter Holm",
            "This budget",
            "quote.colon",
        ),
        # to X's warning: "..."
        (
            "The flood recalls Tom Baxter’s warning: “A city that forgets its rivers will one day be "
            "reminded of them by water.”",
            "Tom Baxter",
            "A city that forgets",
            "quote.possessive",
        ),
        # according to X, "..." / according to X, the thing "..."
        (
            "According to Laura Kim, “the new bridge has cut the journey to the market from two hours "
            "to twenty minutes.”",
            "Laura Kim",
            "the new bridge",
            "quote.phrase",
        ),
        (
            "According to the World Health Organization, the new vaccine “has prevented more than two million "
            "deaths in its first three years of use.”",
            "World Health Organization",
            "has prevented",
            "quote.phrase",
        ),
        # a bare surname takes the full name given before
        (
            "The economist Ruth Adler studied the crisis for years. Adler wrote, “No bank failed because "
            "of one bad loan; they failed because of a thousand small ones.”",
            "Ruth Adler",
            "No bank failed",
            "quote.leading",
        ),
        # X told reporters, "..."
        (
            "Lena Ortiz told reporters on Monday, “The water supply will be restored to every district before "
            "the end of the week.”",
            "Lena Ortiz",
            "The water supply",
            "quote.leading",
        ),
        # X declared that the thing "...": a quotation inside reported speech
        (
            "Governor Alan Price declared that the state “will not rebuild a single road until every bridge "
            "is safe again.”",
            "Alan Price",
            "will not rebuild",
            "quote.leading",
        ),
        # X called it "..." / with X calling it "..."
        (
            "The poet Irene Sato called the new law “a fence around the one field that every child in the "
            "village used to share.”",
            "Irene Sato",
            "a fence around",
            "quote.leading",
        ),
        (
            "The council voted to close the mill, with Ana Gil calling it “the hardest decision this town "
            "has had to make in fifty years.”",
            "Ana Gil",
            "the hardest decision",
            "quote.leading",
        ),
        # an organisation speaks
        (
            "The Foreign Ministry said in a statement that the talks “had ended without any agreement on "
            "the future of the border.”",
            "Foreign Ministry",
            "had ended",
            "quote.leading",
        ),
        # "the ministry": the organisation named in full before
        (
            "The Foreign Ministry of Norland issued a long statement on Monday. The ministry said that the talks "
            "“had ended without any agreement on the future of the border.”",
            "Foreign Ministry of Norland",
            "had ended",
            "quote.leading",
        ),
        # "the President": the person of that title named before
        (
            "President Ellen Ward opened the session in the morning. In the afternoon the President said that "
            "the country “will have clean water in every village within five years.”",
            "Ellen Ward",
            "will have clean water",
            "quote.leading",
        ),
        # he: the subject, not the other person named in the sentence
        (
            "When Omar Diaz met Lena Park in the capital, he said that the treaty “would be signed before the "
            "first snow fell on the mountains.”",
            "Omar Diaz",
            "would be signed",
            "quote.leading",
        ),
        # she: further back, past sentences whose subject is she again (a name the small NER model knows)
        (
            "Helen Morris was born in a fishing village. She later moved to the city. She wrote in her diary, "
            "“The sea taught me patience, and the city taught me how little of it I had left.”",
            "Helen Morris",
            "The sea taught me",
            "quote.leading",
        ),
        # a job title is cut off the name
        (
            "Secretary of State Paul Brandt said, “Our embassy will stay open for as long as a single citizen "
            "needs its help.”",
            "Paul Brandt",
            "Our embassy",
            "quote.leading",
        ),
        # nested single quotes stay in the text
        (
            "Anna Reyes wrote, “The mayor calls it ‘progress’, but the old harbour has lost half of its "
            "boats in ten years.”",
            "Anna Reyes",
            "The mayor calls it ‘progress’",
            "quote.leading",
        ),
    ],
)
def test_attributed_quotes(request, make_doc, settings, pipeline, text, speaker, starts, rule):
    nlp = request.getfixturevalue(pipeline)
    [item] = run(make_doc, nlp, settings, text)
    assert (item.speaker, item.source.rule) == (speaker, rule)
    assert item.text.startswith(starts) and "“" not in item.text and '"' not in item.text


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_a_quote_interrupted_by_its_attribution_is_one_item(request, make_doc, settings, pipeline):
    text = (
        '“The river gave this town its trade," Anna Reyes wrote, "and the river will take it away '
        "again if we let it.”"
    )
    [item] = run(make_doc, request.getfixturevalue(pipeline), settings, text)
    assert item.speaker == "Anna Reyes"
    assert (
        item.text
        == "The river gave this town its trade, and the river will take it away again if we let it."
    )
    assert item.source.rule == "quote.interrupted"


@pytest.mark.parametrize("pipeline", PIPELINES)
@pytest.mark.parametrize(
    ("intro", "speaker"),
    [
        ("In her last speech to the assembly, Governor Ruth Mensah said:", "Ruth Mensah"),
        (
            "Tomas Berg served on the river board for thirty years. He wrote in his memoirs:",
            "Tomas Berg",
        ),
    ],
)
def test_a_block_quote_takes_the_speaker_from_the_sentence_before(
    request, settings, make_doc, pipeline, intro, speaker
):
    text = (
        f"{intro}\n\n> We did not inherit this river from our parents; we are borrowing it from the "
        "children who will fish in it after us.\n\nThe board adopted the plan.\n"
    )
    [item] = quotes.extract(
        make_doc(text, "speech.md"), request.getfixturevalue(pipeline), settings
    )
    assert (item.speaker, item.source.rule) == (speaker, "quote.block")
    assert item.text.startswith("We did not inherit") and item.text.endswith("after us.")


def test_a_bare_surname_takes_the_full_name_and_role_of_the_first_mention(
    make_doc, blank_nlp, settings
):
    text = (
        "Ruth Adler, an economist at the central bank, studied the crisis for years. Adler wrote, “No bank "
        "failed because of one bad loan; they failed because of a thousand small ones.”"
    )
    [item] = run(make_doc, blank_nlp, settings, text)
    assert (item.speaker, item.role) == ("Ruth Adler", "an economist at the central bank")


def test_titles_are_dropped_and_the_role_kept(make_doc, blank_nlp, settings):
    text = (
        "Peter Holm, Minister of Health, criticised the plan in a radio interview: “This budget leaves "
        "thousands of families without a doctor they can reach.”"
    )
    [item] = run(make_doc, blank_nlp, settings, text)
    assert (item.speaker, item.role) == ("Peter Holm", "Minister of Health")
    text = (
        "Former Prime Minister Ellen Ward spoke last. “A country that cannot feed its children "
        "cannot call itself rich,” she said."
    )
    [item] = run(make_doc, blank_nlp, settings, text)
    assert (item.speaker, item.role) == ("Ellen Ward", "Former Prime Minister")


def test_a_title_that_is_part_of_a_name_stays(make_doc, blank_nlp, settings):
    text = (
        "The bishops met in spring, with Pope Leo X calling the decree “a wound in the body of the church "
        "that no council can heal.”"
    )
    [item] = run(make_doc, blank_nlp, settings, text)
    assert item.speaker == "Pope Leo X"


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_a_following_quote_carries_the_same_speaker(request, make_doc, settings, pipeline):
    text = (
        "Nora Vance wrote that the harbour had “changed beyond recognition.” “Ships that once waited "
        "weeks for a berth now leave within a day of arriving.”"
    )
    [item] = run(make_doc, request.getfixturevalue(pipeline), settings, text)
    assert (item.speaker, item.source.rule) == ("Nora Vance", "quote.carried")
    assert item.text.startswith("Ships that once waited")


@pytest.mark.parametrize("pipeline", PIPELINES)
@pytest.mark.parametrize(
    "text",
    [
        # scare quotes and short phrases are terms, not quotes
        "The minister called the plan a “historic step forward” and left the room.",
        'Tom Hale said, "We will see about that."',
        # no identifiable speaker
        "A sign at the gate read: “No entry for vehicles heavier than three tonnes without a permit.”",
        "“Nothing in this town has changed since the mill closed and the trains stopped coming.”",
        "Critics said the plan “would leave thousands of families without a doctor they can reach.”",
        # "States" is not a speech verb
        "Trade between Canada and the United States “grew faster in that decade than in the forty years before.”",
        # a document is not a speaker
        "The old directive was replaced by a new one, stating that ports “must remain open to ships of every "
        "flag at all hours of the day.”",
        # the title of a work
        "The museum bought a painting titled “The Harbour at Dawn With Three Fishing Boats and a Lighthouse” last year.",
        "Figure 3 The harbour wall. (credit: “Fishermen mending their nets on the harbour wall at dawn in early "
        "spring” by Tom Hale)",
        # another person named between: the speaker does not carry over
        "Nora Vance wrote that the harbour had “changed beyond recognition.” Tom Hale disagreed. "
        "“Ships that once waited weeks for a berth now leave within a day of arriving.”",
    ],
)
def test_not_attributed_quotes(request, make_doc, settings, pipeline, text):
    assert run(make_doc, request.getfixturevalue(pipeline), settings, text) == []


def test_extra_speech_verbs_come_from_settings(make_doc, blank_nlp, settings):
    text = "Lena Park teased, “Every committee I have joined has produced a report and a new committee.”"
    assert run(make_doc, blank_nlp, settings, text) == []
    extended = Settings.model_validate({"extract": {"speech_verbs": ["teased"]}})
    [item] = run(make_doc, blank_nlp, extended, text)
    assert item.speaker == "Lena Park"


def test_min_quote_words_comes_from_settings(make_doc, blank_nlp):
    text = 'Tom Hale said, "We will see about that."'
    short = Settings.model_validate({"extract": {"min_quote_words": 4}})
    [item] = run(make_doc, blank_nlp, short, text)
    assert item.text == "We will see about that."


def _sentence(text: str, line: int, paragraph: int) -> Sentence:
    return Sentence(text=text, line=line, end_line=line, offset=0, paragraph=paragraph)


def _paragraph(index: int, kind: str, sentences: list[str], line: int) -> Paragraph:
    parsed = tuple(_sentence(s, line, index) for s in sentences)
    return Paragraph(
        index=index, kind=kind, text=" ".join(sentences), line=line, end_line=line, sentences=parsed
    )


def test_a_pull_quote_takes_the_speaker_from_its_caption(blank_nlp, settings):
    doc = Document(
        path="pull.txt",
        name="pull.txt",
        format="text",
        checksum="0",
        metadata={},
        paragraphs=(
            _paragraph(0, "body", ["The harbour was rebuilt after the storm."], 1),
            _paragraph(
                1,
                "aside",
                [
                    "“We will rebuild every pier that the sea has taken from us, and more.”",
                    "Mayor Ingrid Sol spoke at the reopening.",
                ],
                3,
            ),
        ),
    )
    [item] = quotes.extract(doc, blank_nlp, settings)
    assert (item.speaker, item.source.rule, item.source.line) == ("Ingrid Sol", "quote.aside", 3)


def test_a_quote_split_over_two_paragraphs_is_joined(blank_nlp, settings):
    doc = Document(
        path="split.txt",
        name="split.txt",
        format="text",
        checksum="0",
        metadata={},
        paragraphs=(
            _paragraph(
                0, "body", ["Sam Ortiz said, “The first thing we did was count the boats in the"], 1
            ),
            _paragraph(
                1,
                "body",
                ["harbour, and then we counted the people who could still sail them.”"],
                5,
            ),
        ),
    )
    [item] = quotes.extract(doc, blank_nlp, settings)
    assert item.speaker == "Sam Ortiz"
    assert item.text.endswith("who could still sail them.") and "count the boats" in item.text
    assert (item.source.line, item.source.end_line) == (1, 5)


def test_unreliable_sentences_are_not_read(blank_nlp, settings):
    paragraph = _paragraph(
        0,
        "body",
        ['Tom Hale said, "Every harbour in the north was closed for the whole winter."'],
        1,
    )
    doc = Document(
        path="u.txt",
        name="u.txt",
        format="text",
        checksum="0",
        metadata={},
        paragraphs=(Paragraph(**{**paragraph.__dict__, "unreliable": True}),),
    )
    assert list(quotes.extract(doc, blank_nlp, settings)) == []


@given(
    st.lists(
        st.sampled_from(
            [
                "“",
                "”",
                '"',
                "said",
                "he",
                "Anna Reyes",
                "wrote,",
                ":",
                "The",
                "word",
                "according to",
                "’s warning",
                ".",
                ",",
                "again",
                "Mayor",
            ]
        ),
        max_size=40,
    )
)
@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_unbalanced_or_odd_marks_never_fail(make_doc, blank_nlp, settings, words):
    text = "It began. " + " ".join(words) + " The end."
    for item in run(make_doc, blank_nlp, settings, text):
        assert item.speaker and item.text


@pytest.mark.parametrize("pipeline", PIPELINES)
@pytest.mark.parametrize(
    ("text", "speaker", "starts", "rule"),
    [
        # an author-year citation right after the quotation
        (
            "Rivers shape the towns on their banks; they are “the oldest planners of every city that has ever "
            "stood beside them” (Marlow 1998, p. 12).",
            "Marlow",
            "the oldest planners",
            "quote.citation",
        ),
        # British single marks, apostrophes left alone
        (
            "‘We don’t build bridges for ourselves but for the people who will cross them after us,’ "
            "said Ada Quinn.",
            "Ada Quinn",
            "We don’t build bridges",
            "quote.trailing",
        ),
        # a name with a title word inside is not cut apart
        (
            "Martin Luther King Jr. said, “The arc of a long road bends toward the town that keeps walking "
            "along it.”",
            "Martin Luther King Jr.",
            "The arc of a long road",
            "quote.leading",
        ),
    ],
)
def test_more_attributed_quotes(request, make_doc, settings, pipeline, text, speaker, starts, rule):
    [item] = run(make_doc, request.getfixturevalue(pipeline), settings, text)
    assert (item.speaker, item.source.rule) == (speaker, rule)
    assert item.text.startswith(starts)


def test_a_quote_reopened_in_each_paragraph_is_one_quote(blank_nlp, settings):
    doc = Document(
        path="news.txt",
        name="news.txt",
        format="text",
        checksum="0",
        metadata={},
        paragraphs=(
            _paragraph(
                0,
                "body",
                [
                    "Sam Ortiz said: “We counted the boats first, and there were fewer than we feared."
                ],
                1,
            ),
            _paragraph(
                1,
                "body",
                ["“Then we counted the people who could still sail them, and there were more.”"],
                3,
            ),
        ),
    )
    [item] = quotes.extract(doc, blank_nlp, settings)
    assert item.speaker == "Sam Ortiz"
    assert item.text.startswith("We counted the boats") and item.text.endswith(
        "and there were more."
    )
    assert "“" not in item.text


@pytest.mark.parametrize("pipeline", PIPELINES)
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "the department": the organisation named in full, "of ..." included
        (
            "The Department of Transport closed the road in May. In a statement, the department said it “will reopen "
            "the road as soon as the new bridge has passed its safety tests.”",
            "Department of Transport",
        ),
        # according to a report by X
        (
            "According to a report by the Harbour Trust, the new piers “have doubled the number of boats that can "
            "unload at the same time.”",
            "Harbour Trust",
        ),
        # a title between the verb and the name: "said Dr. X"
        (
            "“Every family deserves a doctor within twenty minutes of their home,” said Dr. Samuel Lind, who "
            "runs the clinic.",
            "Samuel Lind",
        ),
    ],
)
def test_organisations_and_titled_speakers(request, make_doc, settings, pipeline, text, speaker):
    [item] = run(make_doc, request.getfixturevalue(pipeline), settings, text)
    assert item.speaker == speaker


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_it_said_is_the_organisation_named_just_before(request, make_doc, settings, pipeline):
    text = (
        "The Harbour Authority published its yearly report on Friday. “Traffic in the port grew faster this "
        "year than in any year since the new quay was built,” it said."
    )
    [item] = run(make_doc, request.getfixturevalue(pipeline), settings, text)
    assert item.speaker == "Harbour Authority"


@pytest.mark.parametrize("pipeline", PIPELINES)
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a document named in full speaks for its authors
        (
            "The Charter of the Harbour Guild states that “every member shall keep a boat ready for the rescue of "
            "any sailor in distress.”",
            "Charter of the Harbour Guild",
        ),
        # a demonym inside an appositive is not the speaker
        (
            "Lena Vogt, a Danish historian, described the treaty as “the quietest revolution that northern Europe "
            "has ever seen.”",
            "Lena Vogt",
        ),
    ],
)
def test_documents_and_appositives(request, make_doc, settings, pipeline, text, speaker):
    [item] = run(make_doc, request.getfixturevalue(pipeline), settings, text)
    assert item.speaker == speaker


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_a_block_quote_signed_with_a_dash_is_its_authors(request, settings, make_doc, pipeline):
    text = (
        "## The river\n\n> Nobody who has watched a river in flood ever again believes that the land belongs "
        "to the people who live on it. — Tomas Berg, Letters from the Valley\n\nThe valley flooded again in spring.\n"
    )
    [item] = quotes.extract(make_doc(text, "essay.md"), request.getfixturevalue(pipeline), settings)
    assert (item.speaker, item.source.rule) == ("Tomas Berg", "quote.block")
    assert item.text.endswith("the people who live on it.")


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_according_to_after_the_quote(request, make_doc, settings, pipeline):
    text = (
        "“The bridge will carry twice the traffic of the old one and last three times as long,” according to "
        "the Harbour Trust."
    )
    [item] = run(make_doc, request.getfixturevalue(pipeline), settings, text)
    assert (item.speaker, item.source.rule) == ("Harbour Trust", "quote.phrase")


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_a_quoted_title_in_title_case_is_not_a_quote(request, make_doc, settings, pipeline):
    text = "In 1944 Ruth Adler wrote “The Road Back to the Harbour and Other Essays on the Sea” for her students."
    assert run(make_doc, request.getfixturevalue(pipeline), settings, text) == []


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_a_name_after_a_preposition_is_not_the_speaker(request, make_doc, settings, pipeline):
    text = "Opponents in Congress said that the bill “would leave thousands of families without a doctor they can reach.”"
    assert run(make_doc, request.getfixturevalue(pipeline), settings, text) == []


@pytest.mark.parametrize("pipeline", PIPELINES)
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a passive verb of speech: the agent speaks, the subject is spoken to
        (
            "Lena Park was told by Omar Diaz that the harbour “would stay closed until every damaged pier had "
            "been rebuilt.”",
            "Omar Diaz",
        ),
        # in X's words, "..."
        (
            "In Ruth Adler’s words, “no bank failed because of one bad loan; they failed because of a thousand "
            "small ones.”",
            "Ruth Adler",
        ),
    ],
)
def test_passives_and_possessives(request, make_doc, settings, pipeline, text, speaker):
    [item] = run(make_doc, request.getfixturevalue(pipeline), settings, text)
    assert item.speaker == speaker


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_he_is_not_a_person_whose_title_says_she(request, make_doc, settings, pipeline):
    text = (
        "Mr. Omar Diaz arrived at the harbour early. Later Mrs. Lena Park opened the meeting. He said that the "
        "fleet “would need twice as many boats before the next fishing season began.”"
    )
    [item] = run(make_doc, request.getfixturevalue(pipeline), settings, text)
    assert item.speaker == "Omar Diaz"


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_a_full_stop_before_a_lower_case_attribution(request, make_doc, settings, pipeline):
    text = (
        'Karl Weber farms near the river. "Nobody in this valley has ever seen a winter as dry as this one." '
        "he said on Monday."
    )
    [item] = run(make_doc, request.getfixturevalue(pipeline), settings, text)
    assert (item.speaker, item.source.rule) == ("Karl Weber", "quote.trailing")


def test_a_footnote_number_inside_the_closing_mark_is_dropped(make_doc, blank_nlp, settings):
    text = "Tom Hale said, “Every harbour in the north was closed for the whole of that winter.12” The ice stayed."
    [item] = run(make_doc, blank_nlp, settings, text)
    assert item.text == "Every harbour in the north was closed for the whole of that winter."


@pytest.mark.parametrize("pipeline", PIPELINES)
@pytest.mark.parametrize(
    "text",
    [
        "Ruth Adler was asked about the crisis. Her answer was “no bank failed because of one bad loan; they failed "
        "because of a thousand small ones.”",
        "Ruth Adler’s answer was “no bank failed because of one bad loan; they failed because of a thousand small ones.”",
    ],
)
def test_a_possessive_speech_noun_names_the_speaker(request, make_doc, settings, pipeline, text):
    [item] = run(make_doc, request.getfixturevalue(pipeline), settings, text)
    assert (item.speaker, item.source.rule) == ("Ruth Adler", "quote.possessive")
