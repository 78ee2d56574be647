"""Markup in a source document stays inert text in every output.

A reading of our own holds HTML, Jinja syntax, Anki cloze markup, GIFT
metacharacters, CSV separators and quotes, and XML entities. It goes through
ingest -> extract -> generate -> every registered renderer; each output must show
it as text: HTML escaped, no template evaluated ('49'), no extra cloze, valid XML,
and GIFT and CSV that parse back to the very text of the bank.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from quizgen.bank import read_bank
from quizgen.build import build_recipe
from quizgen.config import Settings
from quizgen.recipe import load_recipe
from quizgen.render import RENDERERS

ROOT = Path(__file__).resolve().parents[1]
GIFT_PARSER = ROOT / "tests" / "render" / "gift_parse.mjs"

READING = """\
---
title: "Markup <script>alert(1)</script> and {{ 7*7 }}"
author: "R. Example & Sons"
date: 2021-03-04
---

# Templates {{ 7*7 }} and <b>tags</b>

A script tag is a marker written as <script>alert(1)</script> inside a web page.
A template expression is a placeholder such as {{ 7*7 }} that an engine replaces with a value.
A raw block is a region opened by {% raw %} that a template engine leaves untouched.
A cloze marker is a code like {{c1::x}} that hides a word on a flash card.
A field mark is a sign such as ~ = # { } : that a quiz format reads as syntax.
An entity is a code such as &amp; or &lt; that stands for a single character.
A quoted field is a value like "a,b;c" written between double quotes in a table.
The first markup standard with <script>alert(1)</script> tags was published in 1998.
"Never paste {{ 7*7 }} or <script>alert(1)</script> into a template you did not write," said the engineer Dana Okafor.
"""

PAYLOADS = (
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "{% raw %}",
    "{{c1::x}}",
    "~ = # { } :",
    "&amp; or &lt;",
    '"a,b;c"',
)
EVALUATED = re.compile(r"such as 49\b|Never paste 49\b")
CLOZE_MARK = re.compile(r"\{\{c(\d+)::")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("injection")
    (root / "texts").mkdir()
    (root / "texts" / "markup.md").write_text(READING, encoding="utf-8")
    outputs = "".join(f"  {name}: {{}}\n" for name in RENDERERS.names())
    (root / "unit.yaml").write_text(
        f'title: "Unit {{{{ 7*7 }}}} <i>x</i>"\nsources: [texts]\noutputs:\n{outputs}',
        encoding="utf-8",
    )
    settings = Settings.model_validate({"cache_dir": str(root / "cache")})
    result = build_recipe(load_recipe(root / "unit.yaml"), root / "out", settings)
    assert result.ok, result.failures + tuple(o.error for o in result.outputs if o.error)
    return result, read_bank(result.bank_path)


def outputs_of(result, renderer: str) -> list[Path]:
    return list(next(o for o in result.outputs if o.renderer == renderer).written)


def texts_in(path: Path) -> dict[str, str]:
    """Every text a written output holds: the file itself, each member of a zip, each note of a deck."""
    if path.suffix == ".apkg":
        with zipfile.ZipFile(path) as package, sqlite3.connect(":memory:") as _:
            data = package.read(next(n for n in package.namelist() if n.startswith("collection")))
        db = path.with_suffix(".anki2")
        db.write_bytes(data)
        with sqlite3.connect(db) as con:
            return {guid: flds for guid, flds in con.execute("select guid, flds from notes")}
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as package:
            return {
                n: package.read(n).decode("utf-8")
                for n in package.namelist()
                if not n.endswith("/")
            }
    if path.suffix == ".pdf":
        return {}  # the worksheet's PDFs are made from its HTML, checked below
    return {path.name: path.read_text(encoding="utf-8")}


def test_the_payloads_reach_the_bank(built):
    """Without this the other tests would pass on a bank that dropped the markup."""
    _, bank = built
    asked = " ".join(
        q.prompt + " " + q.answer + " " + q.explanation + " " + " ".join(q.choices)
        for q in bank.questions
    )
    for payload in ("<script>alert(1)</script>", "{{ 7*7 }}", "{{c1::x}}", '"a,b;c"'):
        assert payload in asked, payload
    assert any(q.type == "cloze" for q in bank.questions)


@pytest.mark.parametrize("renderer", RENDERERS.names())
def test_no_output_evaluates_a_template(built, renderer):
    result, _ = built
    written = outputs_of(result, renderer)
    assert written, f"{renderer} wrote nothing"
    shown = ""
    for path in written:
        for name, text in texts_in(path).items():
            assert not EVALUATED.search(text), f"{renderer}: {name} evaluated template syntax"
            shown += text
    assert "7*7" in shown or not shown, (
        f"{renderer} dropped the template text instead of showing it"
    )


@pytest.mark.parametrize("renderer", RENDERERS.names())
def test_html_and_xml_outputs_hold_no_live_markup(built, renderer):
    result, _ = built
    for path in outputs_of(result, renderer):
        for name, text in texts_in(path).items():
            if name.endswith(".xml"):
                tree = etree.fromstring(
                    text.encode("utf-8")
                )  # raises if the XML is not well formed
                for element in tree.iter():
                    if not isinstance(element.tag, str):
                        continue
                    assert etree.QName(element).localname not in ("script", "b", "i"), name
                    if holds_html(element):  # an LMS unescapes it once and shows it as HTML
                        assert not live_tags(element.text or ""), f"{name}: {element.tag}"
            elif name.endswith(".html") or path.suffix == ".apkg":
                assert not live_tags(text.replace("\x1f", "<hr/>")), (
                    f"{renderer}: {name} has live markup"
                )


def holds_html(element) -> bool:
    """QTI 1.2 mattext of type text/html; Moodle XML <text> inside an element with format="html"."""
    if element.get("texttype") == "text/html":
        return True
    parent = element.getparent()
    return (
        etree.QName(element).localname == "text"
        and parent is not None
        and parent.get("format") == "html"
    )


def live_tags(markup: str) -> list[str]:
    """Tags of the source text that became elements once the markup is read as HTML."""
    if not markup.strip():
        return []
    fragment = lxml_html.fragment_fromstring(markup, create_parent="div")
    return [e.tag for e in fragment.iter() if e.tag in ("script", "b", "i")]


def test_anki_cloze_notes_have_only_the_intended_blanks(built):
    result, bank = built
    notes = texts_in(outputs_of(result, "anki")[0])
    clozes = [q for q in bank.questions if q.type == "cloze"]
    assert clozes
    for question in clozes:
        text_field = notes[question.id].split("\x1f")[0]
        # Each blank once; a '{{c1::x}}' copied from the source would hide 'x' as well.
        assert len(CLOZE_MARK.findall(text_field)) == len(question.blanks), text_field


def test_gift_parses_back_to_the_bank_text(built):
    if shutil.which("node") is None or not (ROOT / "node_modules" / "gift-pegjs").is_dir():
        pytest.skip("node and node_modules/gift-pegjs are needed to parse GIFT (npm ci)")
    result, bank = built
    gift = outputs_of(result, "gift")[0].read_text(encoding="utf-8")
    run = subprocess.run(
        ["node", str(GIFT_PARSER)], input=gift, capture_output=True, text=True, timeout=60
    )
    parsed = json.loads(run.stdout)
    assert run.returncode == 0, parsed
    by_id = {q["title"]: q for q in parsed if q.get("title")}
    checked = 0
    for question in bank.questions:
        if question.id in by_id and question.type in (
            "true_false",
            "multiple_choice",
            "short_answer",
        ):
            assert by_id[question.id]["stem"]["text"] == question.prompt
            checked += 1
    assert checked >= 5
    assert any(mark in q.prompt for q in bank.questions if q.id in by_id for mark in "~=#{}:")


def test_csv_parses_back_to_the_bank_text(built):
    result, bank = built
    pairs = {(q.prompt, q.answer) for q in bank.questions}
    found = 0
    for path in outputs_of(result, "csv"):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".csv":
            rows = list(csv.reader(io.StringIO(text)))
        else:  # Anki's tab-separated import text: '#' header lines, then quoted tab-separated rows
            body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
            rows = list(csv.reader(io.StringIO(body), delimiter="\t"))
        for row in rows:
            found += (row[0], row[1]) in pairs
    assert found >= 5
    assert any('"a,b;c"' in prompt or '"a,b;c"' in answer for prompt, answer in pairs)


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "sub/../../../x"])
def test_a_recipe_output_name_outside_the_output_folder_is_refused(tmp_path, name):
    from typer.testing import CliRunner

    from quizgen.cli import app

    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "markup.md").write_text(READING, encoding="utf-8")
    recipe = tmp_path / "unit.yaml"
    recipe.write_text(
        f"sources: [texts]\noutputs:\n  gift:\n    file: '{name}'\n", encoding="utf-8"
    )
    run = CliRunner().invoke(app, ["build", str(recipe), "--out", str(tmp_path / "out")])
    assert run.exit_code == 1
    assert run.output.count("\n") == 1 and f"{recipe}:4: outputs.gift.file:" in run.output, (
        run.output
    )
    assert not (tmp_path / "out").exists()
