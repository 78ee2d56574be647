"""Web-page clutter in text pasted from a browser: share bars, navigation, newsletter prompts.

Web pages read as HTML lose it to trafilatura; text copied from a page keeps it, one label
to a line. A line leaves the body (FlaggedRegion "web clutter") when:

- it is a short label, not a sentence (at most 6 words, no final punctuation), made only
  of interface words ('Share', 'Copy Link', 'Tweet', 'Email | Print', 'Sign up', '12 Comments',
  'Skip to content', 'Advertisement'), with at least one that is nothing but interface;
- it is a reading-time, listening or paging label ('5 min read', 'Listen to this article', 'Read more');
- it is a short prompt to subscribe ('Sign up for our newsletter ...', 'Get the latest
  stories in your inbox'): opens with an imperative of the kind and names what you get;
- it is press-release furniture: 'FOR IMMEDIATE RELEASE', 'Media contact: ...', an end mark
  ('###', '-30-'), a line holding only a web address, an e-mail address or a phone number,
  a copyright line.

Inside lines, a transcript's stage directions go: '(Applause.)', '[Laughter]', '(inaudible)'.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...models import FlaggedRegion
from ..source import Line
from . import Draft
from .lines import ends_sentence, is_blank, without_markers

# Words that only ever mean a control on a page; one of them must be in a clutter line.
INTERFACE = frozenset(
    "share shares shared tweet retweet email e-mail print subscribe subscribed unsubscribe newsletter newsletters "
    "copy copied link facebook twitter linkedin whatsapp reddit pinterest telegram messenger flipboard tumblr "
    "instagram youtube tiktok comments comment advertisement advertising sponsored menu search login logout "
    "signup sign register bookmark bookmarks save saved listen download cookies cookie skip toggle navigation "
    "close trending permalink embed".split()
)
# Words that may stand beside them in a label ('Read more', 'Follow us on', 'Back to top').
LABEL_WORDS = INTERFACE | frozenset(
    "read more follow us on in up out to the this article story page post via by and or with our your home next "
    "previous prev back top main content related stories articles news popular most latest view all open "
    "options settings accept account log full screen story's video audio image images photo photos gallery "
    "a an of for x".split()
)
READING_TIME = re.compile(
    r"^(?:\d+\s*(?:min(?:ute)?s?|hours?)\s+(?:read|listen)|listen to (?:this|the) (?:article|story)"
    r"|(?:read|show|load|see) more|continue reading|back to top)\b\W*$",
    re.I,
)
PROMPT_START = re.compile(
    r"^(?:sign up|subscribe|get|join|enter your|register|follow|download|stay (?:up to date|informed|updated)|"
    r"never miss|don['’]t miss|want (?:more|to)|like what you|enjoy(?:ed)? this|receive|be the first)\b",
    re.I,
)
PROMPT_OBJECT = re.compile(
    r"\b(?:newsletters?|inbox|e-?mails?|subscri(?:be|ption)|updates|alerts|notifications|our app)\b",
    re.I,
)
PRESS_FURNITURE = re.compile(
    r"^(?:for immediate release\b.*|embargoed\b.*|(?:media|press|news) (?:contacts?|inquiries|enquiries)\b.*"
    r"|contacts?:.*(?:@|\d{3}[-.\s]\d{4}).*|#{3}|-\s?30\s?-|-\s?end\s?-"
    r"|(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # a web or e-mail address
    r"|(?:tel|phone|fax)[:.]?\s*\+?[\d\s().-]{7,}|\+[\d\s().-]{7,}|\(?\d{3}\)?[\s.-]\d{3}[.-]\d{4}"  # a phone number
    r"|(?:©|\(c\)|copyright\b).{0,120}|all rights reserved\.?)$",
    re.I,
)
STAGE_DIRECTION = re.compile(
    r"\s*[(\[](?:applause|laughter|laughs|cheers|cheering|boos|booing|inaudible|crosstalk|music|silence|pause)"
    r"(?:\s*(?:and|,)?\s*(?:applause|laughter|cheers|cheering))*\.?[)\]]",
    re.I,
)
MAX_LABEL_WORDS = 6
MAX_LABEL_CHARS = 60  # longer lines are not labels (a quick test before any word is looked at)
MAX_PROMPT_WORDS = 35
WORD = re.compile(r"[\w'’-]+")


def is_clutter(text: str) -> bool:
    text = without_markers(text).strip()
    if not text:
        return False
    if len(text) <= MAX_LABEL_CHARS:
        if READING_TIME.match(text) or PRESS_FURNITURE.match(text):
            return True
        words = [w.lower() for w in WORD.findall(text)]
        plain = [w for w in words if not w.isdigit()]
        if (
            len(words) <= MAX_LABEL_WORDS
            and not ends_sentence(text)
            and plain
            and all(w in LABEL_WORDS for w in plain)
            and any(w in INTERFACE for w in plain)
        ):
            return True
    return (
        bool(PROMPT_START.match(text))
        and len(text.split()) <= MAX_PROMPT_WORDS
        and bool(PROMPT_OBJECT.search(text))
    )


def drop_web_clutter(draft: Draft) -> Draft:
    kept, regions = [], list(draft.regions)
    for ln in draft.lines:
        if "(" in ln.text or "[" in ln.text:
            text = STAGE_DIRECTION.sub("", ln.text)
            ln = Line(ln.no, text) if text != ln.text else ln
        if is_blank(ln.text) or ln.no in draft.headings or not is_clutter(ln.text):
            kept.append(ln)
            continue
        last = regions[-1] if regions else None
        if last and last.reason == "web clutter" and last.end_line == ln.no - 1:
            regions[-1] = replace(last, end_line=ln.no)
        else:
            regions.append(FlaggedRegion(ln.no, ln.no, "web clutter", restored=False))
    if kept == draft.lines:
        return draft
    return replace(draft, lines=kept, regions=regions)
