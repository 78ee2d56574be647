"""Members of a list read from the dependency parse: the conjuncts of one head.

The regular-expression rules find where a named list starts; with a trained
pipeline the parse then says where each member ends, so an "and" inside a
member ("respect for custom and local autonomy") stays, and a
clause hung on a member ("..., which has authority over ...") is left out.
spaCy objects stay in this module: callers get plain strings.
"""

from __future__ import annotations

# Children that end a member rather than belong to it: the next conjunct, the
# coordinator, punctuation, and clauses that only comment on the member.
NOT_PART = frozenset({"conj", "cc", "punct", "relcl", "acl", "appos", "advcl", "preconj"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
NOUN_LEAD = frozenset(
    {"DET", "ADJ", "NUM", "PROPN", "NOUN", "PRON", "X"}
)  # what may open a noun phrase


def _member_text(doc, head) -> str:
    skipped: set[int] = set()
    for child in head.children:
        if child.dep_ in NOT_PART and (child.i > head.i or child.dep_ == "preconj"):
            skipped.update(t.i for t in child.subtree)
    tokens = [t for t in head.subtree if t.i not in skipped]
    # keep the contiguous run that holds the head
    start = end = tokens.index(head)
    while start > 0 and tokens[start - 1].i == tokens[start].i - 1:
        start -= 1
    while end + 1 < len(tokens) and tokens[end + 1].i == tokens[end].i + 1:
        end += 1
    first, last = tokens[start], tokens[end]
    return doc.text[first.idx : last.idx + len(last.text)].strip(" ,;:—–-(")


def conjunct_members(
    doc, start_char: int, end_char: int | None = None, nominal: bool = False
) -> list[str]:
    """Members of the coordination that starts at `start_char` (within `end_char`), or [] when none does.

    The first member's head is the token with conjuncts whose phrase begins at
    the list start (a determiner or number marker before it may open the phrase).
    With `nominal`, every conjunct must be a noun, name or gerund phrase.
    """
    end_char = len(doc.text) if end_char is None else end_char
    inside = [t for t in doc if start_char <= t.idx < end_char]
    if not inside:
        return []
    first = next((t for t in inside if not t.is_punct), inside[0])
    best = None
    for token in inside:
        conjuncts = [c for c in token.children if c.dep_ == "conj" and c.idx < end_char]
        # "both A and B": the preconjunction opens the phrase but is no part of the first member
        opens = token.left_edge.i + (token.left_edge.dep_ == "preconj")
        if not conjuncts or first.i not in (token.i, opens):
            continue
        if best is None or len(token.conjuncts) > len(best.conjuncts):
            best = token
    if best is None:
        return []
    heads = [
        best,
        *sorted(
            (c for c in best.conjuncts if c.i > best.i and c.idx < end_char), key=lambda c: c.i
        ),
    ]
    if nominal and not all(h.pos_ in NOMINAL or h.tag_ == "VBG" for h in heads):
        return []
    return [_member_text(doc, h) for h in heads]


def coordination_ending_at(doc, end_char: int) -> list[str]:
    """Members of the coordination whose last conjunct ends just before `end_char`, or [].

    For lists named after them ("received A, B, and C as wedding gifts"), where
    only the parse knows where the first member begins.
    """
    before = [t for t in doc if t.idx + len(t.text) <= end_char and not t.is_punct]
    if not before:
        return []
    # the outermost conjunct that ends there: "A, B, and the ports of C and D" ends in "D", a member of B's list
    chain = [before[-1], *before[-1].ancestors]
    ending = [t for t in chain if t.dep_ == "conj" and t.right_edge.i == before[-1].i]
    if not ending:
        return []
    last = ending[-1]
    first = last
    while first.dep_ == "conj":
        first = first.head
    heads = [first, *sorted((c for c in first.conjuncts if c.i > first.i), key=lambda c: c.i)]
    return [_member_text(doc, h) for h in heads]


def is_plural_noun(doc, char: int) -> bool:
    """True when the word at `char` is tagged as a plural noun ("powers", not the verb "displays")."""
    # the small tagger often calls a capitalised plural a singular name ("Trade Routes")
    return any(
        t.idx == char and (t.tag_ in ("NNS", "NNPS") or t.tag_ == "NNP" and t.text.endswith("s"))
        for t in doc
    )


FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _is_noun_phrase(words) -> bool:
    """Opens like a noun phrase, ends in a noun, holds no finite verb.

    Not: "soon merged into ...", "present between March ...", "the talks failed".
    """
    if not words or words[-1].pos_ not in NOMINAL:
        return False
    if words[0].pos_ not in NOUN_LEAD:
        return False
    if words[0].pos_ == "ADJ" and len(words) > 1 and words[1].pos_ == "ADP":
        return False
    return not any(t.tag_ in FINITE for t in words)


def are_phrases(doc, start_char: int, members: list[str]) -> bool:
    """True when the members, found in order from `start_char`, are all noun phrases or all gerund phrases.

    The check for lists the parse attaches oddly (an apposition for a conjunct, a
    progressive for "aims are funding A, keeping B"): "useful when" or
    "clear" are not members of a set.
    """
    at, spans, text = (
        start_char,
        [],
        doc.text.lower(),
    )  # members may have lost a capital ("The ..." -> "the ...")
    for member in members:
        found = text.find(member.lower(), at)
        if found < 0:
            return False
        at = found + len(member)
        spans.append([t for t in doc if found <= t.idx < at and not t.is_punct])
    return all(_is_noun_phrase(words) for words in spans) or all(
        words and words[0].tag_ == "VBG" for words in spans
    )


def verb_phrase_members(doc, start_char: int, end_char: int) -> list[str]:
    """Members of "to A, B and C" where each opens with a base-form verb: "preserve X, Y and Z, create W, and maintain V".

    For lists the parse attaches oddly; a comma (or "and") before a base verb starts a
    member, so the nouns listed inside one member ("X, Y and Z") stay in it.
    """
    tokens = [t for t in doc if start_char <= t.idx < end_char]
    if not tokens or tokens[0].tag_ != "VB":
        return []
    starts = [0]
    for i, token in enumerate(tokens[1:], 1):
        before = [t.lower_ for t in tokens[max(0, i - 3) : i]]
        # the small tagger often calls a base verb after a comma a present tense ("create" as VBP)
        if (
            token.tag_ in ("VB", "VBP")
            and before
            and before[-1] in (",", "and", "to")
            and "," in before
        ):
            starts.append(
                i - (before[-1] == "to") - (before[-2:-1] == ["and"] and before[-1] == "to")
            )
    members = []
    for a, b in zip(starts, [*starts[1:], len(tokens)]):
        words = tokens[a:b]
        while words and (words[-1].is_punct or words[-1].lower_ in ("and", "or", "to")):
            words = words[:-1]
        while words and words[0].lower_ in ("and", "or", "to", ","):
            words = words[1:]
        if words:
            members.append(doc.text[words[0].idx : words[-1].idx + len(words[-1].text)])
    return members if len(members) >= 2 else []
