"""The review page driven in headless Chromium (Playwright, the system `chromium`), end to end:
decide in the browser, rebuild, and find exactly the teacher's versions in the bank, the
Anki deck (imported into Anki's real backend) and the worksheet; then change a source
sentence and find the question flagged as changed since review. Also: a form posted from
another site is refused.
"""

from __future__ import annotations

import html
import http.server
import json
import re
import shutil
import threading

import pytest

from quizgen.review.decisions import load_decisions

from .project import ROOT, make_project, stop

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright (test extra)")
anki_collection = pytest.importorskip("anki.collection", reason="anki (test extra)")
CHROMIUM = shutil.which("chromium")
SCREENSHOTS = ROOT / "tests" / "output" / "review"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed"),
]


def pick(questions: list[dict]) -> dict:
    """Questions of different source sentences, so a one-sheet worksheet keeps them all."""
    used: set[str] = set()

    def first(qtype: str, **where) -> dict:
        found = next(
            q
            for q in questions
            if q["type"] == qtype
            and q["explanation"] not in used
            and all(q.get(k) == v for k, v in where.items())
        )
        used.add(found["explanation"])
        return found

    changing = first("basic", kind="definition")  # its id is the term's: a new sentence keeps it
    edit = first("multiple_choice")
    reject = first("true_false")
    approve = [
        changing,
        first("short_answer"),
        first("cloze"),
        first("short_answer"),
        first("true_false"),
    ]
    return {"edit": edit, "reject": reject, "approve": approve, "changing": changing}


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


def test_review_in_the_browser_reaches_bank_deck_and_worksheet(tmp_path, browser):
    project = make_project(tmp_path / "project")
    first = project.quizgen("build", "decks/unit.yaml")
    # review: required and nothing approved yet: nothing is written but the questions to review
    assert first.returncode == 1 and "no question is approved yet" in first.stderr
    assert not (project.out / "bank.json").exists()
    candidates = json.loads((project.out / "candidates.json").read_text("utf-8"))["questions"]
    chosen = pick(candidates)
    edit, reject, approve = chosen["edit"], chosen["reject"], chosen["approve"]
    new_prompt = "In the teacher's words: " + edit["prompt"]
    old_distractor = next(c for c in edit["choices"] if c != edit["answer"])
    new_distractor = "a distractor the teacher wrote"

    server, url = project.start_review("decks/unit.yaml")
    try:
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(url)
        assert page.locator("li.row").count() == len(candidates)
        base = url.split("/review/")[0] + "/review"

        page.goto(f"{base}/q/{reject['id']}")
        page.select_option("#reason", "unclear")
        page.click("#reject")
        page.goto(f"{base}/q/{edit['id']}")
        page.keyboard.press("e")  # opens the edit form with the prompt focused
        assert page.evaluate("document.activeElement.id") == "edit-prompt"
        page.fill("#edit-prompt", new_prompt)
        distractors = page.input_value("#edit-distractors").split("\n")
        page.fill(
            "#edit-distractors",
            "\n".join(new_distractor if d == old_distractor else d for d in distractors),
        )
        page.click("#save-edit")
        assert page.text_content("#state") == "edited"
        assert page.text_content("#prompt") == new_prompt
        for question in approve:
            page.goto(f"{base}/q/{question['id']}")
            page.keyboard.press("a")  # approve; the next question opens
            page.wait_for_url(lambda u, q=question: f"/q/{q['id']}" not in u)

        decisions = load_decisions(project.review_file)
        assert {q: d.status for q, d in decisions.items()} == {
            reject["id"]: "rejected",
            edit["id"]: "edited",
            **{q["id"]: "approved" for q in approve},
        }
        assert decisions[reject["id"]].reason == "unclear"

        built = project.quizgen("build", "decks/unit.yaml", check=True)
        assert "review: 6 approved (1 edited)" in built.stdout and "1 rejected" in built.stdout
        expected = {edit["id"], *(q["id"] for q in approve)}

        bank = json.loads((project.out / "bank.json").read_text("utf-8"))
        assert {q["id"] for q in bank["questions"]} == expected
        edited = next(q for q in bank["questions"] if q["id"] == edit["id"])
        assert edited["prompt"] == new_prompt and edited["answer"] == edit["answer"]
        assert new_distractor in edited["choices"] and old_distractor not in edited["choices"]
        for question in approve:
            assert next(q for q in bank["questions"] if q["id"] == question["id"]) == question

        collection = anki_collection.Collection(str(tmp_path / "c.anki2"))
        try:
            request = anki_collection.ImportAnkiPackageRequest(
                package_path=str(project.out / "unit-anki.apkg"),
                options=anki_collection.ImportAnkiPackageOptions(),
            )
            collection.import_anki_package(request)
            notes = {n.guid: n for n in map(collection.get_note, collection.find_notes(""))}
            assert set(notes) == expected
            fields = html.unescape("\n".join(notes[edit["id"]].values()))
            assert new_prompt in fields and new_distractor in fields
            assert old_distractor not in fields
        finally:
            collection.close()

        worksheet = html.unescape(
            next((project.out / "worksheet").glob("*-A.html")).read_text("utf-8")
        )
        printed = page_ids(worksheet)
        assert printed == expected
        assert new_prompt in worksheet and new_distractor in worksheet
        assert old_distractor not in worksheet

        # The source sentence of an approved question changes: same id, a changed fact.
        changing = chosen["changing"]
        text = project.document.read_text("utf-8")
        last_words = changing["explanation"].rstrip(".").split()[-4:]
        ending = re.compile(r"\s+".join(map(re.escape, last_words)))  # the file may wrap the line
        assert len(ending.findall(text)) == 1
        project.document.write_text(
            ending.sub(lambda m: m.group(0) + " in most years", text), encoding="utf-8"
        )
        again = project.quizgen("build", "decks/unit.yaml", check=True)
        assert "1 changed since review" in again.stdout
        bank = json.loads((project.out / "bank.json").read_text("utf-8"))
        assert changing["id"] not in {q["id"] for q in bank["questions"]}  # review: required

        page.goto(f"{base}/")
        first_row = page.locator("li.row").first
        assert first_row.get_attribute("data-id") == changing["id"]
        assert first_row.get_attribute("data-state") == "changed"
        first_row.locator("a").click()
        assert page.text_content("#state") == "changed since review"
        assert "in most years" in page.text_content("mark")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "changed.png"), full_page=True)
        page.set_viewport_size(
            {"width": 360, "height": 740}
        )  # a small phone: nothing to scroll sideways
        for address in (f"{base}/q/{edit['id']}", f"{base}/"):
            page.goto(address)
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, address
        page.screenshot(path=str(SCREENSHOTS / "list-360.png"))
    finally:
        stop(server)


def page_ids(page: str) -> set[str]:
    return set(re.findall(r'class="question q-[a-z_]+" data-id="([a-z0-9-]+)"', page))


class Attacker(http.server.BaseHTTPRequestHandler):
    """Another site (another port of the same machine) with a form aimed at the review."""

    form = b""

    def do_GET(self):  # noqa: N802 - the standard library's name
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(self.form)

    def log_message(self, *args):
        pass


def test_a_form_posted_from_another_site_is_refused(tmp_path, browser):
    project = make_project(tmp_path / "project")
    server, url = project.start_review("decks/unit.yaml")
    attacker = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Attacker)
    threading.Thread(target=attacker.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        page.goto(url)  # signed in: the browser holds the review cookie
        target = page.locator("li.row").first.get_attribute("data-id")
        token = page.input_value("input[name=csrf] >> nth=0")
        base = url.split("/review/")[0]
        for csrf in ("guessed", token):  # even a leaked token does not help another site
            Attacker.form = (
                f'<form method="post" action="{base}/review/q/{target}/decide">'
                f'<input name="csrf" value="{csrf}"><input name="version" value="0">'
                '<input name="action" value="approve"></form>'
                "<script>document.forms[0].submit()</script>"
            ).encode()
            with page.expect_navigation():
                page.goto(f"http://127.0.0.1:{attacker.server_port}/")
            assert "/review/q/" in page.url
            assert "This form was sent from another site." in page.content()
            assert not project.review_file.exists()
        # The same post from the review page itself goes through.
        page.goto(f"{base}/review/q/{target}")
        page.click("#approve")
        assert load_decisions(project.review_file)[target].status == "approved"
    finally:
        attacker.shutdown()
        stop(server)
