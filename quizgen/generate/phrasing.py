"""Wording shared by the question types: lists, dates, names and accepted answers."""
from __future__ import annotations

import re

from ..bank.ids import normalise

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
ARTICLES = ("the ", "a ", "an ")
# Words before a name that say what a person is, not who: dropped from accepted answers.
TITLES = {
    "president", "vice", "prime", "minister", "former", "then", "chairman", "comrade", "mr", "mrs",
    "ms", "dr", "professor", "prof", "sir", "general", "secretary", "senator", "governor", "mayor",
    "chancellor", "premier", "foreign", "state", "chinese", "british", "american", "us", "u.s",
}


_SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "to", "a", "an", "de", "von", "van", "da"}


def is_name(text: str) -> bool:
    """A proper name or title: every word that is not a small word starts with a capital."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", text) if w.lower() not in _SMALL_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)


def in_sentence(text: str) -> str:
    """A phrase as it reads mid-sentence: 'Win-win cooperation' -> 'win-win cooperation',
    while names ('Belt and Road Initiative') and acronyms keep their capitals."""
    text = text.strip()
    first = text.split(" ", 1)[0]
    if is_name(text) or not first[1:].islower():
        return text
    return text[:1].lower() + text[1:]


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


def count_word(n: int) -> str:
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)


def states_count(label: str) -> bool:
    """True when a list's label already says how many members it has ('three deficits')."""
    words = normalise(label).split()
    return any(w in NUMBER_WORDS or w.isdigit() for w in words)


def with_article(label: str) -> str:
    """'three deficits' -> 'the three deficits'; a label with its own article is kept."""
    return label if label.lower().startswith(ARTICLES) else f"the {label}"


def strip_article(text: str) -> str:
    lowered = text.lower()
    for article in ARTICLES:
        if lowered.startswith(article):
            return text[len(article):]
    return text


# --- dates ---------------------------------------------------------------------------------

def date_parts(iso: str) -> tuple[int, int | None, int | None]:
    parts = [int(p) for p in iso.split("-")]
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


def precision(iso: str) -> str:
    return ("year", "month", "day")[iso.count("-")]


def display_date(iso: str, end: str | None = None) -> str:
    """'2020-11-15' -> '15 November 2020'; a range as '1949–1971'."""
    year, month, day = date_parts(iso)
    text = str(year)
    if month:
        text = f"{MONTHS[month - 1]} {year}"
    if day:
        text = f"{day} {text}"
    return f"{text}–{display_date(end)}" if end else text


def date_forms(iso: str, end: str | None = None) -> list[str]:
    """Ways a student may write the same date: all are accepted, none may be a distractor."""
    if end:
        start_year, end_year = date_parts(iso)[0], date_parts(end)[0]
        return [display_date(iso, end), f"{start_year}-{end_year}", f"{start_year} to {end_year}"]
    year, month, day = date_parts(iso)
    if not month:
        return [str(year)]
    name = MONTHS[month - 1]
    if not day:
        return [f"{name} {year}", f"{name[:3]} {year}", iso]
    return [f"{day} {name} {year}", f"{name} {day}, {year}", f"{name[:3]} {day}, {year}", iso]


def shift_years(iso: str, years: int) -> str:
    year, month, day = date_parts(iso)
    if month == 2 and day == 29:
        day = 28  # the shifted year may not be a leap year
    parts = [f"{year + years:04d}"] + ([f"{month:02d}"] if month else []) + ([f"{day:02d}"] if day else [])
    return "-".join(parts)


def date_pattern(iso: str) -> re.Pattern[str]:
    """How the text may write a date, to blank it in its sentence ('November 15, 2020')."""
    year, month, day = date_parts(iso)
    if not month:
        return re.compile(rf"(?<!\d){year}(?!\d)")
    name = MONTHS[month - 1]
    month_re = rf"(?:{name}|{name[:3]}\.?)"
    if not day:
        return re.compile(rf"{month_re}\s+(?:of\s+)?{year}(?!\d)")
    return re.compile(rf"(?:{month_re}\s+{day}(?:st|nd|rd|th)?,?\s+{year}|{day}(?:st|nd|rd|th)?\s+{month_re},?\s+{year})(?!\d)")


# --- names and accepted answers ------------------------------------------------------------

def bare_name(name: str) -> str:
    """'Former British Prime Minister Tony Blair' -> 'Tony Blair'."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def name_variants(name: str) -> list[str]:
    """The name as written, without titles, and without initials ('F. Engels' -> 'Engels')."""
    bare = bare_name(name)
    without_initials = " ".join(w for w in bare.split() if not re.fullmatch(r"[A-Z]\.", w))
    return unique([name, bare, without_initials])


def answer_variants(answer: str) -> list[str]:
    """Accepted spellings of a short answer: with or without an article, any case,
    hyphen or space, and both orders of a two-part phrase ('fairness and justice')."""
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


def cloze(n: int, text: str) -> str:
    return "{{c%d::%s}}" % (n, text)
