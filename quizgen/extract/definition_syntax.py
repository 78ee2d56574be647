"""Definitions read from the dependency parse (trained pipeline only).

The constructions are spaCy DependencyMatcher patterns in rules/definitions.yaml
(`constructions`); this module turns a match into a term and a definition and
keeps only those a student could be asked about. Rule ids:

  def.copula      "X is/was a|the|another Y ...": the subject's noun phrase, the complement phrase;
                  "Enzymes are proteins that ..."; "...; rather, it is Y" (it = the subject before)
  def.purpose     "The purpose (aim, mission) of X is to Y"
  def.defined-as  "X is/can be defined as Y", "X is defined not as A but as B", "X is summarized as Y"
  def.made-for    "X was founded/created/designed ... to Y": what X is for
  def.serves-as   "X serves as a forum for ..."
  def.appositive  "X, a Y that ...", "the militia—an arm of the state—"; "a Y, the X" (the name is the
                  term); "A form of Y, X sought ..." (a description put before the name)
  def.known-as    "a Y known as / called X", "Y is often referred to as X", "a Y (what they called X)",
                  "a Y that came to be known as X"
  def.gloss       "X—that is, Y", "X (i.e. Y)", "X (the Y)", "X, or Y", "Y—what Orvath calls X"

Guards: the term is a noun phrase (not a pronoun, a quantified or pointing phrase,
a person, a time or a quantity); the definition is a noun phrase, an infinitive or a
clause that holds more than a bare judgement ("a loose notion") or a quantity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# Right-hand dependents that belong to a term: "freedom of the press", "law and order".
TERM_RIGHT_DEPS = frozenset({"prep", "compound", "conj", "cc", "nummod", "amod", "case"})
# Left-hand dependents that belong to a term ("the", "extreme", "UN", "Norway's").
TERM_LEFT_DEPS = frozenset(
    {
        "det",
        "amod",
        "compound",
        "poss",
        "nmod",
        "nummod",
        "case",
        "punct",
        "quantmod",
        "npadvmod",
        "cc",
        "conj",
    }
)
# Dependents that make a head restrictive: "a useful path toward ...", "a concept that ...".
RESTRICTIVE_DEPS = frozenset({"prep", "relcl", "acl", "appos"})
ADVERBIAL_DEPS = frozenset(
    {"prep", "advmod", "advcl", "npadvmod", "mark", "intj", "punct", "cc", "agent"}
)
STOP_PUNCT = frozenset({"—", "–", ";", ":", ")", "(", "--"})
QUOTED_WORDS = re.compile(r"^(?:\S+\s+){0,3}[“\"](?:[^”\"\s]+\s+){4,}")
ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*$")


@dataclass(frozen=True)
class Found:
    """A definition read from one parsed sentence (character offsets into the sentence text)."""

    term: str
    definition: str
    rule: str
    term_start: int
    term_end: int


def _expand(value, rules):
    """YAML pattern values "@name" stand for the word list `name` of the rules file."""
    if isinstance(value, str) and value.startswith("@"):
        return list(getattr(rules, value[1:]))
    if isinstance(value, dict):
        return {k: _expand(v, rules) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, rules) for v in value]
    return value


_MATCHERS: dict[tuple[int, int], tuple] = {}


def matchers(vocab, rules):
    """(DependencyMatcher, Matcher) for this vocab and these rules, built once."""
    key = (id(vocab), id(rules))
    if key not in _MATCHERS:
        from spacy.matcher import DependencyMatcher, Matcher

        dependency = DependencyMatcher(vocab, validate=True)
        for i, construction in enumerate(rules.constructions):
            dependency.add(str(i), [_expand(construction.pattern, rules)])
        glosses = Matcher(vocab, validate=True)
        for i, gloss in enumerate(rules.glosses):
            glosses.add(str(i), [_expand(gloss.pattern, rules)], greedy="LONGEST")
        _MATCHERS[key] = (dependency, glosses)
    return _MATCHERS[key]


# ----------------------------------------------------------------- spans


def _contiguous(tokens, around) -> tuple[int, int]:
    """The unbroken run of token indexes containing `around`."""
    indexes = {t.i for t in tokens}
    start = end = around.i
    while start - 1 in indexes:
        start -= 1
    while end + 1 in indexes:
        end += 1
    return start, end + 1


def term_span(token) -> tuple[int, int]:
    """The noun phrase a term token heads, without clauses, appositives and most phrases after it.

    An acronym in brackets after the head stays: "the Regional Board of Appeal (RBA)".
    """
    keep = [token]
    for child in token.lefts:
        if child.dep_ in TERM_LEFT_DEPS:
            keep.extend(child.subtree)
    for child in token.rights:
        if child.dep_ == "prep" and (
            child.lower_ != "of" or any(_is_date(g) for g in child.children)
        ):
            continue  # "the Thaw of 1921-24": a date is not part of the name
        if child.dep_ in TERM_RIGHT_DEPS:
            keep.extend(child.subtree)
        elif (
            child.dep_ == "appos"
            and ACRONYM.match(child.text)
            and child.i > 0
            and child.doc[child.i - 1].text == "("
        ):
            keep.extend(child.doc[child.i - 1 : child.i + 2])
    start, end = _contiguous(keep, token)
    doc = token.doc
    # "our new policy": a possessive determiner points at the speaker, it is not part of the term
    while start < token.i and (
        doc[start].is_punct
        or doc[start].dep_ in ("cc", "preconj")
        or (doc[start].tag_ == "PRP$" and token.i - start >= 2)
    ):
        start += 1
    while end - 1 > token.i and (
        doc[end - 1].is_punct and doc[end - 1].text != ")" or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    if doc[end - 1].text == ")" and "(" not in doc[start:end].text:
        end -= 1
    return start, end


def _is_date(token) -> bool:
    return token.like_num or token.ent_type_ in ("DATE", "CARDINAL")


def definition_span(node, how: str, excluded) -> tuple[int, int] | None:
    doc = node.doc
    cut = {t.i for e in excluded for t in e.subtree}
    if how == "subtree":
        tokens = [t for t in node.subtree if t.i not in cut]
        start, end = _contiguous(tokens, node)
    elif (
        how == "rest"
    ):  # the node's phrase and the rest of its clause: "the right, granted by ..., to fish"
        start, end = node.left_edge.i, node.right_edge.i + 1
        for sibling in node.head.rights:
            if sibling.i > node.i and sibling.dep_ not in ("conj", "cc", "punct", "parataxis"):
                end = max(end, sibling.right_edge.i + 1)
    elif how == "after":  # "defined | as a set of ...": to the end of the sentence (or a semicolon)
        start, end = (
            node.i + 1,
            next((t.i for t in doc[node.i :] if t.text in (";", ":")), len(doc)),
        )
        while start < end and doc[start].lower_ in ("as", ","):
            start += 1
    else:  # "from": the node and what follows it in its phrase
        start, end = node.i, node.right_edge.i + 1
    while start < end and (
        doc[start].is_punct
        or doc[start].lower_ in ("or", "that", "is", "i.e.")
        or (doc[start].like_num and doc[start].dep_ == "nummod" and doc[start].head.pos_ == "PROPN")
    ):
        start += 1  # "4.2 Harbour Pilots": a caption's number is no part of the phrase
    # "another way councils act: if you ...": what follows a colon or semicolon is another statement
    end = next((t.i for t in doc[start:end] if t.text in (":", ";")), end)
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in (")", "”", '"'):
        end -= 1
    return (start, end) if end > start else None


# ----------------------------------------------------------------- guards


def term_ok(doc, start: int, end: int, rules, names: frozenset[str] = frozenset()) -> bool:
    tokens = doc[start:end]
    words = [t for t in tokens if not t.is_punct]
    if not words or len(words) > rules.max_term_words:
        return False
    root = tokens.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    lowered = [t.lower_ for t in words]
    if lowered[0] in rules.rejected_subject_words or any(t.pos_ == "PRON" for t in words):
        return False
    if any(
        t.lower_ in rules.rejected_term_determiners and t.dep_ in ("det", "predet", "amod")
        for t in words
    ):
        return False
    if any(w in rules.discourse_openers for w in lowered):
        return False
    content = [t for t in words if not t.is_stop]
    if not content or (
        len(content) <= 2
        and root.lower_ in rules.shell_nouns
        and not any(t.pos_ == "PROPN" for t in content)
    ):
        return False  # "the result", "the main issue" (but "the Corvell issue" is a name)
    if any(
        c.dep_ == "prep"
        and (c.lower_ in ("like", "including") or any(g.lower_ == "such" for g in c.children))
        for c in root.children
    ):
        return False  # "guilds such as A and B are ...": what follows is said of the examples
    if lowered[0] == "own":
        return False  # "[his] own state": a pointer to someone, not a term
    if any(t.tag_ in ("JJS", "RBS") or t.lower_ in rules.identifying_adjectives for t in words):
        return False  # "the biggest shift", "the main reason": a description that picks a thing out, not a concept
    if any(c.dep_ in ("nummod", "quantmod") for c in root.children) or any(
        t.like_num for t in words
    ):
        return False  # "three areas", "over 80 towns", "Chapter 11", "Figure 3.2 The harbour"
    if sum(start <= c.i < end for c in root.conjuncts) >= 2:
        return False  # "A, B and C are ...": a list of things, not one term
    rejected = set(rules.rejected_term_labels) | set(rules.place_labels)
    for (
        entity
    ) in doc.ents:  # the head of the term inside a person, a time, a quantity or a place name
        if (
            entity.start <= root.i < entity.end
            and entity.label_ in rejected
            and _believable(entity, rules, names)
        ):
            return False
    return True


def _believable(entity, rules, names: frozenset[str]) -> bool:
    """A small NER calls "the Great Thaw" a DATE and a sentence's first word ("Barter, ...") a PERSON.

    A date or time needs a digit or a time word; a one-word name at the start of the sentence
    must be a word the document capitalises elsewhere too.
    """
    if entity.label_ in ("DATE", "TIME"):
        return any(t.like_num or t.lower_ in rules.time_words for t in entity)
    if len(entity) == 1 and entity.start == 0:
        return entity.text.lower() in names
    return True


def definition_ok(doc, start: int, end: int, rules) -> bool:
    tokens = doc[start:end]
    words = [t for t in tokens if not t.is_punct]
    if len(words) < 2:
        return False
    pointer = words[0].tag_ == "PRP$" and tokens.root.lower_ not in rules.name_nouns
    if (
        words[0].lower_ in rules.quantifiers
        or words[0].lower_ in rules.discourse_openers
        or pointer
        or (words[0].lower_ in ("this", "these", "that", "those") and words[0].dep_ == "det")
    ):
        return False  # "all goods", "its own plan", "this system": a quantity or a pointer back, not a description
    opened = sum(t.text in ("“", '"') for t in doc[:start]) - sum(
        t.text == "”" for t in doc[:start]
    )
    if opened > 0:
        return False  # inside a quotation: another text's words
    root = tokens.root
    if root.ent_type_ in rules.quantity_labels or (root.like_num and root.lower_ != "one"):
        return False
    if root.lower_ in rules.non_defining_heads:
        return False  # "X is an example of Y" places X, it does not say what X is
    if any(
        c.dep_ == "poss" and (c.pos_ == "PROPN" or c.ent_type_ == "PERSON") for c in root.children
    ):
        return False  # "Halvorsen's finance minister": X placed by its relation to someone, not defined
    if any(c.dep_ in ("advmod", "predet") and c.i < root.i and c.i >= start for c in root.children):
        return False  # "just one of the ways", "quite a reminder": hedged or evaluative
    if start > 0 and doc[start - 1].text in ("“", '"'):
        return False  # the definition is a quotation
    if QUOTED_WORDS.match(
        doc[start : min(end, start + 4)].text + doc[min(end, start + 4) : end].text
    ):
        return False  # it opens by quoting another text at length: that text's definition, not this one's
    if sum(start <= c.i < end for c in root.conjuncts) >= 2 or any(
        c.dep_ == "nummod" and start <= c.i < end for c in root.children
    ):
        return (
            False  # "the law of contracts, the statutes, and maritime law": a list, an enumeration
        )
    if root.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        restrictive = any(c.dep_ in RESTRICTIVE_DEPS and start <= c.i < end for c in root.rights)
        if root.lower_ in rules.evaluative_heads and not restrictive:
            return False
        if root.pos_ == "PRON" and not restrictive:
            return False
    return True


# ----------------------------------------------------------------- constructions


def _found(
    doc,
    term_token,
    definition: tuple[int, int] | None,
    rule: str,
    rules,
    names: frozenset[str],
    term: tuple[int, int] | None = None,
) -> Found | None:
    if definition is None:
        return None
    t_start, t_end = term or term_span(term_token)
    d_start, d_end = definition
    if not term_ok(doc, t_start, t_end, rules, names) or not definition_ok(
        doc, d_start, d_end, rules
    ):
        return None
    definition_root = doc[d_start:d_end].root
    if definition_root.lower_ in rules.person_role_nouns and all(
        t.pos_ == "PROPN" or t.is_punct for t in doc[t_start:t_end] if t.dep_ != "det"
    ):
        return None  # "Orvath, the Tesselian envoy": a person the NER missed
    if t_start < d_end and d_start < t_end:  # the term inside its own definition
        if not (d_start <= t_start and t_end <= d_end) or rule != "def.copula":
            return None
    term_span_ = doc[t_start:t_end]
    return Found(
        term_span_.text, doc[d_start:d_end].text, rule, term_span_.start_char, term_span_.end_char
    )


def _appositive(doc, head, appositive, rule: str, rules, names: frozenset[str]) -> Found | None:
    """ "X, a Y ...": the name is the term and the description its definition; of two common nouns, the first."""
    if appositive.i < head.i or (
        ACRONYM.match(appositive.text) and doc[appositive.i - 1].text == "("
    ):
        return None  # "the Board (RAB)": an abbreviation belongs to the term
    if head.pos_ not in ("NOUN", "PROPN") or not _adjacent(doc, head, appositive):
        # the parser often hangs an appositive on a far noun or a verb: it explains the noun just before it
        head = _noun_before(doc, appositive.left_edge.i, climb=False)
        if head is None:
            return None
        if _name_like(
            appositive
        ):  # "a body of the guild, the Assembly": the name needs the description's head
            head = _phrase_head(head)
    elif not _plain_appositive(doc, head, appositive):
        return None
    head_named, appositive_named = _name_like(head), _name_like(appositive)
    if head_named and appositive_named:
        return None  # "Springfield, Ill.", "Orvath, the Guild": two names
    if appositive_named:
        if not _described(head):
            return None
        return _found(
            doc, appositive, definition_span(head, "subtree", [appositive]), rule, rules, names
        )
    if not (appositive.pos_ == "NOUN" or any(c.lower_ in ("a", "an") for c in appositive.lefts)):
        return None  # the description needs a common noun head ("an agency", "a regional guild")
    if any(c.lower_ in rules.naming_verbs for c in appositive.children):
        return None  # "..., a concept known as X": the appositive names what came before, X is the term
    return _found(doc, head, definition_span(appositive, "subtree", []), rule, rules, names)


def _name_like(noun) -> bool:
    """A proper name ("the Guild", "the Corvell issue"), not a description ("an extremist group")."""
    if any(c.lower_ in ("a", "an") for c in noun.lefts):
        return False  # "a regional guild": names take no indefinite article
    return noun.pos_ == "PROPN" or any(
        t.pos_ == "PROPN" for c in noun.lefts if c.dep_ == "compound" for t in c.subtree
    )


def _adjacent(doc, head, appositive) -> bool:
    return all(t.is_punct for t in doc[_phrase_end(head) : appositive.left_edge.i])


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
EMBEDDED_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp", "conj"})


def _main_clause(token) -> bool:
    """A finite verb that heads a clause of its own (not a relative or other embedded clause)."""
    if token.tag_ not in FINITE_TAGS:
        return False
    verb = token.head if token.dep_ in ("aux", "auxpass") else token
    return verb.dep_ not in EMBEDDED_DEPS


def is_clause(doc, start_char: int, end_char: int) -> bool:
    """True when the text between the offsets holds a main clause ("the idea names a trait")."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    return span is not None and any(_main_clause(t) for t in span)


def _plain_appositive(doc, head, appositive) -> bool:
    """An appositive next to its noun that is not a member of a list ("A, the B, and the C")."""
    if any(c.dep_ == "conj" for c in head.children) or any(
        c.dep_ == "conj" for c in appositive.children
    ):
        return False
    if sum(1 for c in head.children if c.dep_ == "appos" and not ACRONYM.match(c.text)) > 1:
        return False
    return doc[appositive.left_edge.i].lower_ not in (
        "namely",
        "including",
        "such",
        "especially",
        "particularly",
    )


def _described(noun) -> bool:
    """ "an agency", "the largest guild", "its nickname": a description; "the aid" alone is only a pointer."""
    if any(c.lower_ in ("a", "an") for c in noun.lefts):
        return True
    return any(
        c.dep_ in ("amod", "compound", "poss", "nmod", "prep", "relcl", "acl")
        for c in noun.children
    )


def _phrase_end(token) -> int:
    return term_span(token)[1]


def _plain_copula(doc, copula, complement, rules) -> bool:
    """ "X is a Y": affirmative, unhedged, with the subject opening the sentence (after an opening phrase)."""
    if any(c.dep_ == "neg" for c in copula.children):
        return False
    if any(
        c.dep_ == "advmod" and c.lower_ not in rules.predicate_adverbs
        for c in copula.children
        if c.i > copula.i
    ):
        return False
    if complement.pos_ == "PROPN":
        return False  # "the main problem is the war in X": the complement is a name, the sentence identifies
    if (
        not any(c.dep_ in ("det", "poss", "nummod") for c in complement.children)
        and complement.lower_ != "one"
    ):
        # "Enzymes are proteins that ...": without an article the class must be restricted by a clause
        if not any(c.dep_ in ("relcl", "acl") for c in complement.children):
            return False
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    start = subject.left_edge.i
    if (
        subject.lower_ == "it"
    ):  # "...; rather, it is": a second clause about the first one's subject
        return start > 0 and any(t.text in (";", ",") for t in doc[start - 2 : start])
    if start == 0:
        return True
    if doc[start - 1].text != ",":
        return False
    # "In 1873, X was ...", "Headquartered in Y, X is ...": the words before are an adverbial, not another subject
    opening = doc[0 : start - 1]
    return all(t.dep_ in ADVERBIAL_DEPS for t in opening if t.head.i >= start - 1 or t.head == t)


def _noun_before(doc, i: int, climb: bool = True):
    """The noun a gloss or an appositive after position `i` explains: the last noun phrase before it.

    "the terms of trade—that is, ...": the head of the whole phrase, "terms".
    """
    j = i - 1
    while j >= 0 and (doc[j].is_punct or doc[j].text == ")"):
        j -= 1
    if j < 0 or doc[j].pos_ not in ("NOUN", "PROPN"):
        return None
    return _of_head(doc[j]) if climb else doc[j]


def _phrase_head(token):
    """The head of the noun phrase `token` ends: "a serious barrier to trade" for "trade"."""
    while (
        token.dep_ == "pobj"
        and token.head.dep_ == "prep"
        and token.head.head.pos_ in ("NOUN", "PROPN")
        and token.head.head.i < token.i
    ):
        determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
        if determiners & {"a", "an"}:
            break  # "a serious barrier to ...": a whole description already
        if token.head.lower_ == "of" and token.pos_ != "PROPN":
            break  # "a member of an organization, the X": X is the organization
        if token.head.lower_ != "of" and determiners:
            break  # "in the main body of Y": the organ, not what it is in
        token = token.head.head
    return token


def _of_head(token):
    """The head of "N of M" when given M."""
    while (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.pos_ in ("NOUN", "PROPN")
    ):
        token = token.head.head
    return token


def _trim_end(doc, end: int) -> int:
    while end > 0 and doc[end - 1].is_punct:
        end -= 1
    return end


def _gloss_end(doc, start: int) -> int:
    end = start
    while end < len(doc) and doc[end].text not in STOP_PUNCT:
        end += 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in ('"', "”"):
        end -= 1
    return end


def construction_matches(doc, rules) -> list:
    """Where the constructions' dependency patterns match one parsed sentence (they read the parse only)."""
    if not doc.has_annotation("DEP"):
        return []
    return matchers(doc.vocab, rules)[0](doc)


def find(doc, rules, names: frozenset[str] = frozenset(), matches=None) -> list[Found]:
    """Every definition the constructions find in one parsed sentence, best first (one per term).

    `names`: words the document capitalises mid-sentence (see definitions.proper_words); a
    capitalised first word that is not among them is not believed to be a name. `matches`:
    `construction_matches(doc, rules)` when already known (entities added since leave them).
    """
    if not doc.has_annotation("DEP"):
        return []
    dependency, glosses = matchers(doc.vocab, rules)
    found: list[Found] = []
    for match_id, token_ids in dependency(doc) if matches is None else matches:
        construction = rules.constructions[int(doc.vocab.strings[match_id])]
        nodes = {spec["RIGHT_ID"]: doc[i] for spec, i in zip(construction.pattern, token_ids)}
        if [nodes[n].i for n in construction.order] != sorted(
            nodes[n].i for n in construction.order
        ):
            continue
        term_token = nodes[construction.term]
        node = nodes[construction.definition]
        if term_token.lower_ == "it" and construction.rule == "def.copula":
            # "X is not kept in one place; rather, it is the total of ...": "it" is the subject before it
            term_token = next(
                (
                    t
                    for t in doc[: term_token.i]
                    if t.dep_ in ("nsubj", "nsubjpass")
                    and t.pos_ in ("NOUN", "PROPN")
                    and t.head != node.head
                ),
                None,
            )
            if term_token is None:
                continue
        if construction.name_is_term:
            item = _appositive(
                doc,
                nodes[construction.term],
                nodes[construction.definition],
                construction.rule,
                rules,
                names,
            )
            if item:
                found.append(item)
            continue
        if construction.definition == "head" and construction.rule == "def.known-as":
            node = _of_head(node)  # "bands of volunteers known as X": the battalions are X
        if construction.term == "head" and term_token.pos_ not in ("NOUN", "PROPN"):
            term_token = _noun_before(doc, node.left_edge.i)
            if term_token is None:
                continue
        if construction.definition == "head" and not _described(node):
            continue
        if construction.rule == "def.copula" and not _plain_copula(
            doc, nodes["copula"], node, rules
        ):
            continue
        excluded = [nodes[name] for name in construction.exclude]
        span = definition_span(node, construction.definition_span, excluded)
        item = _found(doc, term_token, span, construction.rule, rules, names)
        if item and construction.definition == "head" and "verb" in construction.exclude:
            # "a doctrine called FTR, which allows ...": the clause on the name describes it too
            clauses = [
                c for c in term_token.children if c.dep_ in ("relcl", "acl") and c.i > term_token.i
            ]
            if clauses:
                tail = doc[
                    clauses[0].left_edge.i : _trim_end(doc, clauses[-1].right_edge.i + 1)
                ].text
                item = replace(item, definition=f"{item.definition} {tail}")
        if (
            item and construction.predicate
        ):  # "A form of X, Vorlism sought ...": the description and what it did
            verb = nodes[construction.predicate]
            predicate = doc[verb.i : _trim_end(doc, verb.right_edge.i + 1)].text
            item = replace(item, definition=f"{item.definition} that {predicate}")
        if item:
            found.append(item)
    for match_id, start, end in glosses(doc):
        gloss = rules.glosses[int(doc.vocab.strings[match_id])]
        item = _gloss(doc, start, end, gloss, rules, names)
        if item:
            found.append(item)
    return _one_per_term(found)


def _gloss(doc, start: int, end: int, gloss, rules, names: frozenset[str]) -> Found | None:
    """ "X—that is, Y", "X (the Y)", "X, or Y": the phrase before the marker and the gloss after it."""
    if gloss.kind == "what":
        return _what_called(doc, start, end, gloss.rule, rules, names)
    if gloss.kind == "alias":
        return _alias(doc, start, end, gloss.rule, rules, names)
    boundary = start + 1 if gloss.kind == "or" else start  # "or" patterns open on the noun itself
    # "the terms of trade—that is, ..." glosses the whole phrase; "Wends (the ...)" the last noun
    term_token = _noun_before(doc, boundary, climb=gloss.kind != "bracket")
    if term_token is None:
        return None
    if gloss.kind == "or":
        conj = doc[end] if end < len(doc) else None
        # "X, or Y" glosses X only when Y is X's single conjunct (not the last of a list "A, B, or C")
        if conj is None or conj.head != term_token or conj.dep_ != "conj":
            return None
        if sum(1 for c in term_token.children if c.dep_ == "conj") != 1:
            return None
        span = definition_span(conj, "subtree", [])
    else:
        opens = (
            start + 1 if gloss.kind == "bracket" else end
        )  # "(the Y)": the gloss is the bracket's phrase
        while opens < len(doc) and doc[opens].is_punct:
            opens += 1
        span = (opens, _gloss_end(doc, opens))
    if span is None or span[0] >= len(doc):
        return None
    first = doc[span[0]]
    if first.pos_ == "ADP" or (first.pos_ == "PRON" and first.lower_ not in ("those", "one")):
        return None  # "that is, from the method ...", "i.e. it raised ...": not a phrase that glosses X
    if any(_main_clause(t) for t in doc[span[0] : span[1]]):
        return None  # a whole clause in brackets is a remark, not a gloss
    t_start, t_end = term_span(term_token)
    t_end = min(t_end, boundary)
    return _found(doc, term_token, span, gloss.rule, rules, names, (t_start, t_end))


def _what_called(
    doc, start: int, end: int, rule: str, rules, names: frozenset[str]
) -> Found | None:
    """ "an awareness of their lot—what Orvath calls guild sense": the phrase before names the term."""
    if end >= len(doc):
        return None
    name = doc[end]
    while name.dep_ in ("det", "amod", "compound", "poss") and name.head.i > name.i:
        name = name.head
    described = _noun_before(doc, start)
    if described is None or name.pos_ not in ("NOUN", "PROPN"):
        return None
    span = (described.left_edge.i, _trim_end(doc, start))
    return _found(doc, name, span, rule, rules, names)


def _alias(doc, start: int, end: int, rule: str, rules, names: frozenset[str]) -> Found | None:
    """ "The Harlow Scheme (officially the Coastal Renewal Programme, CRP)": the other name is the term."""
    named = _noun_before(doc, start, climb=False)
    close = _gloss_end(doc, end)  # up to the comma or bracket that ends the other name
    close = next((t.i for t in doc[end:close] if t.text == ","), close)
    if named is None or close <= end:
        return None
    name = doc[end:close].root
    return _found(doc, name, term_span(named), rule, rules, names, (end, close))


def _one_per_term(found: list[Found]) -> list[Found]:
    kept: dict[str, Found] = {}
    for item in found:
        key = item.term.lower().removeprefix("the ").removeprefix("a ").removeprefix("an ")
        if key not in kept or len(item.definition) > len(kept[key].definition):
            kept[key] = item
    return sorted(kept.values(), key=lambda f: f.term_start)
