"""Wording from the parse: questions and statements made from an item's own clause.

The transformations are the standard ones of rule-based question generation (Heilman
and Smith): a clause "S V O" with a date becomes "When did S V(base) O?" by moving
the first auxiliary before the subject, or by do-support from the verb's tense when
there is none; the same clause with a date adverbial appended is a statement.

Only clean transformations are made. A text with no finite verb and subject of its
own, a clause that opens with a relative pronoun or conjunction, or a pipeline with no
parser (the blank one) gives None: the item yields no question of that kind rather
than a template around a fragment.

spaCy is reached only through `quizgen.extract.nlp` (`load_pipeline`, `parse`): each
text is parsed once per process, and no spaCy object leaves this module.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..extract.nlp import has_parser, load_pipeline, parse

FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}
BE_FORMS = {"is", "are", "was", "were", "am", "'s", "'re"}
# Clauses that depend on another: no question can be made of them alone.
DEPENDENT_OPENERS = {
    "which",
    "who",
    "whom",
    "whose",
    "that",
    "where",
    "when",
    "while",
    "although",
    "because",
    "if",
    "and",
    "or",
    "but",
    "as",
    "since",
    "until",
    "after",
    "before",
    "whereas",
    "though",
    "so",
}
PRONOUN_SUBJECTS = {
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "these",
    "those",
    "that",
    "him",
    "her",
    "them",
    "one",
    "both",
    "each",
    "all",
    "some",
    "others",
    "such",
    "its",
    "their",
    "his",
}
# Nouns that, as "the X" alone, point back to what the text named before: a subject a
# question cannot stand on ("In what year would the sum have been ...?").
BACK_POINTING = {
    "sum",
    "amount",
    "figure",
    "total",
    "number",
    "parties",
    "rest",
    "former",
    "latter",
    "same",
    "move",
    "decision",
    "plan",
    "program",
    "programme",
    "policy",
    "country",
    "countries",
    "government",
    "city",
    "region",
    "group",
    "team",
    "party",
    "company",
    "report",
    "organization",
    "organisation",
    "body",
    "deal",
    "proposal",
    "idea",
    "two",
    "three",
    "others",
    "pair",
    "couple",
    "project",
    "effort",
}
# Heads of a noun phrase that names something that happens ("the outbreak of the war"):
# such a phrase is an event though it has no verb ("When did the outbreak of ... take place?").
EVENT_NOUNS = {
    "war",
    "outbreak",
    "crisis",
    "revolution",
    "conference",
    "summit",
    "visit",
    "attack",
    "invasion",
    "election",
    "elections",
    "collapse",
    "fall",
    "death",
    "birth",
    "split",
    "talks",
    "meeting",
    "negotiations",
    "uprising",
    "coup",
    "massacre",
    "incident",
    "battle",
    "siege",
    "riot",
    "riots",
    "strike",
    "boycott",
    "blockade",
    "famine",
    "referendum",
    "ceasefire",
    "armistice",
    "reunification",
    "independence",
    "partition",
    "reform",
    "reforms",
    "normalization",
    "normalisation",
    "rapprochement",
}
EVENT_SUFFIXES = ("tion", "sion", "ing")  # creation, invasion, founding
NOT_EVENTS = {  # nouns with an event's ending that name a thing, a body or a state
    "nation",
    "organization",
    "organisation",
    "institution",
    "position",
    "population",
    "administration",
    "constitution",
    "federation",
    "corporation",
    "commission",
    "delegation",
    "generation",
    "situation",
    "condition",
    "relation",
    "relations",
    "tradition",
    "question",
    "mission",
    "region",
    "religion",
    "opinion",
    "union",
    "section",
    "nations",
    "building",
    "thing",
    "something",
    "nothing",
    "evening",
    "morning",
    "king",
    "ring",
    "wing",
    "spring",
    "ceiling",
    "tension",
    "tensions",
    "division",
    "dimension",
    "version",
    "function",
    "foundation",
    "convention",
    "declaration",
    "legislation",
    "regulation",
    "resolution",
    "coalition",
    "opposition",
    "competition",
    "ambition",
    "vision",
    "decision",
    "conviction",
    "jurisdiction",
    "direction",
    "portion",
}
EVENT_EXTRA = {
    "withdrawal",
    "approval",
    "arrival",
    "removal",
    "dismissal",
    "renewal",
    "closure",
    "seizure",
    "departure",
    "agreement",
    "settlement",
    "appointment",
    "establishment",
    "enlargement",
    "disarmament",
    "rearmament",
    "deployment",
    "assassination",
    "death",
    "founding",
}
_IRREGULAR_BASE = {  # a fallback when the lemmatizer tables are not there
    "was": "be",
    "were": "be",
    "had": "have",
    "has": "have",
    "did": "do",
    "does": "do",
    "went": "go",
    "began": "begin",
    "broke": "break",
    "came": "come",
    "became": "become",
    "made": "make",
    "led": "lead",
    "took": "take",
    "gave": "give",
    "held": "hold",
    "met": "meet",
    "left": "leave",
    "won": "win",
    "fought": "fight",
    "sought": "seek",
    "brought": "bring",
    "thought": "think",
    "built": "build",
    "sent": "send",
    "spent": "spend",
    "set": "set",
    "put": "put",
    "cut": "cut",
    "lost": "lose",
    "rose": "rise",
    "fell": "fall",
    "grew": "grow",
    "drew": "draw",
    "withdrew": "withdraw",
    "wrote": "write",
    "spoke": "speak",
    "said": "say",
    "told": "tell",
    "saw": "see",
    "knew": "know",
    "stood": "stand",
    "struck": "strike",
    "ran": "run",
    "found": "find",
    "sold": "sell",
    "bought": "buy",
    "paid": "pay",
    "laid": "lay",
    "kept": "keep",
    "felt": "feel",
    "got": "get",
    "shook": "shake",
    "chose": "choose",
    "froze": "freeze",
    "forbade": "forbid",
}


@dataclass(frozen=True)
class Clause:
    """A parsed clause reduced to the parts a question moves: plain strings only."""

    front: str  # words before the subject that the question drops ("Following X,")
    subject: str
    aux: str | None  # the first auxiliary (or the copula), moved before the subject
    rest: str  # everything after the subject with `aux` taken out, the verb in base form when do-support
    do: str | None  # "did"/"does"/"do" when do-support is needed
    declarative: str  # the clause as a statement without the fronted words
    subject_head: str  # the subject's head word, lower case: events of one subject
    present: bool = (
        False  # told in the present tense (a caption): no past statement can be made of it
    )
    state: bool = (
        False  # "X was under Y's control", "there were ...": true over a span, not at one date
    )

    def question(self, wh: str) -> str:
        """'When' + inverted clause: 'When did the council begin to dredge the harbour?'."""
        moved = self.do or self.aux
        return f"{wh} {moved} {self.subject} {self.rest}".replace("  ", " ").rstrip() + "?"


@dataclass(frozen=True)
class Phrase:
    """What the parse says of a short phrase (a term): its head's part of speech."""

    noun_phrase: bool
    reason: str | None  # why it is not one: 'a verb phrase', 'a pronoun'


@functools.lru_cache(maxsize=4)
def pipeline(choice: str):
    """The loaded pipeline when it parses, else None (the blank pipeline)."""
    nlp = load_pipeline(choice)
    return nlp if has_parser(nlp) else None


def _doc(text: str, choice: str):
    nlp = pipeline(choice)
    if nlp is None:
        return None
    return parse(nlp, [text], need=("parse",))[
        0
    ]  # wording reads tags and dependencies, never entities


def _lemmatizer(choice: str):
    nlp = load_pipeline(choice)
    try:
        return nlp.get_pipe("lemmatizer")  # loaded but disabled: its tables are still there
    except KeyError:
        return None


def _as_sentence(text: str) -> str:
    # "R2P." or "No." would be read as one token, the full stop with it: keep them apart.
    stop = " ." if re.search(r"(?:\d|[A-Z]\w*[A-Z]|\bNo)\w*$", text) else "."
    return text[:1].upper() + text[1:] + stop


def _frame(text: str) -> str:
    """Where a noun phrase stands: "This is the X." ("This is X." when X has its determiner)."""
    first = text.lower().split(" ", 1)[0] if text else ""
    return (
        "This is " if first in {"the", "a", "an"} or first in PRONOUN_SUBJECTS else "This is the "
    )


def _said(speaker: str) -> str:
    return f"{speaker.strip()} said so."


def prepare(clauses=(), phrases=(), speakers=(), choice: str = "auto") -> None:
    """Parse in one batch every text the checks of a document's items will ask about:
    one spaCy call for many short texts costs a fraction of one call each."""
    nlp = pipeline(choice)
    if nlp is None:
        return
    texts = []
    for text in clauses:
        text = text.strip().rstrip(".;,: ")
        if text and text.split()[0].lower() not in DEPENDENT_OPENERS:
            texts.append(_as_sentence(text))
    for text in phrases:
        text = text.strip()
        if not text:
            continue
        texts += [text] if " " in text else []
        texts.append(f"{_frame(text)}{text}.")
        if text[:1].isupper() and text.split(" ", 1)[0][1:].islower():
            lowered = text[:1].lower() + text[1:]  # what common_start asks
            texts.append(f"{_frame(lowered)}{lowered}.")
    texts += [_said(speaker) for speaker in speakers if speaker.strip()]
    parse(nlp, list(dict.fromkeys(texts)))


def base_form(token, choice: str) -> str:
    """The verb's plain form for do-support, from the lemmatizer's rules and tables."""
    word = token.text
    lower = word.lower()
    lemmatizer = _lemmatizer(choice)
    if lemmatizer is not None:
        try:
            lemmas = lemmatizer.rule_lemmatize(token)
        except Exception:  # a lemmatizer without its tables: the rules below
            lemmas = []
        if lemmas and lemmas[0].isalpha():
            return lemmas[0].lower()
    if lower in _IRREGULAR_BASE:
        return _IRREGULAR_BASE[lower]
    if token.tag_ == "VBZ":
        if lower.endswith("ies"):
            return lower[:-3] + "y"
        if re.search(r"(?:ch|sh|ss|x|zz|o)es$", lower):
            return lower[:-2]
        return lower[:-1]
    if lower.endswith("ied"):
        return lower[:-3] + "y"
    if re.search(r"([bdgmnprt])\1ed$", lower):
        return lower[:-3]
    if lower.endswith("ed"):
        return lower[:-2]
    return lower


def _text(tokens) -> str:
    """Tokens joined with the spacing they had (a space where tokens were left out)."""
    parts, previous = [], None
    for t in tokens:
        if previous is not None and t.i != previous.i + 1 and not previous.whitespace_:
            parts.append(" ")
        parts.append(t.text_with_ws)
        previous = t
    out = "".join(parts).strip()
    return re.sub(r"\s+", " ", out)


@functools.lru_cache(maxsize=16384)
def clause(text: str, choice: str = "auto") -> Clause | None:
    """The clause of `text` ready for inversion, or None when the text is no clean
    finite clause with a subject of its own (or the pipeline cannot parse)."""
    text = text.strip().rstrip(".;,: ")
    if not text or text.split()[0].lower() in DEPENDENT_OPENERS:
        return None
    # Parsed as the sentence it would be: capitalised, with a full stop ("the factory made
    # engines" alone reads as a noun phrase, "The factory made engines." as a clause).
    doc = _doc(_as_sentence(text), choice)
    if doc is None:
        return None
    if doc[-1].text != ".":
        return None  # the full stop joined the last word: its parse cannot be trusted
    doc = doc[:-1]  # the full stop added above
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return None
    root = roots[0]
    if root.pos_ not in {"VERB", "AUX"}:
        return None
    subjects = [c for c in root.children if c.dep_ in SUBJECTS and c.i < root.i]
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    if subject.dep_.startswith("csubj"):
        return None
    span = doc[subject.left_edge.i : subject.right_edge.i + 1]
    if (
        span.text.lower() in PRONOUN_SUBJECTS
        or span[0].text.lower() in PRONOUN_SUBJECTS
        or subject.tag_ in {"WDT", "WP"}
        or span[0].text.isdigit()
    ):
        return None  # "these two pacts", "his reform", "12 to -": who or what is not said
    if span[0].lower_ == "the" and len(span) > 1 and span[1].tag_ in {"CD", "$"}:
        return None  # "the $40 million", "the two": a quantity the text named before
    if len(span) == 2 and span[0].lower_ == "the" and span[1].lower_ in BACK_POINTING:
        return None  # "the sum", "the parties": which ones, the sentence before said
    if subject.lower_ in RELATIONAL and not any(
        c.dep_ in {"prep", "poss", "compound", "amod"} for c in subject.children
    ):
        return None  # "trade had grown more steady": between whom, the text said before
    if len(doc) >= 2 and doc[-2].tag_ == "PRP$" and doc[-1].lower_ in VAGUE_OBJECTS:
        return None  # "laid out his case": on what, the sentence goes on to say
    for token in doc:
        if (
            token.lower_ == "the"
            and token.i + 2 < len(doc)
            and doc[token.i + 1].tag_ == "CD"
            and doc[token.i + 1].text.isalpha()
            and doc[token.i + 2].tag_ == "NNS"
        ):
            return None  # "between the two countries": which two, the text said before
        if (
            token.lower_ in BACK_POINTING_ANYWHERE
            and any(c.lower_ == "the" for c in token.children)
            and not any(
                c.dep_ == "prep" and any(g.tag_ in {"NNP", "NNPS"} for g in c.subtree)
                for c in token.children
            )
        ):
            return None  # "traded with the former partner": which partner, the text said before
    if any(
        t.dep_ == "prep"
        and t.i > root.i
        and not any(c.dep_ in {"pobj", "pcomp"} for c in t.children)
        for t in doc
    ):
        return None  # "Stalin had committed to at Yalta": a preposition whose object was cut
    if any(t.dep_ == "neg" for t in root.children):
        return None  # a date of something that did not happen is no question
    auxes = [c for c in root.children if c.dep_ in {"aux", "auxpass"} and span.end <= c.i < root.i]
    finite = root.tag_ in FINITE_TAGS or any(a.tag_ in FINITE_TAGS for a in auxes)
    if not finite:
        return None
    if any(
        t.text in {"The", "A", "An", "This", "These"} and t.i > 0 and not doc[t.i - 1].is_punct
        for t in doc
    ):
        return None  # "... were signed The Treaty of ...": two texts run together
    front_tokens = doc[: span.start]
    if front_tokens and not _droppable_front(front_tokens):
        return None
    verbal = min([root.i, *(a.i for a in auxes)])
    if verbal and doc[verbal - 1].text == "," and span.text.count(",") % 2:
        return None  # "Orvath’s second visit, coincided ...": a cut left a comma before the verb
    between = [t for t in doc[span.end : root.i] if t not in auxes and t.dep_ != "neg"]
    if any(t.is_punct for t in between):
        return (
            None  # a parenthetical between subject and verb ("X, the ..., signed"): keep it simple
        )
    after = list(doc[span.end :])
    subject_tokens = _without_aside(span)
    if (
        len(subject_tokens) == 2
        and subject_tokens[0].lower_ == "the"
        and subject_tokens[1].text[:1].isupper()
        and subject_tokens[1].lower_.endswith("ism")
    ):
        subject_tokens = subject_tokens[1:]  # "The Nazism that governed ...": no article alone
    subject_text = _text(subject_tokens)
    if subject_tokens[0].i == span.start and (
        span[0].text[:1].isupper()
        and span[0].tag_ not in {"NNP", "NNPS"}
        and not span[0].text.isupper()
        and (
            span.start > 0
            or not text[:1].isupper()
            or span[0].tag_ in {"DT", "EX", "CD", "NN", "NNS"}
        )
    ):
        subject_text = (
            subject_text[:1].lower() + subject_text[1:]
        )  # "Wage negotiations" mid-question
    declarative = _text([*subject_tokens, *doc[span.end :]])
    # The first auxiliary, or the copula, moves before the subject; "X was under Y" is a state.
    moved = auxes[0] if auxes else (root if root.text.lower() in BE_FORMS else None)
    if moved is not None:
        return Clause(
            _text(front_tokens),
            subject_text,
            moved.text.lower(),
            _text([t for t in after if t.i != moved.i]),
            None,
            declarative,
            subject.text.lower(),
            state=not auxes,
        )
    if root.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    if (
        root.tag_ == "VBD"
        and root.i + 1 < len(doc)
        and doc[root.i + 1].lower_ == "by"
        and not any(c.dep_ == "dobj" for c in root.children)
    ):
        return None  # "the war waged by X against Y": a participle read as the verb
    if not [t for t in doc[root.i + 1 :] if not t.is_punct] and (
        base_form(root, choice).lower() in NEEDS_OBJECT
    ):
        return None  # "Japan invaded": invaded what, the text said before
    do = "did"  # a dated event is past, though a caption tells it in the present ("Orvath shakes hands")
    words = []
    for token in after:
        words.append(
            base_form(token, choice) + token.whitespace_
            if token.i == root.i
            else token.text_with_ws
        )
    rest = re.sub(r"\s+", " ", "".join(words)).strip()
    return Clause(
        _text(front_tokens),
        subject_text,
        None,
        rest,
        do,
        declarative,
        subject.text.lower(),
        present=root.tag_ in {"VBZ", "VBP"},
    )


def _without_aside(span):
    """The subject without a relative or participle clause set off by a comma ("the Union,
    which based its rule on Marx", "the plan, developed at a meeting of ..."): the question
    needs the name, and the aside's closing comma is often lost."""
    for token in span:
        if token.dep_ in {"relcl", "acl"} and token.left_edge.i > span.start:
            comma = token.doc[token.left_edge.i - 1]
            if comma.text == "," and comma.i >= span.start:
                end = token.right_edge.i + 1
                if end < span.end and token.doc[end].text == ",":
                    end += 1
                return [t for t in span if not comma.i <= t.i < end]
    return list(span)


def _droppable_front(tokens) -> bool:
    """Words before the subject a question may drop: an adverbial closed by a comma
    ("Following the invasion, ...", "In the end, ..."), not a clause of its own."""
    if tokens[-1].text != ",":
        return False
    return not any(t.dep_ in SUBJECTS for t in tokens)


@functools.lru_cache(maxsize=16384)
def event_noun_phrase(text: str, choice: str = "auto") -> str | None:
    """A noun phrase that names an event ("the outbreak of the Harbour War"), else None."""
    text = text.strip().rstrip(".;,: ")
    if not text or text.split()[0].lower() in DEPENDENT_OPENERS | PRONOUN_SUBJECTS:
        return None
    doc = _doc(text, choice)
    if doc is None:
        return None
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return None
    head = roots[0]
    if head.pos_ not in {"NOUN", "PROPN"} or any(t.tag_ in FINITE_TAGS for t in doc):
        return None
    if any(t.is_punct and (t.text not in {"-", "–", "’", "'"} or t.whitespace_) for t in doc):
        return None
    if doc[0].like_num or any(t.text.lower() in {"to", "and", "or"} and t.i == 1 for t in doc):
        return None
    word = head.text.lower()
    # A name ("the port of Harbin", "the Reading") is no event, however the tagger reads it.
    if (head.pos_ == "PROPN" or head.text[:1].isupper()) and word not in EVENT_NOUNS:
        return None
    if word in NOT_EVENTS:
        return None
    if (
        word in EVENT_NOUNS
        or word in EVENT_EXTRA
        or (word.endswith(EVENT_SUFFIXES) and len(word) > 6)
    ):
        if doc[0].tag_ not in {"DT", "PRP$", "NNP", "NNPS", "JJ", "CD"} and doc[0].pos_ != "PROPN":
            return None  # "law and order", a bare noun: not a named event
        if head.text[:1].isupper() and doc[0].pos_ == "PROPN" and head.i == len(doc) - 1:
            return (
                "the " + text
            )  # a line's "Harlow Conference, 1868": "the Harlow Conference" in a sentence
        return text
    return None


@functools.lru_cache(maxsize=16384)
def phrase(text: str, choice: str = "auto") -> Phrase | None:
    """Whether `text` is a noun phrase (a term, a definition that can follow "is"). None
    when the pipeline cannot tell (blank). The phrase is parsed where a noun phrase
    stands, "This is the X.", so a lone "watershed" is not read as a verb."""
    text = text.strip()
    words = text.lower().split()
    if not words:
        return Phrase(False, "not a noun phrase")
    if words[0] in PRONOUN_SUBJECTS and (
        len(words) == 1 or words[0] not in {"this", "that", "these", "those"}
    ):
        return Phrase(False, "a pronoun")
    if words[0] in {"to", "not"}:
        return Phrase(False, "a verb phrase")
    if len(words) > 1:
        alone = _doc(text, choice)
        if (
            alone is not None
            and alone[0].tag_ in {"VB", "VBP", "VBZ", "VBD"}
            and alone[0].dep_ == "ROOT"
        ):
            return Phrase(False, "a verb phrase")  # "reach a fair price"
    frame = _frame(text)
    doc = _doc(f"{frame}{text}.", choice)
    if doc is None:
        return None
    start = len(frame.split())
    span = doc[start:-1]
    if not len(span):
        return Phrase(False, "not a noun phrase")
    heads = [t for t in span if not (start <= t.head.i < start + len(span)) or t.head.i == t.i]
    if len(heads) != 1:
        return Phrase(False, "not a noun phrase")
    head = heads[0]
    if head.pos_ == "PRON":
        return Phrase(False, "a pronoun")
    if head.tag_ in {"VB", "VBD", "VBZ", "VBP", "MD"} or span[0].tag_ in {
        "VB",
        "VBZ",
        "VBP",
        "VBD",
        "MD",
        "TO",
    }:
        return Phrase(False, "a verb phrase")
    if head.pos_ not in {"NOUN", "PROPN", "X"} and head.tag_ != "VBG":
        return Phrase(
            False, "a verb phrase" if head.pos_ in {"VERB", "AUX"} else "not a noun phrase"
        )
    # A finite verb is allowed only inside a clause that modifies the noun ("a state in which ...").
    for token in span:
        if token.tag_ in FINITE_TAGS and not any(
            a.dep_ in {"relcl", "acl", "advcl", "ccomp", "pcomp"}
            for a in [token, *token.ancestors]
            if a.i >= start
        ):
            return Phrase(False, "a verb phrase")
    if head.tag_ == "VBG" and any(t.dep_ in {"dobj", "nsubj"} for t in head.children):
        return Phrase(False, "a verb phrase")  # "taxing the poor": a gerund with its object
    return Phrase(True, None)


@functools.lru_cache(maxsize=16384)
def common_start(text: str, choice: str = "auto") -> str:
    """A phrase without the capital a sentence start gave it when the parse reads its first
    word as a common noun or adjective ("Erosion" -> "erosion"); names keep theirs."""
    first, *others = text.split()
    if not first[:1].isupper() or not first[1:].islower():
        return text
    if others and others[0][:1].isupper():
        return text  # "Red Guards", "Cold War": the first word of a name
    lowered = text[:1].lower() + text[1:]
    frame = _frame(lowered)
    # The tagger reads any capitalised word as a name: ask it about the word in lower case.
    doc = _doc(f"{frame}{lowered}.", choice)
    if doc is None or doc[len(frame.split())].tag_ not in {"NN", "NNS", "JJ", "VBG", "DT"}:
        return text
    return lowered


@functools.lru_cache(maxsize=4096)
def speaker_problem(speaker: str, choice: str = "auto") -> str | None:
    """Why a speaker cannot be one person or body, or None: a plural common noun at its head
    ("Presidents Halvorsen": two speakers run together). None with the blank pipeline."""
    doc = _doc(_said(speaker), choice)
    if doc is None or not len(doc):
        return None
    if doc[0].tag_ == "NNS":
        return f"'{speaker}' opens with a plural ('{doc[0].text}'): not one speaker"
    return None


# Nouns of a relation between parties: alone as a subject they leave the parties unsaid.
RELATIONAL = {
    "relations",
    "ties",
    "tensions",
    "negotiations",
    "talks",
    "relationship",
    "rivalry",
    "hostilities",
    "dialogue",
}
# Verbs English uses with an object: said without one ("after Japan invaded"), the object
# is one the text named before, and a question of the clause alone has no answer.
NEEDS_OBJECT = {
    "invade", "sign", "ratify", "adopt", "establish", "found", "create", "launch", "appoint",
    "annex", "capture", "seize", "conquer", "elect", "approve", "build", "issue", "declare",
    "introduce", "abolish", "impose", "publish", "occupy", "defeat", "accept", "reject",
    "propose", "enact", "recognize", "recognise", "negotiate", "draft",
}  # fmt: skip
# Objects that say nothing without what follows them ("laid out his case | on the bridge").
VAGUE_OBJECTS = {
    "reasoning",
    "reasons",
    "views",
    "view",
    "position",
    "concerns",
    "concern",
    "thoughts",
    "opinion",
    "opinions",
    "argument",
    "arguments",
    "ideas",
    "idea",
    "case",
    "point",
    "stance",
    "intentions",
    "objections",
    "fears",
    "hopes",
    "demands",
}
# "the former partner", "the number of members": what they are, the text said before.
BACK_POINTING_ANYWHERE = {
    "ally",
    "allies",
    "former",
    "latter",
    "same",
    "sum",
    "number",
    "amount",
    "aforementioned",
}
