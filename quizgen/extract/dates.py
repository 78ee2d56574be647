"""Dated events: "in 1978", "March 2020", "from 14 June to 3 July 1871", "the 1962 conference".

Regexes built once from `quizgen/rules/dates.yaml` find the date expressions in every
candidate sentence (body text and headings; never captions or other asides); a cheap
string test skips sentences without a digit or a month word. Only sentences that hold a
date are parsed (`nlp.parse`, shared by every extractor). Rules (`date.<id>`):

- date.full-date        "November 15, 2020"
- date.day-month-year   "15 November 2020"
- date.day-range        "Sept. 12 to 15", "February 11–17, 1888" (a range: date + end)
- date.day-month-range  "3 to 9 March 1871", "from 26 November to 2 December 1869"
- date.month-range      "between May and August 1702", "from July 1873 through June 1874"
- date.month-year       "March 2020", "in June of 1884"
- date.month-day        "On April 23", year from the text or the document (below)
- date.day-month        "on 12 May", likewise
- date.month-of-same-year  "October of that year": the year the paragraph last named
- date.month-relative   "the previous February", "the following May": counted from the last dated month
- date.year-range       "from 1881 to 1893", "between 1876 and 1879", "1961–64" after a cue
- date.month-alone      "In March", "an October vote": a month named alone, year as for a day
- date.year             a year after a temporal cue ("in", "since early", "as of"), opening a
                        sentence as its subject ("1893 saw ..."), or opening a timeline line
                        ("1873 – The strike ends")
- date.year-modifier    a year before a noun: "the 1962 conference", "Valdoria's 1904 invasion"
- date.parenthetical    "Anselm Kroy (1802–1867)", "the Treaty of Velmora (1866)"
- date.year-era         "410 AD", "A.D. 760": a year of any length with its era (never B.C.)
- date.relative         "last year", "yesterday", "on Tuesday": only from the document's own
                        date, and only for a clause told in the past (by the parse, or by a
                        past-tense verb without it)

A year left implied is taken, in this order, from a year later in the same sentence, the
last year the same paragraph named, the document's own date (a day after it, told in the
past, is the year before), or the last dated month a few paragraphs back; otherwise the
date is left out.

Not events: decades, centuries, spans ("260 years ago"), counts ("in 1200 offices"),
forecasts and counterfactuals, dates after the document's own date, questions,
comparisons ("than in 1927"), publication and retrieval
dates, datelines, citations ("(Author 1998, p. 12)", "Smith (1998) argues", "Morning Courier,
April 9, 1903; translated by"), reference entries ("Harlow Weekly, 14 May 1908"),
values ("$310 million (in 1926)").

The event: a line that names a thing and ends with its date ("Corvell Conference, 3 to 9
March 1871") is that name; a line that opens with a date and a dash or colon is what
follows; "1893 saw X" is X. With the parse, a date on a noun dates the noun phrase
("the death of X in 1907", "the 1962 conference", "X (1702–1714)"), unless the noun is the
subject of its clause; otherwise it dates its clause: subject + verb + complement, the
subject found through coordinated verbs and relative pronouns ("the Farrow Mission, which
began in 1868"), a participle dating the noun it follows. No date is left in the event.
Without the parse (or when it finds no clause) the event is the comma-delimited clause
around the date, with the other dates of the sentence blanked out.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from ..models import DatedEvent, Document, Sentence
from ..util.text import sentence_key
from . import ItemKind
from .common import load_rules, provenance, usable_sentences
from .nlp import has_parser, parse

MAX_EVENT_WORDS = 24
MIN_CUT_WORDS = 6  # an event cut short at a comma keeps at least this many words
MAX_LABEL_WORDS = (
    10  # "Harwick Summit (Northern Ports Summit), 1962" names an event; a longer line says more
)
NEARBY_CHARS = 120  # how far before or after a date its cue words and year are looked for


class DateRules(BaseModel):
    """Schema of quizgen/rules/dates.yaml."""

    model_config = ConfigDict(extra="forbid")
    months: dict[int, list[str]]
    ambiguous_months: list[str]
    weekdays: list[str]
    year_cues: list[str]
    not_after_year: list[str]
    period_nouns: list[str]
    range_joiners: list[str]
    same_year: list[str]
    month_alone_cues: list[str]
    month_relations: list[str]
    forecast_cues: list[str]
    opening_words: list[str]
    modifier_determiners: list[str]
    year_subject_verbs: list[str]
    comparison_cues: list[str]
    publication_cues: list[str]
    citation_markers: list[str]
    reporting_verbs: list[str]
    not_event_nouns: list[str]
    not_prose: list[str]
    publisher_words: list[str]
    structure_words: list[str]
    caption_labels: list[str]
    date_prepositions: list[str]
    date_modifiers: list[str]
    light_verbs: list[str]
    past_tense_verbs: list[str]
    generic_words: list[str]
    phrase_stops: list[str]
    name_particles: list[str]
    relative_years: dict[str, int]
    relative_months: dict[str, int]
    relative_days: dict[str, int]
    implied_year_paragraphs: int
    first_year: int
    last_year: int


@dataclass(frozen=True)
class Found:
    """A date expression in a sentence; year None means 'not settled by the text'."""

    rule: str
    start: int
    end: int
    year: int | None
    month: int | None = None
    day: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    end_year: int | None = None
    implied_year: bool = False  # year to take from context, not from the text
    year_span: tuple[int, int] | None = None  # where a year found apart from the day is written
    past_only: bool = (
        False  # year settled only if the clause tells of the past ("On October 12, we sent")
    )
    relation: str | None = (
        None  # "previous", "following", "that": a month counted from the text's last date
    )


@dataclass(frozen=True)
class Patterns:
    rules: DateRules
    month_number: dict[str, int]
    regexes: tuple[tuple[str, re.Pattern], ...]  # in priority order
    cue_before: re.Pattern
    relative: re.Pattern
    citation: re.Pattern
    prefilter: re.Pattern
    caption_label: re.Pattern  # "Figure 4.3 " opening a caption
    leading_cue: re.Pattern  # the prepositions and modifiers that introduce a date ("since early")


def rules() -> DateRules:
    return load_rules("dates", DateRules)


def _words(words: Iterable[str]) -> str:
    """A regex alternation of literal words and phrases, longest first, on word boundaries."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(
        (r"\b" if w[0].isalnum() else "") + re.escape(w) + (r"\b" if w[-1].isalnum() else "")
        for w in ordered
    )


@functools.lru_cache(maxsize=1)
def patterns() -> Patterns:
    """Compile the date regexes once per process."""
    r = rules()
    month_number = {name: number for number, names in r.months.items() for name in names}
    names = sorted(month_number, key=len, reverse=True)
    # Capitalised, or in capitals as cables and headlines write them ("ON MARCH 3").
    alternation = "|".join(f"{n.capitalize()}|{n.upper()}" for n in names)

    def month(group: str) -> str:
        return rf"\b(?P<{group}>{alternation})\b\.?"

    def day(group: str) -> str:
        return rf"\b(?P<{group}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"

    before_christ = r"B\.\s?C\.|BC\b|B\.C\.E\.|BCE\b"
    christian_era = r"A\.\s?D\.|AD\b|C\.E\.|CE\b"

    def year(group: str, after_dash: bool = False) -> str:
        # Not a part of a larger number, a price, a decimal or a decade ("1980s").
        # A dash before is a range's end, or "mid-1949"; otherwise part of a code or a number.
        before = r"(?<![\w$£€.,/])" if after_dash else r"(?<![\w$£€.,/])(?<!(?<!mid)-)"
        # Nor a year before Christ ("in 1200 B.C."), which ISO dates of this kind cannot write.
        return rf"{before}(?P<{group}>\d{{4}})(?![\d%]|s\b|[.,]\d|['’]?s\b|\s*(?:{before_christ}))"

    def either_case(words: Iterable[str]) -> str:
        words = list(words)
        return f"{_words(w.capitalize() for w in words)}|{_words(words)}"

    joiner = _words(r.range_joiners)
    same = "|".join(re.escape(s) for s in r.same_year)
    short_end = r"(?P<ys>\d{2})(?![\d%]|s\b)"  # "1961–64"
    determiner = (
        rf"(?:{either_case(r.modifier_determiners)}|\b\w+['’]s?)"  # "the", "a", "Valdoria's"
    )
    optional_year = rf"(?:,?\s+{year('y')})?"
    regexes = (
        (
            "day-month-range",
            rf"{day('d')}\s*(?:{month('m')}\s*)?(?:{joiner})\s*{day('d2')}\s+{month('m2')}{optional_year}",
        ),
        (
            "day-range",
            rf"{month('m')}\s+{day('d')}\s*(?:{joiner})\s*(?:{month('m2')}\s+)?{day('d2')}{optional_year}",
        ),
        (
            "month-range",  # "and" joins two months only after "between"
            rf"(?:(?P<between>\b[Bb]etween)\s+)?{month('m')}(?:,?\s+{year('y1')})?"
            rf"\s*(?:{joiner}|(?(between)\band\b|(?!)))\s*{month('m2')},?\s+{year('y')}",
        ),
        ("full-date", rf"{month('m')}\s+{day('d')}(?:,\s*|\s+){year('y')}"),
        ("day-month-year", rf"{day('d')}\s+(?:of\s+)?{month('m')},?\s+{year('y')}"),
        ("month-of-same-year", rf"{month('m')}\s+of\s+(?:{same})\b"),
        ("month-relative", rf"\b(?P<rel>{_words(r.month_relations)})\s+{month('m')}(?!,?\s*\d)"),
        ("month-year", rf"{month('m')}(?:\s+of)?,?\s+{year('y')}"),
        ("day-month", rf"{day('d')}\s+(?:of\s+)?{month('m')}(?!,?\s*\d)"),
        ("month-day", rf"{month('m')}\s+{day('d')}\b(?!,?\s*\d)"),
        (
            "month-alone",  # "In March", "an October vote"
            rf"(?:\b(?:{either_case(r.month_alone_cues)})\s+|\b(?:[Aa]n?|[Tt]he)\s+(?={month('m0')}\s+[a-z]))"
            rf"{month('m')}(?![\s,]*(?:\d|of\b))",
        ),
        (
            "year-range",
            rf"\b[Bb]etween\s+(?:the\s+years\s+(?:of\s+)?)?{year('y')}\s+and\s+{year('y2')}",
        ),
        ("parenthetical", rf"\(\s*{year('y')}(?:\s*[–—-]\s*{year('y2', True)})?\s*\)"),
        (
            "year-modifier",
            rf"{determiner}\s+{year('y')}(?:\s*[–-]\s*(?:{year('y2', True)}|{short_end}))?\s+(?=[A-Za-z])",
        ),
        (
            "year-range",
            rf"{year('y')}\s*(?:{joiner})\s*(?:{year('y2', True)}|(?<=[–-]){short_end})",
        ),
        (
            "year-era",  # "A.D. 760", "760 A.D.", "in the year 760": a year of any length with its era
            rf"(?:\b(?:{christian_era})\s*(?P<ye>\d{{1,4}})\b|(?<![\w.,])(?P<ye2>\d{{1,4}})\s*(?:{christian_era}))",
        ),
        ("year", year("y")),
    )
    relative = (
        list(r.relative_years)
        + list(r.relative_months)
        + list(r.relative_days)
        + [f"on {d}" for d in r.weekdays]
    )
    return Patterns(
        rules=r,
        month_number=month_number,
        regexes=tuple((name, re.compile(rx)) for name, rx in regexes),
        cue_before=re.compile(r"([A-Za-z]+)[\s-]*$"),
        relative=re.compile(_words(relative), re.IGNORECASE),
        citation=re.compile(_words(r.citation_markers), re.IGNORECASE),
        prefilter=re.compile(rf"\d|\byear\b|\b(?:{alternation})\b"),
        caption_label=re.compile(rf"^(?:{_words(r.caption_labels)})\s+[\d.]+[a-z]?\s*[.:]?\s*"),
        # "and"/"or" join a second date to the first ("in 1851 and 1852")
        leading_cue=re.compile(
            rf"(?:(?:{_words(r.date_prepositions + r.date_modifiers + ['and', 'or'])})(?:\s+|-)"
            rf"|\bthe\s+)+$",
            re.IGNORECASE,
        ),
    )


def extract(doc: Document, nlp, settings) -> Iterator[DatedEvent]:
    """Yield the dated events of the document's usable body sentences.

    Args:
        doc: a cleaned document.
        nlp: the loaded spaCy pipeline; its parser, when present, runs only on
            sentences that hold a date.
        settings: quizgen Settings (unused for now: the rules are data).
    Yields:
        DatedEvent items with ISO dates at the precision the text gives, each
        (date, event) pair once per document.
    """
    found = list(_find_all(doc))
    if not found:
        return
    sentences = list(dict.fromkeys(s for s, _ in found))
    parsed: dict[Sentence, object] = {}
    if has_parser(nlp):
        parsed = dict(zip(sentences, parse(nlp, [s.text for s in sentences], need=("parse",))))
    in_sentence: dict[Sentence, list[Found]] = {}
    for sentence, date in found:
        in_sentence.setdefault(sentence, []).append(date)
    seen: set[tuple[str, str]] = set()
    for sentence, date in found:
        others = [d for d in in_sentence[sentence] if d is not date]
        sdoc = parsed.get(sentence)
        if date.past_only and not (
            _tells_of_past(sdoc, date)
            if sdoc is not None
            else _tells_of_past_plainly(sentence.text, date)
        ):
            continue
        if _is_count(sdoc, date) if sdoc is not None else _looks_like_count(sentence.text, date):
            continue
        event = _event(sentence.text, sdoc, date, others)
        if (
            not event
            or _cut_quotation(event)
            or not _enough_words(event, _named(sentence.text, date))
        ):
            continue
        start, end = _iso(date)
        if (
            (start, event.lower()) in seen
            or (start, sentence) in seen
            or (date.implied_year and date.day and (start, None) in seen)
        ):
            # said twice ("The Uprising (1873–1876) ... between 1873 and 1876"), or a day
            # named again without its year ("the March 3 riots")
            continue
        seen.update({(start, event.lower()), (start, sentence), (start, None)})
        yield DatedEvent(
            date=start,
            end=end,
            event=event,
            source=provenance(doc, [sentence], f"date.{date.rule}"),
        )


TIMELINE_AFTER = re.compile(r"\s*(?::|\s[–—-]|[–—])\s*(?=[A-Z\"“])")


def _event(text: str, sdoc, date: Found, others: list[Found]) -> str | None:
    """The event a date belongs to, from the first rule that finds one ("" or None: no event)."""
    if _labelled(text, date.start, date.end):
        return _tidy(_label(text[: date.start]))  # "Corvell Conference, 3 to 9 March 1871"
    timeline = TIMELINE_AFTER.match(text, date.end)
    if (
        date.start == 0 and timeline
    ):  # "1873 – The strike in Lenwick ends.", "June 4, 1866: floods in Ardell"
        return _tidy(_without(text, others)[timeline.end() :])
    event = _what_the_year_saw(text, date)
    if event is None and sdoc is not None:
        event = _event_from_parse(sdoc, date, others)
    if event is None and (date.rule == "year-modifier" or _named(text, date)):
        event = _modified_noun(text, date)
    if event is None:
        event = _event_from_clause(_without(text, others), date)
    return event


def _named(text: str, date: Found) -> bool:
    """A date in parentheses after a name: "Anselm Kroy (1802–1867)", "Tessel (on 4 May 1891)"."""
    return date.rule == "parenthetical" or _alone_in_parentheses(text, date)


def _find_all(doc: Document) -> Iterator[tuple[Sentence, Found]]:
    """Every date expression with its year settled, in document order.

    A day or month written without its year takes, in this order: a year written later
    in the same sentence ("on 4 August and on 7 August 1871"); the last year the same
    paragraph named; the document's own date; the year of the last date with a month in
    the few paragraphs before (the text is still telling that year), or of a bare year in
    the paragraph just before. A bare year further back is often an aside ("the border
    was settled only in 1990") rather than the year the text is telling.
    """
    doc_date = _parse_iso(doc.date)
    window = rules().implied_year_paragraphs
    last: tuple[int, int, int | None] | None = (
        None  # (paragraph, year, month) of the last explicit date
    )
    last_with_month: tuple[int, int, int | None] | None = None
    headings = {p.index for p in doc.paragraphs if p.kind == "heading"}
    for sentence in _candidate_sentences(doc):
        if sentence.text.rstrip(' ”"’)').endswith("?"):
            continue  # a question ("What did the bill of 1832 do?") tells no event
        dates = find_dates(sentence.text)
        if (
            sentence.paragraph in headings
        ):  # a heading is dated only when it is a label and its date
            dates = [d for d in dates if _labelled(sentence.text, d.start, d.end)]
        dates += [
            d
            for d in _relative_dates(sentence.text, doc_date)
            if not any(d.start < o.end and o.start < d.end for o in dates)
        ]
        for date in sorted(dates, key=lambda d: d.start):
            if date.implied_year:
                date = _settle_year(date, sentence, dates, last, last_with_month, doc_date, window)
            if date.year is None or _not_an_event(sentence.text, date) or _after(date, doc_date):
                continue
            if not date.implied_year:
                last = (
                    sentence.paragraph,
                    date.end_year or date.year,
                    date.end_month or date.month,
                )
                if last[2] is not None:
                    last_with_month = last
            yield sentence, date


def _after(date: Found, doc_date) -> bool:
    """True for a date after the document's own date: a plan or a forecast, not an event yet."""
    if not doc_date:
        return False
    written = (date.year, date.month or 0, date.day or 0)
    known = tuple(part or 0 for part in doc_date)
    # compared at the precision both give: "March 2021" is not after "2021-03-03"
    depth = 1 + (date.month is not None and doc_date[1] is not None)
    depth += depth == 2 and date.day is not None and doc_date[2] is not None
    return written[:depth] > known[:depth]


def _candidate_sentences(doc: Document) -> Iterator[Sentence]:
    """Body and heading sentences. Captions, pull quotes and other asides are not the text's
    own account: the cleaner keeps them apart, and no event is read from them."""
    yield from usable_sentences(doc, ("body", "heading"))


def _settle_year(
    date: Found,
    sentence: Sentence,
    dates: list[Found],
    last,
    last_with_month,
    doc_date,
    window: int,
) -> Found:
    """The date with the year its context gives (see `_find_all`), or with year None."""
    if date.rule == "relative":
        return date
    if date.rule == "month-relative":
        # "the previous February", "the following May", "that October": counted from the last
        # explicit date, which must name its month when the year may turn
        if last is None or sentence.paragraph - last[0] > window:
            return _with_year(date, None)
        _, year, month = last
        if date.relation == "that":
            return _with_year(date, year)
        if month is None or date.month == month:
            return _with_year(date, None)
        if date.relation in ("previous", "preceding"):
            return _with_year(date, year if date.month < month else year - 1)
        return _with_year(date, year if date.month > month else year + 1)
    later = next(
        (
            d
            for d in dates
            if d.start > date.start
            and not d.implied_year
            and d.year
            and (d.month is None or d.month >= (date.end_month or date.month or 0))
        ),
        None,
    )
    if later is not None and date.rule != "month-of-same-year":
        return _with_year(date, later.year)
    same_paragraph = last is not None and last[0] == sentence.paragraph
    if same_paragraph:
        return _with_year(date, last[1])
    if date.rule == "month-of-same-year":
        return _with_year(date, None)
    from_document = _year_from_document(date, doc_date)
    if from_document is not None:
        return from_document
    if last_with_month is not None and sentence.paragraph - last_with_month[0] <= window:
        return _with_year(date, last_with_month[1])
    if last is not None and sentence.paragraph - last[0] <= 1:
        return _with_year(date, last[1])
    return _with_year(date, None)


def find_dates(text: str) -> list[Found]:
    """Date expressions in one sentence, longest rule first, never overlapping."""
    p = patterns()
    if not p.prefilter.search(text):  # every rule needs a number, "that year" or a month
        return []
    taken: list[tuple[int, int]] = []
    out: list[Found] = []
    for name, regex in p.regexes:
        for match in regex.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            date = _read(name, match, text, p)
            if date is None:
                continue
            taken.append((start, end))
            if date.year_span:
                taken.append(date.year_span)
            out.append(date)
    return sorted(out, key=lambda d: d.start)


def _relative_dates(text: str, doc_date) -> list[Found]:
    """ "last year", "yesterday", "on Tuesday": dates only the document's own date settles."""
    if doc_date is None:
        return []
    r = rules()
    year, month, day = doc_date
    out = []
    for match in patterns().relative.finditer(text):
        phrase = match.group().lower()
        start, end = match.span()
        if phrase in r.relative_years:
            out.append(
                Found(
                    "relative",
                    start,
                    end,
                    year + r.relative_years[phrase],
                    implied_year=True,
                    past_only=True,
                )
            )
        elif phrase in r.relative_months and month:
            index = year * 12 + month - 1 + r.relative_months[phrase]
            out.append(
                Found(
                    "relative",
                    start,
                    end,
                    index // 12,
                    index % 12 + 1,
                    implied_year=True,
                    past_only=True,
                )
            )
        elif phrase.startswith("on ") and re.match(
            r",?\s*(?:the\s+)?\d|,?\s*[A-Z][a-z]+\.?\s+\d", text[end:]
        ):
            continue  # "on Tuesday, March 3": the date written after it says which Tuesday
        elif day and (phrase in r.relative_days or phrase.startswith("on ")):
            today = datetime.date(year, month, day)
            if phrase in r.relative_days:
                then = today + datetime.timedelta(days=r.relative_days[phrase])
            else:  # the last such weekday on or before the document's date
                back = (today.weekday() - r.weekdays.index(phrase[3:])) % 7
                then = today - datetime.timedelta(days=back)
            out.append(
                Found(
                    "relative",
                    start,
                    end,
                    then.year,
                    then.month,
                    then.day,
                    implied_year=True,
                    past_only=True,
                )
            )
    return out


def _read(name: str, match: re.Match, text: str, p: Patterns) -> Found | None:
    """Turn a regex match into a Found, or None when it is not a date after all."""
    g = match.groupdict()
    r = p.rules

    def num(key: str) -> int | None:
        return int(g[key]) if g.get(key) else None

    def month(key: str) -> int | None:
        return p.month_number[g[key].lower()] if g.get(key) else None

    year = num("y")
    if year is not None and not r.first_year <= year <= r.last_year:
        return None
    if name == "year-era":
        era_year = num("ye") or num("ye2")
        return (
            Found(name, *match.span(), era_year) if era_year and era_year <= r.last_year else None
        )
    start, end = match.span()
    if name in ("day-range", "day-month-range"):
        end_day, first_day = num("d2"), num("d")
        first_month = month("m") or month("m2")
        end_month = month("m2") or month("m")
        if (end_month, end_day) <= (first_month, first_day):
            return None
        return Found(
            name,
            start,
            end,
            year,
            first_month,
            first_day,
            end_month,
            end_day,
            year,
            implied_year=year is None,
        )
    if name == "month-range":
        first_year = num("y1") or year
        if (first_year, month("m")) >= (year, month("m2")):
            return None
        return Found(name, start, end, first_year, month("m"), end_month=month("m2"), end_year=year)
    if name in ("full-date", "day-month-year"):
        return Found(name, start, end, year, month("m"), num("d"))
    if name == "month-of-same-year":
        return Found(name, start, end, None, month("m"), implied_year=True)
    if name == "month-relative":
        if g["m"].lower() in r.ambiguous_months:
            return None  # "that may", "the following march"
        return Found(
            name, start, end, None, month("m"), implied_year=True, relation=g["rel"].lower()
        )
    if name == "month-year":
        return Found(name, start, end, year, month("m"))
    if name == "month-alone":
        return Found(name, match.start("m"), end, None, month("m"), implied_year=True)
    if name in ("month-day", "day-month"):
        # "the March 3 riots ... in 1887": the year follows in the same clause.
        later = re.match(r"[^.;]{0,80}?\bin\s+(\d{4})\b", text[end : end + NEARBY_CHARS])
        if later and r.first_year <= int(later.group(1)) <= r.last_year:
            year_span = (end + later.start(1), end + later.end(1))
            return Found(
                name, start, end, int(later.group(1)), month("m"), num("d"), year_span=year_span
            )
        return Found(name, start, end, None, month("m"), num("d"), implied_year=True)
    words_after = text[end : end + NEARBY_CHARS].split()
    if words_after and words_after[0].strip(".,;:").lower() in r.not_after_year:
        return None
    end_year = num("y2") or (year // 100 * 100 + num("ys") if g.get("ys") and year else None)
    if end_year is not None and not (year < end_year <= r.last_year):
        return None
    if name == "year-range":
        between = match.group()[:7].lower() == "between"
        if between and words_after and re.fullmatch(r"[a-z]+[^s']s", words_after[0]):
            return None  # "between 1200 and 1500 soldiers": a count
        cued = between or _cued(text, start, p) or _labelled(text, start, end)
        return Found(name, start, end, year, end_year=end_year) if cued else None
    if name == "parenthetical":
        after = words_after[0].lower() if words_after else ""
        if (after in r.reporting_verbs and end_year is None) or not re.search(
            r"\w\s*$", text[:start]
        ):
            # "Smith (1998) argues": a citation (a life span, "Orvath (1861–1929) argued", is not);
            # "(1990)" opening a sentence: nothing dated
            return None
        return Found(name, start, end, year, end_year=end_year)
    if name == "year-modifier":
        year_start = match.start("y")
        if words_after and words_after[0].lower() in r.period_nouns:
            return Found(
                "year", year_start, end, year, end_year=end_year
            )  # "in the 1921-1936 era": the clause's date
        return Found(name, year_start, end, year, end_year=end_year)
    if not (_cued(text, start, p) or _labelled(text, start, end)):
        return None
    return Found(name, start, end, year)


LABEL_BEFORE = re.compile(
    r"^(?P<label>[^\W\d][^:;]*?)\s*(?:[,:(]|\s[–—-])\s*(?:(?:from|on|in)\s+)?$"
)


def _labelled(text: str, start: int, end: int) -> bool:
    """A title or list line that names a thing and ends with its date: "Corvell Conference, 3 to 9
    March 1871", "War with Valdoria: 1712-1718"."""
    return not text[end:].strip(" .)") and _label(text[:start]) is not None


def _label(before: str) -> str | None:
    match = LABEL_BEFORE.match(before)
    if (
        not match
        or len(match.group("label").split()) > MAX_LABEL_WORDS
        or _reference_entry(match.group("label"))
    ):
        return None
    return match.group("label")


def _reference_entry(label: str) -> bool:
    """ "Harlow Weekly, 14 May 1908", "Pell & Sons, 1931": a source, not an event;
    "Chapter 3: 1790–1795": a part of the text, not an event either."""
    words = [w.strip(".,&").lower() for w in label.split()]
    return bool(set(words) & set(rules().publisher_words)) or (
        bool(words) and words[0] in rules().structure_words
    )


def _not_an_event(text: str, date: Found) -> bool:
    """Dates that date no event: forecasts, comparisons, citations, datelines, publication dates."""
    r = rules()
    before = text[max(0, date.start - NEARBY_CHARS) : date.start].lower().split()
    if before and before[-1].strip("(,") in ("in", "of") and len(before) > 1:
        before = before[:-1]  # "than in 1927"
    if before and before[-1].strip("(:,") in r.comparison_cues + r.publication_cues:
        return True
    # A credit in parentheses ("(credit: ..., CC BY 2.0)") discredits only the dates inside it.
    opening = text.rfind("(", 0, date.start)
    inside = opening >= 0 and ")" not in text[opening : date.start]
    checked = text if inside else _without_asides(text)
    if patterns().citation.search(checked) or any(re.search(rx, text) for rx in r.not_prose):
        return (
            True  # "Morning Courier, April 9, 1903; translated by ...", "(credit: ..., CC BY 2.0)"
        )
    if _in_citation_parenthesis(text, date):
        return True
    if re.search(r"\d[\d.,]*(?:\s+[a-z]+)?\s*\(\s*(?:in\s+)?$", text[: date.start]):
        return True  # "$310 million (in 1926": the year an amount is valued in
    if (
        not text[date.end :].strip(" .)")
        and LABEL_BEFORE.match(text[: date.start])
        and _reference_entry(text[: date.start])
    ):
        return True
    if re.fullmatch(r"(?:By\s+)?(?:[A-Z][\w.'’-]*[\s,]+){1,6}", text[: date.start]) and re.match(
        r"\s*(?:[—–-]|\(\w+\))", text[date.end :]
    ):
        return True  # a dateline: "GENEVA, March 3, 2021 — ..."
    return _forecast(text, date)


def _without_asides(text: str) -> str:
    """The text without its parenthesised passages (same length)."""
    return re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text)


def _in_citation_parenthesis(text: str, date: Found) -> bool:
    """ "(Author 1998, p. 12)", "(Publisher, 1990)": a year right after names inside parentheses."""
    opening = text.rfind("(", 0, date.start)
    if opening < 0 or ")" in text[opening : date.start]:
        return False
    inside = text[opening + 1 : date.start]
    return bool(
        re.fullmatch(r"\s*(?:[A-Z][\w'’.&-]*,?\s+(?:and\s+|et al\.,?\s+)?){1,4}", inside)
    ) or bool(re.match(r"[,\s]*(?:pp?\.)\s*\d", text[date.end :]))


def _forecast(text: str, date: Found) -> bool:
    """A prediction ("is expected to grow ... in 2021", "by 2050 it will") dates nothing that happened.

    Only the clause around the date is read: "In 1990, he said the plan will work" is dated.
    """
    left, right = _clause_bounds(text, date)
    alone = len(text[left : date.start].split()) <= 2 and not text[date.end : right].strip()
    if alone and right < len(
        text
    ):  # an opening phrase ("By 2040, the city will ...") dates the next clause
        right = _clause_bounds(text, Found("", right + 1, right + 1, None))[1]
    # What comes before the date counts ("projected that ..., and ... in 2020"), not what follows
    # its clause; a quoted "will" is someone's words.
    clause = re.sub(r'[“"][^”"]*(?:[”"]|$)', " ", text[:right]).lower()
    return any(
        re.search(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", clause) for cue in rules().forecast_cues
    )


def _cued(text: str, start: int, p: Patterns) -> bool:
    """A bare year counts only after a temporal cue word ("in", "since early", "the year"),
    or as the subject opening a sentence ("1893 saw the opening of ...")."""
    # Only the text just before is read: searching the whole prefix for each of many
    # years in one long sentence would take quadratic time.
    before = text[max(0, start - NEARBY_CHARS) : start]
    if not before.strip():
        if TIMELINE_AFTER.match(text[start + 4 :]):
            return True  # a timeline line: "1873 – The strike in Lenwick ends."
        following = text[start + 4 : start + 4 + NEARBY_CHARS].split()
        return bool(following) and following[0].lower() in p.rules.year_subject_verbs
    previous = re.search(r"(?<!\d)\d{4}\s+(?:and|or)\s+$", before)
    if previous:  # "in 1863 and 1864": the second year shares the first one's cue
        return _cued(text, start - len(before) + previous.start(), p)
    cue = p.cue_before.search(before)
    if not cue or cue.group(1).lower() not in p.rules.year_cues:
        return False
    if cue.group(1).lower() == "of":
        # "the third quarter of 1911", "the great storm of 1703", "as of 2009" -- not "a town of 1500 souls"
        before = before[: cue.start()]
        noun = p.cue_before.search(before)
        words = before.lower().split()[-4:]
        determiners = [
            w for w in words if w in ("the", "a", "an", "some", "any", "its", "their", "his", "her")
        ]
        # a name ("the Harbour Dues Act of 1872", "the War of 1812") is dated by its year too
        return bool(noun) and (
            noun.group(1).lower() in p.rules.period_nouns + ["as"]
            or noun.group(1)[0].isupper()
            or (bool(determiners) and determiners[-1] in ("the", "its", "their", "his", "her"))
        )
    return True


def _with_year(date: Found, year: int | None, past_only: bool = False) -> Found:
    end_year = year if date.end_day or date.end_month else None
    return Found(
        date.rule,
        date.start,
        date.end,
        year,
        date.month,
        date.day,
        date.end_month,
        date.end_day,
        end_year,
        implied_year=True,
        past_only=past_only,
        relation=date.relation,
    )


def _parse_iso(value) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of an ISO date at any precision; None when there is none."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(value or "").strip()[:10])
    return tuple(int(x) if x else None for x in match.groups()) if match else None


def _year_from_document(date: Found, doc_date) -> Found | None:
    """The document's year for a day or month it reports, or the year before for a later one
    the clause tells of as past ("On October 12, we sent a reply" in February)."""
    if not doc_date or doc_date[2] is None or date.month is None:
        return None
    year, month, day = doc_date
    last = (date.end_month or date.month, date.end_day or date.day or 1)
    if last <= (month, day):
        return _with_year(date, year)
    return _with_year(date, year - 1, past_only=True)


def _tells_of_past(sdoc, date: Found) -> bool:
    """True when the verb the date belongs to is in a past tense (parse only)."""
    span = sdoc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return False
    for tok in span.root.ancestors:
        if tok.tag_.startswith(VERBISH):
            tags = {tok.tag_} | {c.tag_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
            return "VBD" in tags or ("VBN" in tags and "MD" not in tags and "VBZ" not in tags)
    return False


def _tells_of_past_plainly(text: str, date: Found) -> bool:
    """Without the parse: the date's clause holds a past-tense verb ("we made", "it ended")."""
    left, right = _clause_bounds(text, date)
    if not text[date.end : right].strip() and right < len(text):  # "On October 12, we sent ..."
        right = _clause_bounds(text, Found("", right + 1, right + 1, None))[1]
    if re.match(r"['’]s\b", text[date.end :]):
        return False  # "last year's harvest": a noun phrase, which only the parse can set apart
    words = re.findall(r"[a-z]+", text[left:right].lower())
    return any(
        (w.endswith("ed") or w in rules().past_tense_verbs)
        and (i == 0 or words[i - 1] not in PRESENT_AUX)
        for i, w in enumerate(words)
    )


PRESENT_AUX = {
    "has",
    "have",
    "will",
    "would",
    "shall",
    "is",
    "are",
}  # "has saved", "is expected": not a past


def _clause_bounds(text: str, date: Found) -> tuple[int, int]:
    """Character bounds of the comma-delimited clause around a date."""
    breaks = [(m.start(), m.end()) for m in CLAUSE_BREAK.finditer(text)]
    left = max((b for a, b in breaks if b <= date.start), default=0)
    right = min((a for a, b in breaks if a >= date.end), default=len(text))
    return left, right


def _iso(date: Found) -> tuple[str, str | None]:
    def fmt(year, month, day) -> str:
        return (
            f"{year:04d}"
            + (f"-{month:02d}" if month else "")
            + (f"-{day:02d}" if month and day else "")
        )

    start = fmt(date.year, date.month, date.day)
    if date.end_day or date.end_month:
        return start, fmt(date.end_year or date.year, date.end_month or date.month, date.end_day)
    if date.end_year:
        return start, fmt(date.end_year, None, None)
    return start, None


# -- the event a date belongs to ------------------------------------------------

CLAUSE_BREAK = re.compile(r"[,;:()]|\s[—–]\s|—")


def _tidy(text: str) -> str:
    text = patterns().caption_label.sub("", text.strip())
    text = re.sub(r"\s+([,;:.])", r"\1", " ".join(text.split())).strip(" ,;:—–-")
    text = re.sub(
        r"^(?:and|but|or|then|so)\b[\s,]*", "", text, flags=re.IGNORECASE
    )  # "and a third gave ..."
    text = re.sub(r"\s*\(\s*\)", "", text)  # "the Court () as" where the date was
    if text.count("(") != text.count(")"):  # a parenthesis cut in two
        text = re.sub(r"\s*[()]\s*", " ", text).strip()
    words = text.split()
    if len(words) > MAX_EVENT_WORDS:
        # Too long: end at the last comma that leaves a phrase, else not on a function word.
        words = words[:MAX_EVENT_WORDS]
        commas = [i for i, w in enumerate(words) if w.endswith(",") and i >= MIN_CUT_WORDS]
        if commas:
            words = words[: commas[-1] + 1]
        while words and words[-1].lower().strip(",") in rules().phrase_stops:
            words.pop()
        text = " ".join(words)
    return text.rstrip(" ,;:.")


def _modified_noun(text: str, date: Found) -> str | None:
    """Blank-pipeline nominal event: "the 1889 influenza" -> "the influenza";
    "Anselm Kroy (1802–1867)" -> "Anselm Kroy"."""
    stops = rules().phrase_stops
    if _named(text, date):
        words = text[: text.rfind("(", 0, date.end)].split()
        particles = rules().name_particles
        names: list[str] = []
        for word in reversed(words[-8:]):  # the capitalised name before the parenthesis
            if word.endswith((",", ";", ":")) or not (word[:1].isupper() or word in particles):
                break
            names.insert(0, word)
        while names and names[0] in particles:
            names.pop(0)
        if (
            len(names) == 1 and len(words) > 2 and words[-2] == "of"
        ):  # "the treaties of Velmora (1866)"
            names = (
                words[-4:-1] + names if words[-4:-3] in (["the"], ["a"]) else words[-3:-1] + names
            )
        return _tidy(" ".join(names or words[-3:])) or None
    determiner = text[: date.start].split()[-1:]
    tail = re.match(r"\s*[–-]?\s*\d*\s*((?:[A-Za-z][\w'’-]*\.?\s*){1,4})", text[date.end :])
    kept = []
    for word in tail.group(1).split() if tail else []:
        if word.lower().strip(".,") in stops:
            break
        kept.append(word)
    if not kept or any(w.lower().strip(".,") in rules().not_event_nouns for w in kept):
        return ""
    if determiner and determiner[0].lower() in ("a", "an"):  # "a 1931 agreement" -> "an agreement"
        determiner = [determiner[0][0] + ("n" if kept[0][:1].lower() in "aeiou" else "")]
    return _tidy(" ".join(determiner + kept))


def _event_from_clause(text: str, date: Found) -> str:
    """Blank-pipeline event: the clause around the date, without the date and its preposition."""
    breaks = [(m.start(), m.end()) for m in CLAUSE_BREAK.finditer(text)]
    left = max((b for a, b in breaks if b <= date.start), default=0)
    right = min((a for a, b in breaks if a >= date.end), default=len(text))
    before = patterns().leading_cue.sub("", text[left : date.start])
    if (
        re.search(r"\b(?:an?|the|its|their|his|her)\s*$", before, re.IGNORECASE)
        and text[date.end : right].strip() == ""
    ):
        # "set a March 9, 1907, deadline": the date modified a noun past its own comma
        right = min((a for a, b in breaks if a > right), default=len(text))
        clause = _tidy(before + " " + text[date.end : right].replace(",", " ", 1))
    else:
        clause = _tidy(before + " " + text[date.end : right])
    opening = left == 0 and text.split(" ", 1)[0].lower() in rules().opening_words
    if len(clause.split()) < 2 and left > 0 and right == len(text):
        # A date closing the sentence ("The talks were held in Oslo, from 3 to 9 May 1921") dates its first clause.
        return _tidy(text[: min(a for a, b in breaks)])
    while right < len(text) and (opening or len(clause.split()) < 3):
        # An opening phrase ("In the third quarter of 1911, the mill saw ...") needs the main clause,
        # past any one-word aside ("By 1983, however, trade had grown ...").
        following = min((a for a, b in breaks if a > right), default=len(text))
        aside = len(text[right + 1 : following].split()) < 2
        clause = clause if aside else _tidy(clause + ", " + text[right + 1 : following])
        right, opening = following, aside and opening
    return clause


# Fine-grained tags, so the attribute ruler (which only maps them to coarse POS) need not run.
NOUNISH = ("NN",)  # NN, NNS, NNP, NNPS
VERBISH = ("VB", "MD")  # VB, VBD, VBG, VBN, VBP, VBZ, modals
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
COMPLEMENTS = (
    "dobj",
    "attr",
    "acomp",
    "oprd",
    "dative",
    "xcomp",
    "ccomp",
    "prep",
    "agent",
    "advmod",
)
# Dependents a verb or preposition cannot lose without leaving its phrase cut off
# ("pushed the settlers" without "back to the coast", "needed" without "to secure ...").
REQUIRED = {"dobj", "pobj", "attr", "acomp", "oprd", "dative", "xcomp", "ccomp", "prt", "pcomp"}
# Dependents that go on a verb's phrase when they follow its object directly.
FOLLOWING = {"advmod", "oprd", "xcomp", "ccomp", "dative", "prt", "prep", "agent"}
MIN_DISTINCT_WORDS = 1  # content words besides the subject, when none is a name or a number


def _without(text: str, dates: list[Found]) -> str:
    """The text with other dates and their prepositions blanked out (same length, so offsets hold)."""
    for d in dates:
        cue = patterns().leading_cue.search(text[: d.start])
        start = cue.start() if cue else d.start
        text = text[:start] + " " * (d.end - start) + text[d.end :]
    return text


def _event_from_parse(sdoc, date: Found, others: list[Found] = ()) -> str | None:
    """Trained-pipeline event: the noun phrase the date modifies, or subject + verb + object.

    None when the parse finds neither, or the clause is cut off or too vague ("the guild made
    every effort"): the caller falls back to the clause around the date. "" when the date
    modifies a noun that names no event ("its 1809 borders"): no event.
    """
    span = sdoc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return None
    dated = _date_phrase(span) | _written_date(sdoc, span)
    for (
        other
    ) in others:  # "ruled Marvania from 1811 to 1834 and Tessel in 1829": no date left in the event
        other_span = sdoc.char_span(other.start, other.end, alignment_mode="expand")
        if other_span is not None:
            dated |= _date_phrase(other_span) | _written_date(sdoc, other_span)
    if date.year_span:  # "the March 3 riots ... in 1887": the year's phrase is part of the date
        year = sdoc.char_span(*date.year_span, alignment_mode="expand")
        if year is not None:
            dated |= _date_phrase(year) or {t.i for t in year}
    period = set(rules().period_nouns)
    own = {t.i for t in span} | {
        c.i for c in span.root.children if c.dep_ == "case"
    }  # "last year's"
    if _named(sdoc.text, date):
        return _named_before(sdoc, span, dated | own)
    tok = span.root
    while tok.dep_ == "conj" and tok.head.tag_ in ("CD", "NNP"):  # "in 1863 and 1864"
        tok = tok.head
        dated |= _date_phrase(sdoc[tok.i : tok.i + 1])
    while tok.head.i != tok.i:
        head = tok.head
        if (
            tok.dep_ in ("nummod", "compound", "amod", "npadvmod", "nmod", "poss")
            and head.tag_.startswith(NOUNISH)
            and head.lower_ not in period
            and tok.i < head.i
        ):
            if head.lower_ in rules().not_event_nouns:
                return ""
            if not (head.dep_ in SUBJECTS and head.head.tag_.startswith(VERBISH)):
                return _phrase(_noun_phrase(head, dated | own))
            dated |= own  # "The 1908 ruling declared the toll unlawful": the clause is the event
            tok = head
        if (
            tok.dep_ == "pobj"
            and head.dep_ == "prep"
            and head.head.tag_.startswith(NOUNISH)
            and not _is_quantity(head.head)
            and head.head.lower_ not in period
            and not (head.head.dep_ in SUBJECTS and head.head.head.tag_.startswith(VERBISH))
            and not any(c.tag_ == "PRP$" for c in head.head.children)
        ):
            # A subject's date dates its clause ("the council in 1877 issued a decree"), and so
            # does a date of "its establishment", which names nothing by itself.
            return _phrase(_noun_phrase(head.head, dated))
        tok = head
        if tok.tag_.startswith(VERBISH):
            break
    if not tok.tag_.startswith(VERBISH):
        return None
    if tok.dep_ == "acl" and tok.head.tag_.startswith(NOUNISH):
        # "trade treaties signed in 1702 in Harlow": the noun and what the participle says of it
        noun, verb = tok.head, tok
        return _phrase(
            t
            for t in noun.subtree
            if not t.is_punct
            and t.i not in dated
            and (not _inside_clause(t, noun) or t in verb.subtree and not _inside_clause(t, verb))
        )
    tokens = _clause(tok, dated)
    while tokens is None and tok.dep_ == "advcl" and tok.head.tag_.startswith(VERBISH):
        tok = tok.head  # "..., occupied Lenmark, from 14 June to 3 July": the main clause's date
        tokens = _clause(tok, dated)
    if tokens is None or not _distinctive(tokens, tok):
        # Cut off, or a light verb with a generic object ("the council made every effort"):
        # the caller falls back to the whole clause around the date, which says more.
        return None
    return _phrase(tokens)


def _alone_in_parentheses(text: str, date: Found) -> bool:
    """ "Fort Harlan (December 3, 1862)", "Tessel (on 4 May 1891)": a date set in parentheses after a name."""
    return bool(re.search(r"\w\s*\(\s*(?:(?:on|in|from)\s+)?$", text[: date.start])) and bool(
        re.match(r"(?:\[\w+\])*\s*\)", text[date.end :])
    )  # a footnote mark may sit inside


def _named_before(sdoc, span, dated: set[int]) -> str | None:
    """ "Danish writer Anselm Kroy (1802–1867)": the noun phrase just before the parenthesis."""
    opening = next((t for t in reversed(sdoc[: span.end]) if t.text == "("), None)
    if opening is None or opening.i == 0:
        return None
    last = sdoc[opening.i - 1]
    if not last.tag_.startswith(NOUNISH):
        return None
    if last.dep_ == "pobj" and last.head.lower_ == "of" and last.head.head.tag_.startswith(NOUNISH):
        last = last.head.head  # "the treaties of Velmora (1866)"
        return _phrase(t for t in sdoc[last.left_edge.i : opening.i] if t.i not in dated)
    start = last.left_edge.i
    if last.dep_ == "appos" and last.head.i < last.i:  # "The poet Anna Brandt (1841–1902)"
        start = min(start, last.head.left_edge.i)
    return _phrase((t for t in sdoc[start : last.i + 1] if t.i not in dated), min_words=1)


def _looks_like_count(text: str, date: Found) -> bool:
    """Without the parse: a round number before a plural noun ("in 2000 samples") is a count."""
    after = text[date.end : date.end + NEARBY_CHARS].split()[:1]
    return (
        date.rule == "year"
        and date.year % 100 == 0
        and bool(after)
        and bool(re.fullmatch(r"[a-z]+[^s']s", after[0].strip(",.;:")))
    )


def _is_count(sdoc, date: Found) -> bool:
    """A bare number the parser reads as counting a noun ("in 1200 offices") is not a year."""
    span = sdoc.char_span(date.start, date.end, alignment_mode="expand")
    # "in 1200 offices": a plural noun right after the number ("In 1872 guild masters", "In early
    # 1866 peace was made" are misparses).
    return (
        date.rule == "year"
        and span is not None
        and span.root.dep_ == "nummod"
        and span.root.head.i == span.root.i + 1
        and span.root.head.tag_ in ("NNS", "NNPS")
        and span.root.head.lower_ not in rules().period_nouns
    )


def _written_date(sdoc, span) -> set[int]:
    """The date's own tokens and the preposition right before it ("from 1851 to 1860",
    "between May and August 1702"), which the parse may hang elsewhere."""
    tokens = {t.i for t in span if not t.is_punct or t.text in "–—-"}
    if span.start > 0 and sdoc[span.start - 1].lower_ in rules().date_prepositions:
        tokens.add(span.start - 1)
    return tokens


def _date_phrase(span) -> set[int]:
    """Token indices of the date and the preposition that introduces it ("in early 1897").

    A date that is part of a noun phrase ("The year 1893 had witnessed") stays in the event.
    """
    root = span.root
    while root.dep_ == "conj" and root.head.tag_ in ("CD", "NNP"):  # "in 1863 and 1864"
        root = root.head
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        return {t.i for t in root.head.subtree}
    if root.dep_ in ("npadvmod", "advmod", "ROOT"):
        return {t.i for t in root.subtree}
    return set()


def _is_quantity(token) -> bool:
    return (
        any(c.like_num or c.dep_ == "nummod" for c in token.children)
        or token.lower_ in rules().not_after_year
    )


def _noun_phrase(noun, dated: set[int]) -> list:
    """The noun with its modifiers and 'of' complements, without clauses or the date."""
    return [t for t in noun.subtree if t.i not in dated and not _inside_clause(t, noun)]


def _clause(verb, dated: set[int]) -> list | None:
    """Subject + auxiliaries + verb + its complement, or None when there is no subject or
    no complete clause fits in MAX_EVENT_WORDS.

    The complement is the first one found, with the dependents that follow it directly
    ("pushed the settlers back to the coast"); it is cut at a comma only when what is left
    still reads as a whole ("exceeded 40 million crowns", not "of a quiet").
    """
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    governor, governing = (
        verb,
        [],
    )  # verbs whose subject the dated verb takes, and that stay in the event
    while (
        subject is None
        and governor.head.tag_.startswith(VERBISH)
        and (
            governor.dep_ in ("conj", "xcomp")
            or (governor.dep_ == "advcl" and _infinitive(governor))
        )
    ):
        # "owners agreed and began selling land", "the city decided to build a bridge",
        # "the two joined with ... to found the organisation": the governing verb's subject
        if governor.dep_ == "xcomp":
            governing.append(governor.head)
        governor = governor.head
        subject = next((c for c in governor.children if c.dep_ in SUBJECTS), None)
    if subject is None:
        return None  # "to seek a refund": not a clause a question can ask about
    head = [
        t
        for t in subject.subtree
        if t.i not in dated and not (t.is_punct and t.i == subject.right_edge.i)
    ]
    if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        # "the Farrow Mission, which began in 1868": the relative pronoun stands for the noun
        noun = verb.head
        head = [
            t
            for t in noun.subtree
            if t.i not in dated and not _inside_clause(t, noun) and not t.is_punct
        ]
        subject = noun
    for link in reversed(governing):  # "decided to": the verbs that govern the dated one
        head += [
            c for c in link.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < link.i
        ] + [link]
    head += [
        c
        for c in verb.children
        if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i and (governing or c.tag_ != "TO")
    ]  # "the two to found": the "to" goes without its verb
    head.append(verb)
    head += [c for c in verb.children if c.dep_ == "prt"]
    complement = next(
        (
            c
            for dep in COMPLEMENTS
            for c in verb.children
            if c.dep_ == dep and c.i > verb.i and c.i not in dated
        ),
        None,
    )
    if complement is None:
        return head if _complete(head, verb, subject, dated, governing) else None
    parts = [complement]
    for child in verb.children:  # dependents right after the complement belong to the phrase
        end = max(t.i for t in parts[-1].subtree)
        if child.i == end + 1 and child.dep_ in FOLLOWING and child.i not in dated:
            parts.append(child)
    for cut in (True, False):
        tokens = head + [t for part in parts for t in _complement(part, dated, cut)]
        if len(tokens) <= MAX_EVENT_WORDS and _complete(tokens, verb, subject, dated, governing):
            return tokens
    return None


def _infinitive(verb) -> bool:
    return any(c.tag_ == "TO" for c in verb.children)


def _complement(complement, dated: set[int], cut_at_comma: bool) -> list:
    part = []
    for t in complement.subtree:
        if t.i in dated or _inside_clause(t, complement) or (t.is_punct and not part):
            continue  # a comma opening the complement ("pointed out, we ...") is not part of it
        if cut_at_comma and t.is_punct and t.text in ",;:" and part:
            break
        part.append(t)
    return part


def _complete(tokens: list, verb, subject, dated: set[int], governing=()) -> bool:
    """True when no word hangs on a word left out, and no verb or preposition lost its object."""
    kept = {t.i for t in tokens}
    tops = {verb.i} | {g.i for g in governing} | ({subject.i} if subject is not None else set())
    last = max(tokens, key=lambda t: t.i)
    if last.tag_.startswith(VERBISH) and last.i + 1 < len(last.doc):
        after = last.doc[last.i + 1]  # "needed | to secure ...": the verb's object was left out
        if not after.is_punct and after.i not in dated and last in after.ancestors:
            return False
    for start, end in _quotations(verb.doc.text):
        inside = [t for t in verb.doc if start <= t.idx < end]
        if any(t.i in kept for t in inside) and not all(
            t.i in kept or t.i in dated for t in inside
        ):
            return False  # someone's words cut short: "pointed out “..., we cannot close”"
    for t in tokens:
        if t.i not in tops and t.head.i not in kept and not t.is_punct:
            return False
        for child in t.children:
            if (
                child.dep_ in REQUIRED
                and child.i not in kept
                and child.i not in dated
                and child.i > t.i
                and not _inside_clause(child, t)
            ):
                return False
    return True


def _what_the_year_saw(text: str, date: Found) -> str | None:
    """ "1893 saw the opening of the bridge", "The year 1893 had witnessed a drought": what it saw."""
    if text[: date.start].strip().lower() not in ("", "the year"):
        return None
    verbs = _words(rules().year_subject_verbs)
    seen = re.match(rf"\s+(?:had\s+|has\s+)?(?:{verbs})\s+(.+)", text[date.end :])
    if not seen:
        return None
    return _tidy(CLAUSE_BREAK.split(seen.group(1))[0]) or None


def _enough_words(event: str, named: bool) -> bool:
    """Two words or more; one is enough for a name dated in parentheses ("Tessel (on 4 May 1891)")."""
    words = [w for w in event.split() if any(c.isalpha() for c in w)]
    return len(words) >= 2 or (named and len(words) == 1 and words[0][:1].isupper())


def _cut_quotation(event: str) -> bool:
    """True when the event opens a quotation it does not close: someone's words cut short."""
    return event.count("“") != event.count("”") or event.count('"') % 2 == 1


def _quotations(text: str) -> list[tuple[int, int]]:
    """Character spans of the quoted passages of a sentence (an unclosed one runs to its end)."""
    return [m.span() for m in re.finditer(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)", text)]


def _distinctive(tokens: list, verb) -> bool:
    """True when the words besides the subject identify the event: a name or a number, or
    MIN_DISTINCT_WORDS content words that are neither light verbs nor generic words."""
    # A passive subject is what the event acted on ("the treaty was signed"): it counts.
    subject = {t.i for c in verb.children if c.dep_ in SUBJECTS - {"nsubjpass"} for t in c.subtree}
    rest = [t for t in tokens if t.i not in subject]
    if any(t.tag_ in ("NNP", "NNPS", "CD") for t in rest):
        return True
    vague = set(rules().light_verbs) | set(rules().generic_words)
    content = [
        t for t in rest if t.tag_.startswith(("NN", "VB", "JJ", "RB")) and t.lower_ not in vague
    ]
    return len(content) >= MIN_DISTINCT_WORDS


def _inside_clause(token, top) -> bool:
    """True for tokens of a relative or adverbial clause hanging below `top`."""
    for t in [token, *token.ancestors]:
        if t.i == top.i:
            return False
        if t.dep_ in ("relcl", "acl", "advcl", "appos"):
            return True
    return False


def _phrase(tokens: Iterable, min_words: int = 2) -> str | None:
    ordered = sorted(set(tokens), key=lambda t: t.i)
    # A comma left behind by a cut ("set a March 9, 1907, deadline") goes with it.
    kept = {t.i for t in ordered}
    ordered = [t for t in ordered if not (t.is_punct and t.text in ",;" and t.i - 1 not in kept)]
    if not ordered:
        return None
    # A space where the text had one, and where a word was left out between two kept ones
    # ("The guild, which was founded" -> "The guild was founded", not "The guildwas").
    parts = []
    for t, following in zip(ordered, ordered[1:] + [None]):
        text = t.text
        if following is not None and following.i != t.i + 1 and t.lower_ in ("a", "an"):
            # the article now stands before another word: "an October vote" -> "a vote"
            text = t.text[0] + ("n" if following.text[:1].lower() in "aeiou" else "")
        parts.append(text)
        if following is not None and (
            t.whitespace_ or (following.i != t.i + 1 and not following.is_punct)
        ):
            parts.append(" ")
    text = "".join(parts)
    text = _tidy(text)
    return text if len(text.split()) >= min_words else None


# -- the kind's registry entry: what the other stages need of a DatedEvent ---------


def describe(item: DatedEvent) -> str:
    return f"{item.date}{'/' + item.end if item.end else ''} {item.event}"


def fact_key(item: DatedEvent) -> tuple[str, ...]:
    """A dated event is its date and the sentence that dates it: the extractor's cut of
    the event may change, the sentence is the text's."""
    return ("date", item.date, item.end or "", sentence_key(item.source.sentence))


KIND = ItemKind(
    name="date",
    item_class=DatedEvent,
    extract=extract,
    describe=describe,
    shown=lambda item: item.event,
    fact_key=fact_key,
)
