"""The review pages: list, filter and decide on questions in the browser.

Server-rendered Jinja pages (templates/review/) with plain forms; review.js adds keyboard
shortcuts only, so everything works without it. One router serves `quizgen review`
(a local server with a one-time key in the URL it opens) and `quizgen serve` (the API key).

Who may look or write: a reviewer signs in with the key once, which sets an HttpOnly,
SameSite=Strict cookie. Every form carries a CSRF token derived from the key, and a post
whose Origin or Sec-Fetch-Site says it came from another site is refused, so a page
elsewhere (even another port of the same machine) cannot post in the reviewer's name.
Each decision has a version: a save based on an older version than the file holds is
refused with a conflict page that keeps what the reviewer typed.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..bank import DocumentInfo
from ..models import Question
from ..render.templates import environment
from ..util.paths import templates_dir
from .apply import (
    EDITABLE_ACCEPTED,
    EDITABLE_ANSWER,
    EDITABLE_DISTRACTORS,
    edited,
    state_of,
)
from .decisions import REASONS, Conflict, Decision, Edit, fact_hash, load_decisions, update
from .present import distractors, in_paragraph, student_view

PREFIX = "/review"
SESSION_COOKIE = "quizgen_review"
REVIEWER_COOKIE = "quizgen_reviewer"
FILTERS = ("document", "type", "kind", "status", "q")
STATE_ORDER = {"changed": 0, "pending": 1, "edited": 2, "approved": 3, "rejected": 4}
STATIC = {"review.css": "text/css", "review.js": "text/javascript"}


@dataclass(frozen=True)
class ReviewSource:
    """What is reviewed: the questions as generated, their documents, and the decisions file."""

    title: str
    review_file: Path
    questions: Callable[[], Sequence[Question]]
    documents: Callable[[], Sequence[DocumentInfo]]


@dataclass(frozen=True)
class Row:
    question: Question
    state: str
    decision: Decision | None


def rows_of(source: ReviewSource, filters: dict[str, str]) -> list[Row]:
    """The questions the filters keep: changed since review first, then pending, then decided."""
    decisions = load_decisions(source.review_file)
    text = filters.get("q", "").casefold()
    rows = []
    for question in source.questions():
        decision = decisions.get(question.id)
        row = Row(question, state_of(question, decision), decision)
        if (
            filters.get("type") not in (None, "", question.type)
            or filters.get("kind") not in (None, "", question.kind)
            or filters.get("status") not in (None, "", row.state)
            or (
                filters.get("document")
                and filters["document"] not in {s.document for s in question.sources}
            )
            or (text and text not in _searchable(question))
        ):
            continue
        rows.append(row)
    return sorted(rows, key=lambda r: (STATE_ORDER[r.state], r.question.id))


def _searchable(question: Question) -> str:
    parts = [question.id, question.prompt, question.answer, question.explanation, *question.choices]
    return "\n".join(parts).casefold()


def review_router(source: ReviewSource, key: str | None) -> APIRouter:
    """The pages under /review. `key`: what signs a reviewer in (None: review is closed)."""
    router = APIRouter(prefix=PREFIX, include_in_schema=False)
    templates = environment()
    session = _derived(key, "review-session") if key else None
    csrf = _derived(key, "review-csrf") if key else None

    def page(name: str, status: int = 200, **context) -> HTMLResponse:
        html = templates.get_template(f"review/{name}").render(
            title=source.title, prefix=PREFIX, csrf=csrf, reasons=REASONS, **context
        )
        return HTMLResponse(html, status_code=status)

    async def posted(request: Request):
        """The posted form, the list filters it came back with, and the page refusing it (or None)."""
        form = await request.form()
        filters = _filters(dict(parse_qsl(str(form.get("back", "")))))
        return form, filters, refused(request, form)

    def missing(question_id: str) -> HTMLResponse:
        text = f"No question {question_id} in this review."
        return page("message.html", 404, heading="Not found", text=text)

    def signed_in(request: Request) -> bool:
        if session is None:
            return False
        cookie = request.cookies.get(SESSION_COOKIE, "")
        header = request.headers.get("x-api-key", "")
        return hmac.compare_digest(cookie.encode(), session.encode()) or (
            bool(header) and hmac.compare_digest(header.encode(), key.encode())
        )

    def refused(request: Request, form) -> Response | None:
        """Why a post is not taken, as a page; None when it may go ahead."""
        if not same_origin(request):
            return page(
                "message.html", 403, heading="Refused", text="This form was sent from another site."
            )
        if not signed_in(request):
            return page(
                "message.html",
                401,
                heading="Sign in first",
                text="Your session has ended; sign in with the key again.",
            )
        if not hmac.compare_digest(str(form.get("csrf", "")).encode(), csrf.encode()):
            return page(
                "message.html",
                403,
                heading="Refused",
                text="This form is out of date or was not made by this page; reload and try again.",
            )
        return None

    def sign_in_page(request: Request) -> Response:
        if session is None:
            return page(
                "message.html",
                403,
                heading="Review is closed",
                text="This server has no API key (api.api_key or QUIZGEN_API_KEY), so nobody can review on it.",
            )
        return RedirectResponse(f"{PREFIX}/login", 303)

    @router.get("/login", response_class=HTMLResponse)
    def login_form(request: Request):
        given = request.query_params.get("key")
        if given is not None and key and hmac.compare_digest(given.encode(), key.encode()):
            return _signed_in_redirect(session, f"{PREFIX}/")  # the link `quizgen review` opens
        return page("login.html", error=given is not None)

    @router.post("/login")
    async def login(request: Request):
        form = await request.form()
        if not same_origin(request):
            return page(
                "message.html", 403, heading="Refused", text="This form was sent from another site."
            )
        given = str(form.get("key", ""))
        if not key or not hmac.compare_digest(given.encode(), key.encode()):
            return page("login.html", 401, error=True)
        response = _signed_in_redirect(session, f"{PREFIX}/")
        name = str(form.get("name", "")).strip()[:60]
        if name:
            response.set_cookie(
                REVIEWER_COOKIE, name, httponly=True, samesite="strict", path=PREFIX
            )
        return response

    @router.get("/static/{name}")
    def static(name: str):
        if name not in STATIC:
            return Response(status_code=404)
        return Response((templates_dir() / "review" / name).read_bytes(), media_type=STATIC[name])

    @router.get("/", response_class=HTMLResponse)
    def listing(request: Request):
        if not signed_in(request):
            return sign_in_page(request)
        filters = _filters(request.query_params)
        rows = rows_of(source, filters)
        everything = rows_of(source, {})
        counts = {state: sum(r.state == state for r in everything) for state in STATE_ORDER}
        questions = [r.question for r in everything]
        return page(
            "list.html",
            rows=[(r, student_view(r.question)) for r in rows],
            filters=filters,
            query=urlencode(filters),
            counts=counts,
            total=len(everything),
            choices={
                "document": sorted({s.document for q in questions for s in q.sources}),
                "type": sorted({q.type for q in questions}),
                "kind": sorted({q.kind for q in questions}),
                "status": list(STATE_ORDER),
            },
        )

    @router.get("/q/{question_id}", response_class=HTMLResponse)
    def question_page(request: Request, question_id: str):
        if not signed_in(request):
            return sign_in_page(request)
        filters = _filters(request.query_params)
        found = _find(source, question_id, filters)
        if found is None:
            return missing(question_id)
        return page("question.html", **_question_context(source, found, filters))

    @router.post("/q/{question_id}/decide")
    async def decide(request: Request, question_id: str):
        form, filters, problem = await posted(request)
        if problem:
            return problem
        found = _find(source, question_id, filters)
        if found is None:
            return missing(question_id)
        row, _, following = found
        action = str(form.get("action", ""))
        reason = str(form.get("reason", "")) or None
        by = request.cookies.get(REVIEWER_COOKIE)

        def make(current: Decision | None) -> Decision | None:
            if action == "undo":
                return None
            if action == "reject":
                return Decision(
                    status="rejected",
                    reason=reason if reason in REASONS else None,
                    fact=fact_hash(row.question),
                    by=by,
                )
            keep = current.edit if current and current.status == "edited" else None
            return Decision(
                status="edited" if keep else "approved",
                edit=keep,
                fact=fact_hash(row.question),
                by=by,
            )

        if action not in ("approve", "reject", "undo"):
            return page(
                "message.html", 400, heading="Unknown action", text="Use the buttons of the page."
            )
        try:
            update(source.review_file, question_id, _int(form.get("version")), make)
        except Conflict as conflict:
            return _conflict_page(page, source, row, conflict, filters, None)
        target = following.question.id if following and action != "undo" else question_id
        return RedirectResponse(f"{PREFIX}/q/{target}?{urlencode(filters)}", 303)

    @router.post("/q/{question_id}/edit")
    async def edit(request: Request, question_id: str):
        form, filters, problem = await posted(request)
        if problem:
            return problem
        found = _find(source, question_id, filters)
        if found is None:
            return missing(question_id)
        row = found[0]
        the_edit, problems = edit_from_form(row.question, form)
        context = _question_context(source, found, filters)
        if problems:
            return page("question.html", 422, **{**context, "errors": problems, "typed": the_edit})
        by = request.cookies.get(REVIEWER_COOKIE)
        decision = Decision(
            status="edited" if the_edit else "approved",
            edit=the_edit,
            fact=fact_hash(row.question),
            by=by,
        )
        try:
            update(source.review_file, question_id, _int(form.get("version")), lambda _: decision)
        except Conflict as conflict:
            return _conflict_page(page, source, row, conflict, filters, the_edit)
        return RedirectResponse(f"{PREFIX}/q/{question_id}?{urlencode(filters)}", 303)

    @router.post("/bulk")
    async def bulk(request: Request):
        """Approve every pending question of a filtered list (those decided already stay as they are)."""
        form, filters, problem = await posted(request)
        if problem:
            return problem
        shown = set(form.getlist("id"))
        by = request.cookies.get(REVIEWER_COOKIE)
        approved, conflicts = 0, []
        for row in rows_of(source, filters):
            if row.question.id not in shown or row.state != "pending":
                continue
            decision = Decision(status="approved", fact=fact_hash(row.question), by=by)
            try:
                update(source.review_file, row.question.id, 0, lambda _, d=decision: d)
                approved += 1
            except Conflict:
                conflicts.append(row.question.id)
        text = f"Approved {approved} question(s)."
        if conflicts:
            text += f" {len(conflicts)} had been decided by someone else meanwhile and were left as they are: {', '.join(conflicts)}."
        return page(
            "message.html", 200, heading="Done", text=text, back=f"{PREFIX}/?{urlencode(filters)}"
        )

    return router


def same_origin(request: Request) -> bool:
    """False for a post another site made the browser send. Sec-Fetch-Site, which a page
    cannot forge, decides when the browser sends it; else the Origin header must be ours."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:  # not a browser: the CSRF token and the key still have to match
        return True
    host = request.headers.get("host", "")
    return origin in (f"http://{host}", f"https://{host}")


def edit_from_form(question: Question, form) -> tuple[Edit | None, list[str]]:
    """The parts the teacher changed (None when nothing differs from the generated question),
    and what is wrong with them, in words (what the bank would refuse)."""

    def text(name: str) -> str | None:
        value = form.get(name)
        return None if value is None else str(value).replace("\r\n", "\n").strip()

    def lines(name: str) -> list[str] | None:
        value = text(name)
        return (
            None if value is None else [line.strip() for line in value.split("\n") if line.strip()]
        )

    changes: dict = {}
    if (prompt := text("prompt")) is not None and prompt != question.prompt:
        changes["prompt"] = prompt
    if (explanation := text("explanation")) is not None and explanation != question.explanation:
        changes["explanation"] = explanation
    if (
        question.type in EDITABLE_ANSWER
        and (answer := text("answer")) is not None
        and answer != question.answer
    ):
        changes["answer"] = answer
    if (
        question.type in EDITABLE_ACCEPTED
        and (accepted := lines("accepted")) is not None
        and tuple(accepted) != question.accepted
    ):
        changes["accepted"] = accepted
    if (
        question.type in EDITABLE_DISTRACTORS
        and (wrong := lines("distractors")) is not None
        and tuple(wrong) != distractors(question)
    ):
        changes["distractors"] = wrong
    if any(changes.get(name) == "" for name in ("prompt", "answer", "explanation")):
        return Edit.model_construct(**changes), [
            "The prompt, the answer and the explanation may not be empty."
        ]
    the_edit = Edit(**changes) if changes else None
    return the_edit, _edit_problems(question, the_edit)


def _edit_problems(question: Question, the_edit: Edit | None) -> list[str]:
    from ..bank.schema import question_problems

    if the_edit is None:
        return []
    result = edited(question, the_edit)
    if result.choices and len(set(result.choices)) != len(result.choices):
        return ["Each choice must differ from the others and from the answer."]
    if question.type in EDITABLE_DISTRACTORS and len(result.choices) < 2:
        return ["A multiple-choice question needs at least one distractor."]
    documents = {s.document for s in question.sources}
    return [str(p) for p in question_problems(result.to_dict(), documents)]


def _find(source: ReviewSource, question_id: str, filters: dict[str, str]):
    """(row, previous row, next row) of a question within the filtered list, or None."""
    rows = rows_of(source, filters)
    index = next((i for i, r in enumerate(rows) if r.question.id == question_id), None)
    if index is None:  # decided out of the filter (e.g. approved while listing pending ones)
        every = rows_of(source, {})
        row = next((r for r in every if r.question.id == question_id), None)
        return None if row is None else (row, None, rows[0] if rows else None)
    return (
        rows[index],
        rows[index - 1] if index > 0 else None,
        rows[index + 1] if index + 1 < len(rows) else None,
    )


def _question_context(source: ReviewSource, found, filters: dict[str, str]) -> dict:
    row, previous, following = found
    paths = {d.name: d.path for d in source.documents()}
    question = row.question
    shown = (
        edited(question, row.decision.edit) if row.decision and row.state == "edited" else question
    )
    return {
        "row": row,
        "question": question,
        "shown": shown,
        "view": student_view(shown),
        "distractors": distractors(shown),
        "citations": [(s, in_paragraph(s, paths.get(s.document))) for s in question.sources],
        "previous": previous,
        "following": following,
        "query": urlencode(filters),
        "editable": {
            "answer": question.type in EDITABLE_ANSWER,
            "accepted": question.type in EDITABLE_ACCEPTED,
            "distractors": question.type in EDITABLE_DISTRACTORS,
        },
        "errors": [],
        "typed": None,
        "conflict": None,
        "version": row.decision.version if row.decision else 0,
    }


def _conflict_page(
    page, source, row: Row, conflict: Conflict, filters, typed: Edit | None
) -> Response:
    found = _find(source, row.question.id, filters)
    context = _question_context(source, found, filters)
    current = conflict.current
    who = f" by {current.by}" if current and current.by else ""
    now = f"it is now {current.status}{who}" if current else "its decision was undone"
    message = (
        f"Someone else saved a decision on this question after you opened it ({now}). "
        "Your change was not saved. The page below shows the current version"
        + ("; what you typed is still in the form, so you can save it again." if typed else ".")
    )
    return page("question.html", 409, **{**context, "conflict": message, "typed": typed})


def _filters(params) -> dict[str, str]:
    return {name: str(params[name]) for name in FILTERS if params.get(name)}


def _int(value) -> int:
    try:
        return int(str(value))
    except ValueError:
        return -1


def _derived(key: str, purpose: str) -> str:
    return hmac.new(key.encode("utf-8"), purpose.encode("utf-8"), hashlib.sha256).hexdigest()


def _signed_in_redirect(session: str, to: str) -> Response:
    response = RedirectResponse(to, 303)
    response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="strict", path=PREFIX)
    return response


def review_app(source: ReviewSource, key: str):
    """The review pages alone, as `quizgen review` serves them on 127.0.0.1."""
    from fastapi import FastAPI

    from ..api.guards import SecurityHeaders

    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(SecurityHeaders)
    app.include_router(review_router(source, key))

    @app.get("/", include_in_schema=False)
    def home():
        return RedirectResponse(f"{PREFIX}/", 303)

    return app


def bank_source(bank_path: Path, review_file: Path) -> ReviewSource:
    """Review over a bank file, read again whenever it changes (a rebuild while the page is open)."""
    from ..bank import read_bank

    cache: dict = {}

    def bank():
        stamp = Path(bank_path).stat().st_mtime_ns
        if cache.get("stamp") != stamp:
            cache.update(stamp=stamp, bank=read_bank(bank_path))
        return cache["bank"]

    return ReviewSource(
        title=bank().title,
        review_file=Path(review_file),
        questions=lambda: bank().questions,
        documents=lambda: bank().documents,
    )


def store_source(store, review_file: Path, title: str = "shared bank") -> ReviewSource:
    """Review over the questions of `quizgen serve`'s store."""
    import json

    from ..bank import question_from_dict
    from ..bank.store_sql import QuestionFilter

    def questions():
        return [
            question_from_dict(json.loads(data))
            for _, data in store.question_json(QuestionFilter())
        ]

    return ReviewSource(
        title=title, review_file=Path(review_file), questions=questions, documents=store.documents
    )
