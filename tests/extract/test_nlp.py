"""Pipeline loading: cached once per process, trained when installed, blank fallback with one notice."""

from __future__ import annotations

import pytest
import spacy

from quizgen.errors import ExtractError
from quizgen.extract.nlp import (
    IndexedAttributeRules,
    forget_parses,
    has_ner,
    has_parser,
    load_pipeline,
    parse,
)


def test_the_pipeline_is_loaded_once_per_choice():
    assert load_pipeline("blank") is load_pipeline("blank")


def test_blank_pipeline_splits_sentences_without_parser_or_entities():
    nlp = load_pipeline("blank")
    assert not has_parser(nlp) and not has_ner(nlp)
    assert [s.text for s in nlp("The gate opened. The crowd went in.").sents] == [
        "The gate opened.",
        "The crowd went in.",
    ]


def test_trained_pipeline_has_parser_and_entities(trained_nlp):
    assert has_parser(trained_nlp) and has_ner(trained_nlp)


def test_entities_only_gives_the_same_entities_as_the_full_pipeline(trained_nlp):
    texts = [
        "Maria Lopez flew to Lisbon with Peter Holm in May 1999.",
        "The Danube Commission met in Vienna.",
    ]
    full = [[(e.text, e.label_) for e in d.ents] for d in trained_nlp.pipe(texts)]
    forget_parses()
    fast = [[(e.text, e.label_) for e in d.ents] for d in parse(trained_nlp, texts, need=("ner",))]
    assert fast == full and any(full)


def test_parse_only_keeps_the_parse(trained_nlp):
    forget_parses()
    [doc] = parse(trained_nlp, ["The old mill closed in 1931."], need=("parse",))
    assert doc.has_annotation("DEP") and not doc.ents


def test_auto_falls_back_to_blank_with_one_notice(monkeypatch, capsys):
    def missing(*args, **kwargs):
        raise OSError("not installed")

    monkeypatch.setattr(spacy, "load", missing)
    nlp = load_pipeline.__wrapped__("auto")  # uncached: the process-wide cache stays untouched
    assert not has_parser(nlp)
    assert "no trained English pipeline" in capsys.readouterr().err


def test_trained_without_an_installed_pipeline_is_one_clear_error(monkeypatch):
    monkeypatch.setattr(
        spacy, "load", lambda *a, **k: (_ for _ in ()).throw(OSError("not installed"))
    )
    with pytest.raises(ExtractError, match="no trained English pipeline installed"):
        load_pipeline.__wrapped__("trained")


def test_unknown_choice_is_refused():
    with pytest.raises(ExtractError, match="unknown pipeline 'large'"):
        load_pipeline("large")


SENTENCES = [
    "Maria Lopez flew to Lisbon with Peter Holm in May 1999.",
    "The three duties of the clerk are keeping minutes, filing notices and counting votes.",
]


def analyses(doc) -> tuple:
    return (
        [(t.tag_, t.pos_, t.dep_, t.head.i) for t in doc],
        [(e.text, e.label_) for e in doc.ents],
    )


def test_parse_gives_what_the_full_pipeline_gives_asked_in_any_order(trained_nlp):
    full = [analyses(d) for d in trained_nlp.pipe(SENTENCES)]
    forget_parses()
    parsed_first = parse(trained_nlp, SENTENCES, need=("parse",))
    assert [analyses(d)[0] for d in parsed_first] == [f[0] for f in full]
    assert not any(d.ents for d in parsed_first)  # entities not asked for, not computed
    both = parse(trained_nlp, SENTENCES, need=("ner",))
    assert both[0] is parsed_first[0]  # the same Doc, completed
    assert [analyses(d) for d in both] == full
    forget_parses()
    entities_first = parse(trained_nlp, SENTENCES, need=("ner",))
    assert [analyses(d)[1] for d in entities_first] == [f[1] for f in full]
    assert [analyses(d) for d in parse(trained_nlp, SENTENCES, need=("parse", "ner"))] == full
    forget_parses()


def test_parse_asks_the_parse_only_unless_entities_are_asked_for(trained_nlp):
    forget_parses()
    [doc] = parse(trained_nlp, SENTENCES[:1])
    assert doc.has_annotation("DEP") and not doc.ents
    [doc] = parse(trained_nlp, SENTENCES[:1], need=("parse", "ner"))
    assert doc.ents
    forget_parses()


# Sentences of our own that reach the ruler's exceptions: an expletive "there is", auxiliaries,
# contractions, a clitic, "do" as a main verb, "it" as subject and object, determiners used as
# pronouns, a space token.
RULER_SENTENCES = [
    "There are three gates, and there's a fourth that nobody uses.",
    "We don't know whether they'd have gone; she can't say and it isn't clear.",
    "He did his work and had nothin' to add, y' know, so it was given to it.",
    "That is the plan which they chose, and this was all that   remained.\n\nThe end.",
    "The board has been told that it will be reviewed before the vote is held.",
]


def test_indexed_attribute_rules_set_what_the_attribute_ruler_sets(trained_nlp):
    ruler = trained_nlp.get_pipe("attribute_ruler")
    indexed = IndexedAttributeRules.of(ruler)
    assert indexed is not None  # every pattern of the installed pipeline is one it reads

    def tagged():
        docs = [trained_nlp.make_doc(text) for text in RULER_SENTENCES]
        for name in ("tok2vec", "tagger", "parser"):
            list(trained_nlp.get_pipe(name).pipe(docs))
        return docs

    def attributes(doc):
        return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]

    expected = [attributes(d) for d in ruler.pipe(tagged())]
    got = []
    for doc in tagged():
        indexed.apply(doc)
        got.append(attributes(doc))
    assert got == expected
    assert {"AUX", "VERB", "PRON", "SPACE"} <= {pos for doc in got for _, pos, *_ in doc}


def test_indexed_attribute_rules_refuse_a_pattern_they_cannot_read(trained_nlp):
    ruler = trained_nlp.get_pipe("attribute_ruler")

    class Ruler:  # the installed ruler's patterns plus one over an attribute the lookup skips
        patterns = [*ruler.patterns, {"patterns": [[{"LENGTH": 3}]], "attrs": {}, "index": 0}]

    assert IndexedAttributeRules.of(Ruler()) is None
