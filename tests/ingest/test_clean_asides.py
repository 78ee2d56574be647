from quizgen.ingest.clean.asides import move_pull_quotes

from .conftest import make_draft, texts

PAGE = """The harbour was rebuilt in stone. In the spring of that year, the Harbour Works Committee

“We will keep the harbour open to every ship that needs shelter,
whatever flag it flies.” On May 3, the harbour master spoke at the
opening ceremony.
 (HWC) was founded to manage the docks and the lighthouse.
"""


def test_pull_quote_moves_to_asides_and_the_sentence_is_joined():
    draft = move_pull_quotes(make_draft(PAGE))
    assert len(draft.asides) == 1
    assert [ln.no for ln in draft.asides[0]] == [3, 4, 5]
    assert texts(draft) == [
        "The harbour was rebuilt in stone. In the spring of that year, the Harbour Works Committee",
        " (HWC) was founded to manage the docks and the lighthouse.",
        "",
    ]


def test_quotation_after_a_finished_sentence_stays():
    text = "The harbour master spoke.\n\n“We will keep the harbour open.”\nShe left the next day.\n"
    draft = move_pull_quotes(make_draft(text))
    assert draft.asides == []
    assert "“We will keep the harbour open.”" in texts(draft)


def test_quoted_paragraph_that_begins_a_new_sentence_stays():
    text = "The harbour master said that\n\n“The harbour stays open,” she said.\nThe ships came back.\n"
    assert move_pull_quotes(make_draft(text)).asides == []
