"""Wording shared by the question types: lists, dates, names and accepted answers."""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass

from ..util.dates import MONTH_NAMES
from .ids import normalise

NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
)
ARTICLES = ("the ", "a ", "an ")
# Words before a name that say what a person is, not who: dropped from accepted answers.
TITLES = {
    "president",
    "vice",
    "prime",
    "minister",
    "former",
    "then",
    "chairman",
    "comrade",
    "mr",
    "mrs",
    "ms",
    "dr",
    "professor",
    "prof",
    "sir",
    "general",
    "secretary",
    "senator",
    "governor",
    "mayor",
    "chancellor",
    "premier",
    "foreign",
    "state",
    "chinese",
    "british",
    "american",
    "us",
    "u.s",
}


_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_POSSESSIVE = re.compile(r"[’']s$")
_SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "to", "a", "an", "de", "von", "van", "da"}


@functools.lru_cache(maxsize=65536)  # asked of every distractor candidate
def is_name(text: str) -> bool:
    """A proper name or title: every word that is not a small word starts with a capital."""
    return _all_capitalised(_NAME_WORD.findall(text))


def title_case(text: str, small: set[str]) -> bool:
    """Every word of `text` but the `small` ones starts with a capital (a heading, a name)."""
    return _all_capitalised(_WORD.findall(text), small)


def _all_capitalised(words: list[str], small: set[str] = _SMALL_WORDS) -> bool:
    words = [w for w in words if w.lower() not in small]
    return bool(words) and all(w[0].isupper() for w in words)


@dataclass(frozen=True)
class WordCases:
    """How a document writes its words: in lower case somewhere, or capitalised inside a
    sentence (a name). Decides whether a sentence-start capital can be dropped."""

    lower: frozenset[str] = frozenset()
    capitalised: frozenset[str] = frozenset()

    @classmethod
    def of(cls, sentences) -> WordCases:
        lower, capitalised = set(), set()
        for text in sentences:
            words = _WORD.findall(text)
            if not words or _all_capitalised(words):
                continue  # a heading in title case says nothing about names
            lower.update(w for w in words if w[0].islower())
            capitalised.update(_POSSESSIVE.sub("", w) for w in words[1:] if not w[0].islower())
        return cls(frozenset(lower), frozenset(capitalised))


def in_sentence(text: str, cases: WordCases = WordCases()) -> str:
    """A phrase as it reads mid-sentence, without the capital a sentence start gave it:
    'Cross-border trade' -> 'cross-border trade'. Kept: acronyms ('UN'), words the
    document capitalises mid-sentence ('Orvath', 'Danish') and titles in title case."""
    text = text.strip()
    first = text.split(" ", 1)[0]
    if not first[:1].isupper() or (first[1:] and not first[1:].islower()):
        return text  # already lower case, or an acronym
    if first.lower() in {"the", "a", "an"}:
        return text[:1].lower() + text[1:]
    following = text.split()[1:3]
    if re.sub(r"[’']s$", "", first) in cases.capitalised or (is_name(text) and " " in text):
        return text
    if any(word[:1].isupper() for word in following):
        return text  # the start of a name or title: 'Anna van Dorn', 'Comrade Tarin
    if first.lower() in cases.lower or cases.capitalised:
        return text[:1].lower() + text[1:]
    return text  # a document too short to tell


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """Capitalised, ending with one full stop unless it already ends a sentence."""
    text = capitalise(text.strip())
    return text if text.endswith((".", "?", "!", "…", "”", '"')) else text + "."


def join_words(words: tuple[str, ...] | list[str]) -> str:
    """'a, b and c'; with a serial comma when a member itself holds 'and'."""
    words = list(words)
    if len(words) < 2:
        return "".join(words)
    serial = "," if len(words) > 2 and any(" and " in w for w in words) else ""
    return f"{', '.join(words[:-1])}{serial} and {words[-1]}"


ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)


def ordinal(n: int) -> str | None:
    """'third' for 3; None past ten, where a question would rather not count."""
    return ORDINALS[n - 1] if 0 < n <= len(ORDINALS) else None


def count_word(n: int) -> str:
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)


def states_count(label: str) -> bool:
    """True when a list's label already says how many members it has ('three deficits')."""
    words = normalise(label).split()
    return any(w in NUMBER_WORDS or w.isdigit() for w in words)


# A list's name must be a noun phrase to be asked about ("the three deficits"), not the
# clause an extractor may take it from ("However, delays have followed").
_LABEL_OPENERS = {
    "however",
    "in",
    "to",
    "if",
    "when",
    "while",
    "although",
    "because",
    "as",
    "so",
    "then",
    "thus",
    "therefore",
    "first",
    "second",
    "and",
    "but",
    "or",
    "by",
    "with",
    "for",
    "on",
    "at",
    "from",
}
_LABEL_VERBS = {
    "this",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",  # "the aims of this plan": which plan?
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "should",
    "will",
    "would",
    "can",
    "could",
    "must",
    "may",
    "might",
    "do",
    "does",
    "did",
    "that",
    "which",
    "who",
}
_LABEL_ENDINGS = _LABEL_VERBS | {
    "featuring",
    "including",
    "namely",
    "such",
    "like",
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "by",
    "to",
}
_PREPOSITIONS = {
    "of",
    "in",
    "for",
    "on",
    "to",
    "with",
    "between",
    "among",
    "from",
    "under",
    "about",
    "against",
}
MAX_LABEL_WORDS = 12
# Head nouns that say what a list is only with a complement: "the three levels" of
# what? "aspects of farming" names its list, "five aspects" does not.
_VAGUE_HEADS = {
    "aspects",
    "elements",
    "factors",
    "levels",
    "points",
    "ways",
    "things",
    "items",
    "parts",
    "areas",
    "types",
    "kinds",
    "steps",
    "features",
    "issues",
    "dimensions",
}


def usable_label(label: str) -> bool:
    label = _OWNED_BY.sub("", label.strip())  # "three inputs that plants need" (anchored_label)
    words = label.strip().split()
    lowered = [w.lower().strip("“”\"'’") for w in words]
    return (
        0 < len(words) <= MAX_LABEL_WORDS
        and not re.search(r"[,;:]", label)
        and not words[0][:1].isdigit()
        and lowered[0] not in _LABEL_OPENERS
        and lowered[-1] not in _LABEL_ENDINGS
        and not set(lowered) & _LABEL_VERBS
        and not (lowered[-1] in _VAGUE_HEADS and not set(lowered) & _PREPOSITIONS)
    )


# What may follow a list's name where the sentence names it ("the three deficits: ...",
# "principles of ...", "problems, namely ..."). Any other word makes the name the subject
# of a clause ("The relations featured ..."): it says what the members are about, not
# what they are.
_NAMING_FOLLOWERS = {
    "are",
    "is",
    "were",
    "was",
    "include",
    "includes",
    "included",
    "including",
    "namely",
    "such",
    "as",
    "of",
    "in",
    "with",
    "for",
    "that",
    "which",
    "to",
    "on",
    "at",
    "from",
    "by",
    "and",
    "or",
}


def names_its_list(label: str, sentence: str) -> bool:
    """False when the sentence goes on from the label with a verb of its own, so the label
    is a clause's subject rather than the list's name. A label not written verbatim in its
    sentence (a heading, a count the extractor read) is taken as a name."""
    found = re.search(re.escape(label.strip()), sentence, re.IGNORECASE)
    if not found:
        return True
    after = re.match(r"\s*([\w’'-]+|\S)", sentence[found.end() :])
    if not after or not after.group(1)[0].isalpha():
        return True  # punctuation or the end of the sentence
    return after.group(1).lower() in _NAMING_FOLLOWERS


# "X is organized into six bodies: ...", "X has three branches: ...": X owns the list.
_OWNING_VERB = re.compile(
    r"\s+(?:(?:has|have|had)|(?:is|are|was|were)\s+(?:organi[sz]ed|divided|grouped|split|made up|"
    r"composed|arranged)\s+(?:into|of)|(?:consists?|consisted)\s+of|(?:comprises?|comprised)"
    r"|(?:establishe[sd]|creates?|created|recogni[sz]e[sd]|identifie[sd]|lists?|listed|names?|named)"
    r")\s+$"
)
# What a clause says has, needs or names a list: "Plants need three inputs: ...".
_USING_VERBS = (
    r"needs?|needed|requires?|required|uses?|used|faces?|faced|identif(?:y|ies|ied)"
    r"|proposes?|proposed|offers?|offered|sets? out"
)
_USING_VERB = re.compile(rf"\s+({_USING_VERBS})\s+$")
_OWNED_BY = re.compile(rf"\s+that\s+[^,;:]+?\s+(?:{_USING_VERBS})$")  # as anchored_label writes it
# Its owner: a name, "the" and a few words, or a bare plural opening the sentence.
_OWNER = re.compile(
    r"(?:^|[,;:]\s+)((?:[Tt]he\s+)?[A-Z][\w’'.&-]*(?:\s+(?:of\s+|the\s+|and\s+|for\s+)*[A-Z][\w’'.&-]*)*"
    r"|[Tt]he(?:\s+[\w’'.&-]+){1,3}|[A-Z][a-z]+s)$"
)
_LABEL_COMPLEMENT = re.compile(
    r"\s+((?:of|in|for|on|to|between|among)\s+[^,:;.()“”\"]+?)(?=\s*[,:;.()“”\"]|\s+(?:is|are|was|were|include[sd]?)\b|$)"
)
MAX_COMPLEMENT_WORDS = 7


def anchored_label(label: str, sentence: str, members: tuple[str, ...] = ()) -> str:
    """A list's name that says, alone, whose or what list it is, or "".

    'the principles of peaceful coexistence', 'the Five Principles' and 'the UN's organs' say
    it; a bare kind noun ('participants', 'the options') does not, and is completed from its
    sentence: with the complement the sentence gives it ('two forms' | 'of declarations of
    emergency'), or with the name that owns it ('The UN is organized into six main bodies:
    ...' -> 'six main bodies of the UN'); else only a name with a count is kept ('the four
    seasons')."""
    words = label.split()
    found = re.search(re.escape(label.strip()), sentence, re.IGNORECASE)
    # A capital that only opens a sentence ("The participants were ...") names nothing; nor
    # does one a title of the members gave it ("the Bishoprics of Metz, Toul and Verdun").
    opens = not found or re.search(r"(?:^|[.!?][”\")\]]*\s+)$", sentence[: found.start()])
    titled = bool(members and words) and re.search(
        rf"\b{re.escape(words[-1])}\s+of\s+(?:the\s+)?{re.escape(members[0].strip())}", sentence
    )
    named = [w for i, w in enumerate(words) if w[:1].isupper() and (i or not opens) and not titled]
    if named or set(w.lower() for w in words) & _PREPOSITIONS or re.search(r"[’']s\b", label):
        return label
    if not found:
        # A heading names its list; a count the extractor read across sentences ("two
        # dangers") does not say whose.
        return "" if states_count(label) else label
    after = _LABEL_COMPLEMENT.match(sentence[found.end() :])
    # "The governments of Burma, India, ...": a complement that opens the list is no name.
    opens_list = after and any(
        m.strip().casefold() in after.group(1).casefold() for m in members if m.strip()
    )
    if after and len(after.group(1).split()) <= MAX_COMPLEMENT_WORDS and not opens_list:
        return f"{label.strip()} {after.group(1).strip()}"
    before = sentence[: found.start()]
    for verb, of in ((_OWNING_VERB.search(before), True), (_USING_VERB.search(before), False)):
        owner = _OWNER.search(before[: verb.start()]) if verb else None
        if owner:
            name = owner.group(1)
            if owner.start(1) == 0 and name.split()[0][1:].islower() and " " not in name:
                name = name.lower()  # "Plants need ...": a capital that only opens the sentence
            name = "the " + name[4:] if name.startswith("The ") else name
            if of:
                return f"{strip_article(label.strip())} of {name}"
            return f"{strip_article(label.strip())} that {name} {verb.group(1)}"
    # "the participants", "the options", "three treaties": a word for what the text was
    # talking about, which asked alone does not say which ones.
    return ""


MAX_NAMING_WORDS = 6
_CLAUSE_WORDS = {"that", "which", "who", "whose", "where", "when", "whereby"}


def names_only(definition: str) -> bool:
    """True for a gloss that names one thing and says nothing of what the term is: a short
    definite phrase with a name in it and no complement ("the ASEAN Plus Three meetings",
    "the Nazi-controlled Reich bishop"). An appositive read as a definition gives these."""
    words = definition.strip().rstrip(".").split()
    lowered = {w.lower().strip(",") for w in words}
    return (
        1 < len(words) <= MAX_NAMING_WORDS
        and words[0].lower() == "the"
        and not lowered & (_PREPOSITIONS | _CLAUSE_WORDS)
        and any(w[:1].isupper() for w in words[1:])
    )


def plural_label(label: str) -> bool:
    """True when the head noun (last word before a preposition) is plural: 'aspects of X'."""
    head = []
    for word in label.lower().split():
        if word in _PREPOSITIONS or word in _CLAUSE_WORDS:
            break
        head.append(word)
    last = head[-1] if head else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def list_phrase(label: str, size: int, with_count: bool = False) -> str | None:
    """A plural noun phrase naming a list, or None when its name is not usable.

    'three shortages' -> 'the three shortages'; with_count: 'safety rules' ->
    'the three safety rules'; a singular name (not the members' name) -> None.
    """
    if not usable_label(label):
        return None
    label = in_sentence(label)
    if not plural_label(label):
        return None  # "the largest recipient": a singular name does not name the list's members
    if with_count and not states_count(label):
        return f"the {count_word(size)} {strip_article(label)}"
    return with_article(label)


def with_article(label: str) -> str:
    """'three shortages' -> 'the three shortages'; a label with its own article is kept."""
    return label if label.lower().startswith(ARTICLES) else f"the {label}"


def strip_article(text: str) -> str:
    lowered = text.lower()
    for article in ARTICLES:
        if lowered.startswith(article):
            return text[len(article) :]
    return text


# --- dates ---------------------------------------------------------------------------------


@functools.lru_cache(maxsize=65536)  # distractor searches ask again and again
def date_parts(iso: str) -> tuple[int, int | None, int | None]:
    parts = [int(p) for p in iso.split("-")]
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


def valid_date(iso: str) -> bool:
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", iso):
        return False
    year, month, day = date_parts(iso)
    if month is not None and not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def precision(iso: str) -> str:
    return ("year", "month", "day")[iso.count("-")]


@functools.lru_cache(maxsize=65536)  # distractor searches ask again and again
def display_date(iso: str, end: str | None = None) -> str:
    """'2020-11-15' -> '15 November 2020'; ranges as '1881–1893' or '12–15 October 1897'."""
    year, month, day = date_parts(iso)
    text = str(year)
    if month:
        text = f"{MONTH_NAMES[month - 1]} {year}"
    if day:
        text = f"{day} {text}"
    if not end:
        return text
    end_text = display_date(end)
    if day and end[:7] == iso[:7]:
        return f"{day}–{end_text}"
    return f"{text}–{end_text}"


def date_span(
    iso: str, end: str | None = None
) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """First and last day a date (or range) can mean: '2020-03' -> 1 to 31 March 2020."""
    year, month, day = date_parts(iso)
    first = (year, month or 1, day or 1)
    last_year, last_month, last_day = date_parts(end) if end else (year, month, day)
    last_month = last_month or 12
    last = (last_year, last_month, last_day or calendar.monthrange(last_year, last_month)[1])
    return first, last


def overlap(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    """True when two dates (ISO, end) may mean the same time: '2020' and 'March 2020'."""
    (a_first, a_last), (b_first, b_last) = date_span(*a), date_span(*b)
    return a_first <= b_last and b_first <= a_last


def names_own_year(event: str, iso: str) -> bool:
    """'the 1889 influenza' dates itself: asking its date would be no question."""
    return iso[:4] in event


def date_forms(iso: str, end: str | None = None) -> list[str]:
    """Ways a student may write the same date: all are accepted, none may be a distractor."""
    if end:
        start_year, end_year = date_parts(iso)[0], date_parts(end)[0]
        if start_year == end_year:  # '12–15 October 1897': the year alone would be too loose
            return [display_date(iso, end), display_date(iso, end).replace("–", "-")]
        return [display_date(iso, end), f"{start_year}-{end_year}", f"{start_year} to {end_year}"]
    year, month, day = date_parts(iso)
    if not month:
        return [str(year)]
    name = MONTH_NAMES[month - 1]
    if not day:
        return [f"{name} {year}", f"{name[:3]} {year}", iso]
    return [f"{day} {name} {year}", f"{name} {day}, {year}", f"{name[:3]} {day}, {year}", iso]


def shift_years(iso: str, years: int) -> str:
    year, month, day = date_parts(iso)
    if month == 2 and day == 29:
        day = 28  # the shifted year may not be a leap year
    parts = (
        [f"{year + years:04d}"]
        + ([f"{month:02d}"] if month else [])
        + ([f"{day:02d}"] if day else [])
    )
    return "-".join(parts)


def date_pattern(iso: str) -> re.Pattern[str]:
    """How the text may write a date, to blank it in its sentence ('November 15, 2020')."""
    year, month, day = date_parts(iso)
    if not month:
        return re.compile(rf"(?<!\d){year}(?!\d)")
    name = MONTH_NAMES[month - 1]
    month_re = rf"(?:{name}|{name[:3]}\.?)"
    if not day:
        return re.compile(rf"{month_re}\s+(?:of\s+)?{year}(?!\d)")
    day_re = rf"{day}(?:st|nd|rd|th)?"
    return re.compile(
        rf"(?:{month_re}\s+{day_re},?\s+{year}|{day_re}\s+{month_re},?\s+{year})(?!\d)"
    )


# --- names and accepted answers ------------------------------------------------------------


def bare_name(name: str) -> str:
    """'Former Danish Prime Minister Edda Marstrand' -> 'Edda Marstrand'."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def name_variants(name: str) -> list[str]:
    """The name as written, without titles, and without initials ('T. Holm' -> 'Holm')."""
    bare = bare_name(name)
    without_initials = " ".join(w for w in bare.split() if not re.fullmatch(r"[A-Z]\.", w))
    return unique([name, bare, without_initials])


def answer_variants(answer: str) -> list[str]:
    """Accepted spellings of a short answer: with or without an article, any case,
    hyphen or space, and both orders of a two-part phrase ('law and order')."""
    answer = answer.strip().rstrip(".")
    forms = [answer, strip_article(answer)]
    pair = re.fullmatch(r"(\w+(?:[- ]\w+)?) and (\w+(?:[- ]\w+)?)", strip_article(answer))
    if pair and pair.group(1).lower() != pair.group(2).lower():
        forms.append(f"{pair.group(2)} and {pair.group(1)}")
    forms += [f.replace("-", " ") for f in forms if "-" in f]
    forms += [f.lower() for f in forms]
    return unique(forms)


def unique(texts) -> list[str]:
    seen: list[str] = []
    for text in texts:
        if text and text not in seen:
            seen.append(text)
    return seen


def word_count(text: str) -> int:
    return len(text.split())


def shown_quote(text: str) -> str:
    """A quotation ending where the quoting sentence went on ('...development,') ends with '…'."""
    text = text.strip()
    return text[:-1].rstrip() + "…" if text.endswith((",", ";", ":")) else text


# Head nouns of names that take "the" ("the International Criminal Court", "the Marshall
# Plan"), unlike a person's or a place's name.
_THE_NAME_HEADS = {
    "court", "council", "assembly", "organization", "organisation", "union", "nations", "plan",
    "treaty", "treaties", "convention", "conventions", "conference", "communiqué", "communique",
    "agreement", "accord", "accords", "pact", "charter", "declaration", "doctrine", "act", "bank",
    "fund", "party", "republic", "kingdom", "empire", "commission", "committee", "agency",
    "forum", "summit", "movement", "revolution", "guards", "secretariat", "alliance", "league",
    "front", "army", "office", "department", "ministry", "institute", "tribunal", "senate",
    "congress", "parliament", "coalition", "system", "programme", "program", "policy",
    "initiative", "mission", "forces", "board", "society", "association", "federation",
    "community", "administration", "government", "dynasty", "constitution", "statute",
}  # fmt: skip


def takes_the(term: str) -> bool:
    """'International Criminal Court (ICC)' -> True; 'Joseph Stalin', 'Maoism' -> False."""
    words = re.sub(r"\s*\([^)]*\)\s*$", "", term).split()
    return len(words) >= 2 and is_name(term) and words[-1].lower() in _THE_NAME_HEADS


def term_phrase(term: str, sentence: str) -> str:
    """A term with the article its sentence gives it: 'the key to saving water' for
    "The key to saving water ...", so a prompt need not drop it; a name that takes "the"
    gets it though its glossary line has none ("International Criminal Court (ICC): ...")."""
    found = re.search(
        rf"\b(the|a|an)\s+{re.escape(term.strip())}(?!\s+(?:that|which|who|whom)\b)",
        sentence,
        re.IGNORECASE,
    )  # "The Nazism that governed ...": the article goes with the clause, not the term
    if found:
        return f"{found.group(1).lower()} {term.strip()}"
    return (
        f"the {term.strip()}"
        if takes_the(term) and not term.lower().startswith(ARTICLES)
        else term.strip()
    )


def verb_definition(term: str, definition: str, sentence: str) -> tuple[str, str, str] | None:
    """(how the sentence names the term, the verb in its plain form, the rest) when a
    definition is the sentence's own predicate: 'The term “community” involves the ...'
    -> ('the term “community”', 'involve', 'the ...'). None for "X is ...", "X means ...".
    """
    verb, _, rest = definition.strip().partition(" ")
    found = re.search(
        rf"((?:the\s+term\s+)?[“\"‘']?{re.escape(term.strip())}[”\"’']?)\s+{re.escape(verb)}\s",
        sentence,
        re.IGNORECASE,
    )
    if not found or not rest or not re.fullmatch(r"[a-z]+s", verb):
        return None
    named = found.group(1)
    named = (
        named[:1].lower() + named[1:]
        if named.lower().startswith("the term")
        else term_phrase(term, sentence)
    )
    return named, plain_verb(verb), rest


def plain_verb(verb: str) -> str:
    """The form after 'does': 'involves' -> 'involve', 'applies' -> 'apply', 'has' -> 'have'."""
    if verb == "has":
        return "have"
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if re.search(r"(?:ch|sh|ss|x|zz|o)es$", verb):
        return verb[:-2]
    return verb[:-1]


_FINITE = {
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "should",
    "can",
    "could",
    "must",
    "may",
    "might",
    "shall",
}


def is_clause(text: str) -> bool:
    """True for a statement ('the biggest change is the growth of towns'), not a phrase."""
    words = normalise(text).split()
    return any(w in _FINITE for w in words[1:])


def one_definition(definition: str) -> str:
    """A definition as one phrase. The extractor joins what a sentence says of a term with
    "; ": a part another part already holds ("main rules; the main rules for
    X") is dropped, and a part that is a bare predicate ("...; is fitted with ...")
    is no phrase on its own, so the first part is kept."""
    parts = [p.strip() for p in definition.split("; ") if p.strip()]
    kept = [
        p
        for p in parts
        if not any(p != q and f" {normalise(p)} " in f" {normalise(q)} " for q in parts)
    ]
    kept = [
        p
        for i, p in enumerate(kept)
        if i == 0 or not re.match(r"(?:is|are|was|were|has|have)\b", p)
    ]
    return "; ".join(kept)


def cited(definition: str) -> str:
    """A definition cited in a prompt. Single marks, unlike a quotation's double ones,
    so the quality gate reads its words (a definition opening with 'it' is unfit)."""
    return f"‘{definition.strip().rstrip('.')}’"
