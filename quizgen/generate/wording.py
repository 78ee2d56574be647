"""How a question type words an item: each function returns None where the item allows
no clean wording, and the type then makes no question of it (there is no fallback
template).

Dated events are asked from their own clause (`syntax.clause`): "In what year did
Tessel open its first bank?", stated as "Tessel opened its first bank in 1889."; an
event that is a noun phrase naming something that happens is asked "When did the
outbreak of the Harbour War take place?". A term is asked "What is meant by X?" only
when X is a noun phrase. A quotation is asked with its context: "Who said, in 1903,
“…”?".
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import DatedEvent, Definition, Quote
from . import syntax
from .phrasing import capitalise, date_pattern, display_date, is_name, shown_quote, term_phrase

YEAR = re.compile(r"(?<![\d.,$£€-])(1[0-9]{3}|20[0-9]{2})(?:s|’s|'s)?(?![\d,.]\d)")


def pipeline(ctx) -> str:
    return ctx.settings.extract.pipeline


def date_wh(iso: str, end: str | None) -> str:
    """The question word at the precision the text gives the date."""
    if end:
        return "When"
    return {0: "In what year", 1: "In what month and year", 2: "On what date"}[iso.count("-")]


def _lower_start(text: str) -> str:
    """'The treaty' mid-sentence is 'the treaty'; names and acronyms keep their capitals."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first in {"The", "A", "An", "There"} else text


def date_question(item: DatedEvent, ctx) -> str | None:
    """'In what year did Tessel lead the creation of the Harbour League?' or None."""
    choice = pipeline(ctx)
    wh = date_wh(item.date, item.end)
    bound = bound_word(item)
    if bound and not item.end:
        wh = f"{bound.capitalize()} what {wh.split(' what ', 1)[1]}" if " what " in wh else wh
    found = syntax.clause(item.event, choice)
    if found is not None:
        if found.state:
            return None  # "In what year was much of the coast under naval control?": many years are right
        found = _with_subject(found)
        return capitalise(found.question(wh))
    noun_phrase = syntax.event_noun_phrase(item.event, choice)
    if noun_phrase is not None:
        return f"{wh} did {_lower_start(noun_phrase)} take place?"
    return None


def _with_subject(found: syntax.Clause) -> syntax.Clause:
    return replace(
        found, subject=_lower_start(found.subject), declarative=_lower_start(found.declarative)
    )


def date_adverbial(iso: str, end: str | None) -> str:
    if end:
        return f"from {display_date(iso)} to {display_date(end)}"
    return f"{'on' if iso.count('-') == 2 else 'in'} {display_date(iso)}"


def date_statement(
    item: DatedEvent, ctx, iso: str | None = None, end: str | None = None
) -> str | None:
    """'The council began to dredge the harbour in September 1887.' with the given date in place
    (the item's own by default), or None when the event is no clause."""
    iso = iso or item.date
    end = end if iso != item.date or end else item.end
    found = syntax.clause(item.event, pipeline(ctx))
    when = date_adverbial(iso, end)
    bound = bound_word(item)
    if bound and iso == item.date and not end:
        when = f"{bound} {display_date(iso)}"  # "had won the race by 1888", "has opened since 1999"
    if found is not None:
        if found.present:
            return (
                None  # "Orvath shakes hands on ...": a caption's present, no statement of the past
            )
        return capitalise(f"{found.declarative.rstrip('.;,: ')} {when}.")
    noun_phrase = syntax.event_noun_phrase(item.event, pipeline(ctx))
    if noun_phrase is not None:
        return capitalise(f"{_lower_start(noun_phrase)} took place {when}.")
    return None


def is_state(item: DatedEvent, ctx) -> bool:
    """A clause with the copula as its verb tells a state that holds over a span of time."""
    found = syntax.clause(item.event, pipeline(ctx))
    return found is not None and found.state


BOUNDED = re.compile(
    r"\b(?:by|after|since|until|till|before|around|about|circa|c\.|approximately|from|as early as"
    r"|as late as|no later than|at least)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?\s*)?$",
    re.IGNORECASE,
)


def bound_word(item: DatedEvent) -> str | None:
    """ "by", "since", "after", "before" or "until" when the sentence gives the date so: the
    question keeps it ("By what year had ...?", "Since what year has ...?")."""
    for found in date_pattern(item.date).finditer(item.source.sentence):
        word = re.search(
            r"\b(by|since|after|before|until)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?\s*)?$",
            item.source.sentence[: found.start()],
            re.IGNORECASE,
        )
        if word:
            return word.group(1).lower()
    return None


def bounded(item: DatedEvent) -> bool:
    """The sentence gives the date as a bound or an approximation ("by 1888", "after 1802",
    "around 1910"): a nearby date may be true as well, so no false statement is made of it."""
    for found in date_pattern(item.date).finditer(item.source.sentence):
        bound = BOUNDED.search(item.source.sentence[: found.start()])
        if bound and not (
            item.end and bound.group(0).lower().startswith("from")
        ):  # "from 1881 to 1893": a range
            return True
    return False


def event_shown(item: DatedEvent, ctx) -> str | None:
    """An event as a matching or ordering item: its clause without fronted words, or
    its noun phrase; None for a fragment."""
    found = syntax.clause(item.event, pipeline(ctx))
    if found is not None:
        return capitalise(found.declarative.rstrip(".;,: "))
    noun_phrase = syntax.event_noun_phrase(item.event, pipeline(ctx))
    return capitalise(noun_phrase) if noun_phrase else None


def event_subject(item: DatedEvent, ctx) -> str | None:
    found = syntax.clause(item.event, pipeline(ctx))
    return found.subject_head if found else None


def quote_context(item: Quote) -> str | None:
    """When the quotation was said, as its attribution gives it: one year in the words before
    the quotation, or in the attribution that follows it in the same sentence (", he said
    in 1911"). A year elsewhere in the sentence may date something else."""
    sentence = item.source.sentence
    found = re.search(r"[“\"]", sentence)
    if not found:
        return None
    before = sentence[: found.start()]
    after = re.sub(r"^.*?[”\"]", "", sentence[found.start() :], count=1)
    tail = re.match(r"\s*,?\s*([a-z][^.!?\[“\"]*)", after)
    attribution = before + " " + (tail.group(1) if tail else "")
    years = {m.group(1) for m in YEAR.finditer(attribution) if not m.group(0).endswith("s")}
    return f"in {years.pop()}" if len(years) == 1 else None


def is_fragment(quoted: str) -> bool:
    """A quotation that starts inside a sentence ("vowed that he would not surrender
    “practical control of ...”"): set after "said", it reads as a broken sentence."""
    first = quoted.strip().lstrip("“”\"'‘’([…. ")
    return first[:1].islower()


def who_said(item: Quote) -> str | None:
    """'Who said, in 1975, “…”?'; without a year in its sentence, 'Who said “…”?'; None for
    a fragment, which asked alone leaves out the words that make it a statement."""
    if is_fragment(item.text):
        return None
    context = quote_context(item)
    quoted = f"“{shown_quote(item.text)}”"
    return f"Who said, {context}, {quoted}?" if context else f"Who said {quoted}?"


def quote_statement(item: Quote, speaker: str) -> str:
    """'Maria Lopez said, in 1975, “We must plant trees.”'"""
    context = quote_context(item)
    text = shown_quote(item.text)
    text = text if text.endswith((".", "?", "!", "…")) else text + "."
    if re.search(
        rf"\bthe {re.escape(speaker)}\b", item.source.sentence, re.I
    ) and not speaker.lower().startswith("the "):
        speaker = "The " + speaker  # "The Harbour Board said", as its sentence names it
    return f"{speaker} said, {context + ', ' if context else ''}“{text}”"


def term_ok(item: Definition, ctx) -> str | None:
    """None when the term is a noun phrase; else why not ('a verb phrase', 'a pronoun').
    The blank pipeline cannot tell a noun phrase: a cheap word test stands in."""
    if re.match(
        r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b", item.term.strip(), re.IGNORECASE
    ):
        return "a count of things (a list, not a term)"
    found = syntax.phrase(item.term, pipeline(ctx))
    if found is None:
        first = item.term.strip().split(" ", 1)[0].lower()
        if first in syntax.PRONOUN_SUBJECTS:
            return "a pronoun"
        if first in {"to", "not"} or re.search(
            r"\b(?:is|are|was|were|has|have|had|will|would)\b", item.term
        ):
            return "a verb phrase"
        return None
    return None if found.noun_phrase else found.reason


def copula(term: str, ctx, sentence: str = "") -> str:
    """'is' or 'are' for a term: as its sentence writes it ("The United Nations is ..."), else
    'is' for a name and by the last word for others (before a bracketed short form: "regional
    trade bodies (RTBs)")."""
    written = re.search(rf"{re.escape(term.strip())}\s+(is|are|was|were)\b", sentence, re.I)
    if written:
        return "is" if written.group(1).lower() in {"is", "was"} else "are"
    short = re.search(r"\(([A-Z]{2,}s)\)\s*$|^([A-Z]{2,}s)$", term.strip())
    if short:
        return "are"  # "IGOs", "intergovernmental organizations (IGOs)": a plural short form
    if is_name(term) and not term.lower().startswith("the term"):
        return "is"  # "the United Nations", "the Netherlands": one body, whatever its last word
    words = re.sub(r"\s*\([^)]*\)\s*$", "", term).split()
    last = words[-1].lower() if words else ""
    if (
        " and " in f" {term.lower()} "
        and not term.lower().startswith(("the term", "“"))
        and not is_name(term)
    ):
        return "are"  # "law and order are ..."
    return "are" if last.endswith("s") and not last.endswith(("ss", "us", "is", "ics")) else "is"


def says_what(definition: str, ctx) -> bool | None:
    """True when a definition says what its term is (a noun phrase, or a gerund: "Mulching is
    covering bare soil ..."), so it can follow "is" or answer "What is meant by"; False for a
    participle or purpose ("Founded to provide relief", "Used to describe ..."); None when
    the pipeline cannot parse."""
    first = definition.split(",")[0]
    found = syntax.phrase(first, pipeline(ctx))
    if found is None:
        return None
    return found.noun_phrase or re.match(r"[a-z]+ing\b", first) is not None


def definition_statement(item: Definition, definition: str, ctx) -> str | None:
    """'Tenure is the right ... to hold land.' when the definition is a noun
    phrase that can follow 'is'; None otherwise."""
    if not says_what(definition, ctx):
        return None  # unknown without a parse: no statement is risked
    term = term_phrase(item.term, item.source.sentence)
    body = definition.strip().rstrip(".")
    body = body[:1].lower() + body[1:] if body.split(" ", 1)[0] in {"The", "A", "An"} else body
    return capitalise(f"{term} {copula(item.term, ctx, item.source.sentence)} {body}.")
