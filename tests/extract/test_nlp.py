"""Pipeline loading: cached once per process, trained when installed, blank fallback with one notice."""
from __future__ import annotations

import pytest
import spacy

from quizgen.errors import ExtractError
from quizgen.extract.nlp import entities_only, has_ner, has_parser, load_pipeline, parse_only


def test_the_pipeline_is_loaded_once_per_choice():
    assert load_pipeline("blank") is load_pipeline("blank")


def test_blank_pipeline_splits_sentences_without_parser_or_entities():
    nlp = load_pipeline("blank")
    assert not has_parser(nlp) and not has_ner(nlp)
    assert [s.text for s in nlp("The gate opened. The crowd went in.").sents] == ["The gate opened.", "The crowd went in."]


def test_trained_pipeline_has_parser_and_entities(trained_nlp):
    assert has_parser(trained_nlp) and has_ner(trained_nlp)


def test_entities_only_gives_the_same_entities_as_the_full_pipeline(trained_nlp):
    texts = ["Maria Lopez flew to Lisbon with Peter Holm in May 1999.", "The Danube Commission met in Vienna."]
    full = [[(e.text, e.label_) for e in d.ents] for d in trained_nlp.pipe(texts)]
    fast = [[(e.text, e.label_) for e in d.ents] for d in trained_nlp.pipe(texts, disable=entities_only(trained_nlp))]
    assert fast == full and any(full)


def test_parse_only_keeps_the_parse(trained_nlp):
    doc = next(trained_nlp.pipe(["The old mill closed in 1931."], disable=parse_only(trained_nlp)))
    assert doc.has_annotation("DEP") and not doc.ents


def test_auto_falls_back_to_blank_with_one_notice(monkeypatch, capsys):
    def missing(*args, **kwargs):
        raise OSError("not installed")

    monkeypatch.setattr(spacy, "load", missing)
    nlp = load_pipeline.__wrapped__("auto")  # uncached: the process-wide cache stays untouched
    assert not has_parser(nlp)
    assert "no trained English pipeline" in capsys.readouterr().err


def test_trained_without_an_installed_pipeline_is_one_clear_error(monkeypatch):
    monkeypatch.setattr(spacy, "load", lambda *a, **k: (_ for _ in ()).throw(OSError("not installed")))
    with pytest.raises(ExtractError, match="no trained English pipeline installed"):
        load_pipeline.__wrapped__("trained")


def test_unknown_choice_is_refused():
    with pytest.raises(ExtractError, match="unknown pipeline 'large'"):
        load_pipeline("large")
