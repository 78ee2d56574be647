from quizgen.ingest.clean.paragraphs import split_wrapped_paragraphs

from .conftest import make_draft, texts

WRAPPED = """The towers of the northern coast were built of granite, and the towers of the
southern coast were built of brick, painted white, and fitted with lenses that came
from the same workshop in the capital, so that the light of every tower looked alike
to the sailors who passed them at night.
Keepers were the heart of the service. They lived in the towers with their families,
trimmed the wicks, polished the lenses and wound the clockwork that turned the light,
and they kept a careful log of the weather and of every ship that passed the rocks.
The log was sent to the capital at the end of each month, where clerks copied it into
the great registers of the service, which are still kept in the archive of the port.
"""


def test_short_line_then_short_topic_sentence_starts_a_paragraph():
    result = texts(split_wrapped_paragraphs(make_draft(WRAPPED)))
    assert result[4] == "" and result[5].startswith("Keepers were the heart")
    assert result.count("") == 2  # the inserted break and the final empty line


def test_a_full_line_ending_a_sentence_is_not_a_break():
    # 'The log was sent ...' follows a long line: the text merely wrapped there.
    result = texts(split_wrapped_paragraphs(make_draft(WRAPPED)))
    assert result[result.index("") + 3].startswith("and they kept")
    assert "The log was sent" in result[result.index("") + 4]
