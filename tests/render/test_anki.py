"""The Anki renderer, checked by importing its decks into a real Anki collection.

What Anki holds after importing the deck of tests/roots/bank-small (notes, fields, cards,
decks, tags) is compared with tests/golden/anki/bank-small/notes.json. After an intended
change to the field markup, regenerate it and review the diff:

    .venv/bin/python -m pytest tests/render/test_anki.py -k golden --update-goldens

Screenshots of the cards are in test_anki_screenshots.py.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest
from markupsafe import escape

from quizgen.bank import Bank, bank_from_dict, read_bank
from quizgen.errors import RenderError
from quizgen.models import QUESTION_TYPES, Source
from quizgen.render import RENDERERS, RenderOptions
from quizgen.render.anki import (
    BASIC,
    CHOICE,
    CLOZE,
    NOTE_FIELDS,
    AnkiRenderer,
    definition_term,
    stable_id,
)

anki_collection = pytest.importorskip(
    "anki.collection", reason="the `anki` package (test extra) is not installed"
)
Collection = anki_collection.Collection
IMPORT_IF_NEWER = pytest.importorskip(
    "anki.import_export_pb2"
).IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER

BANK = Path(__file__).resolve().parents[1] / "roots" / "bank-small" / "bank.json"
T0 = 1_700_000_000  # note modification time of a first build; later builds use larger values


@pytest.fixture(scope="module")
def bank() -> Bank:
    return read_bank(BANK)


def render(bank: Bank, out: Path, timestamp: int = T0, **extra) -> dict[str, int]:
    options = RenderOptions(title="Civics", extra={"timestamp": timestamp, **extra})
    return AnkiRenderer().write(bank, out, options).skipped


def import_into(col, apkg: Path):
    """Import as a user would (keep scheduling, update notes and note types when newer)."""
    options = anki_collection.ImportAnkiPackageOptions(
        with_scheduling=True,
        update_notes=IMPORT_IF_NEWER,
        update_notetypes=IMPORT_IF_NEWER,
    )
    request = anki_collection.ImportAnkiPackageRequest(package_path=str(apkg), options=options)
    return col.import_anki_package(request).log


@pytest.fixture
def col(tmp_path):
    collection = Collection(str(tmp_path / "c.anki2"))
    yield collection
    collection.close()


def package_decks(apkg: Path) -> dict[int, str]:
    """Deck id -> name as written in the package (Anki's own Default deck left out)."""
    with zipfile.ZipFile(apkg) as archive, tempfile.TemporaryDirectory() as tmp:
        db_path = archive.extract("collection.anki2", tmp)
        with contextlib.closing(sqlite3.connect(db_path)) as db:
            decks = json.loads(db.execute("select decks from col").fetchone()[0])
    return {int(d["id"]): d["name"] for d in decks.values() if int(d["id"]) != 1}


def notes_by_guid(col) -> dict:
    return {note.guid: note for note in (col.get_note(nid) for nid in col.find_notes(""))}


def test_registered_as_apkg():
    renderer = RENDERERS.get("anki")
    assert renderer.suffix == ".apkg"
    assert set(renderer.types) == set(QUESTION_TYPES)


def test_every_question_becomes_one_note_with_the_intended_type(any_bank, tmp_path, col):
    bank = any_bank  # the small bank, then the shared corpus built by its recipe
    assert render(bank, tmp_path / "d.apkg") == {}
    log = import_into(col, tmp_path / "d.apkg")

    assert len(log.new) == len(bank.questions) == col.note_count()
    expected_type = {
        "basic": BASIC,
        "short_answer": BASIC,
        "list_recall": BASIC,
        "matching": BASIC,
        "ordering": BASIC,
        "cloze": CLOZE,
        "multiple_choice": CHOICE,
        "true_false": CHOICE,
    }
    notes = notes_by_guid(col)
    for question in bank.questions:
        note = notes[question.id]
        note_type = note.note_type()
        assert note_type["name"] == expected_type[question.type]
        assert note_type["id"] == stable_id("note-type", note_type["name"])
        assert [f["name"] for f in note_type["flds"]] == list(NOTE_FIELDS[note_type["name"]])
        assert note.tags == list(question.tags)


def test_imported_notes_match_golden(bank, tmp_path, col, golden):
    render(bank, tmp_path / "d.apkg", subdecks="by_type")
    import_into(col, tmp_path / "d.apkg")
    produced = {
        guid: {
            "note_type": note.note_type()["name"],
            "fields": dict(note.items()),
            "tags": note.tags,
            "cards": [[c.template()["name"], c.ord, col.decks.name(c.did)] for c in note.cards()],
        }
        for guid, note in sorted(notes_by_guid(col).items())
    }
    text = json.dumps(produced, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    golden("anki", "bank-small", {"notes.json": text})


def test_cards_per_note(any_bank, tmp_path, col):
    bank = any_bank
    render(bank, tmp_path / "d.apkg")
    import_into(col, tmp_path / "d.apkg")
    notes = notes_by_guid(col)
    for question in bank.questions:
        cards = notes[question.id].cards()
        if question.type == "cloze":
            assert len(cards) == len(question.blanks) > 0  # one card per blank
        elif question.type == "basic" and question.kind == "definition":
            assert sorted(c.template()["name"] for c in cards) == ["Card 1", "Reversed"]
            reversed_card = next(c for c in cards if c.template()["name"] == "Reversed")
            front = reversed_card.render_output().question_text
            assert escape(question.answer) in front and escape(question.prompt) not in front
            assert escape(definition_term(question.prompt)) in reversed_card.answer()
        else:
            assert len(cards) == 1


@pytest.mark.parametrize(
    ("subdecks", "expected"),
    [
        ("none", {"Civics"}),
        ("by_document", {"Civics::The Three Pillars of Town Government"}),
        (
            "by_type",
            {
                "Civics::Basic",
                "Civics::Short answer",
                "Civics::Cloze",
                "Civics::Multiple choice",
                "Civics::True or false",
                "Civics::List recall",
                "Civics::Matching",
                "Civics::Ordering",
            },
        ),
    ],
)
def test_deck_names(bank, tmp_path, col, subdecks, expected):
    render(bank, tmp_path / "d.apkg", subdecks=subdecks)
    import_into(col, tmp_path / "d.apkg")
    card_decks = {col.decks.name(col.get_card(cid).did) for cid in col.find_cards("")}
    assert card_decks == expected
    # Anki keys imported decks by name (ids are its own), so the hashed ids are read from the package.
    assert package_decks(tmp_path / "d.apkg") == {
        stable_id("deck", n): n for n in expected | {"Civics"}
    }


def test_deck_option_and_default_title(bank, tmp_path, col):
    AnkiRenderer().write(bank, tmp_path / "a.apkg", RenderOptions(extra={"deck": "My: deck"}))
    AnkiRenderer().write(bank, tmp_path / "b.apkg", RenderOptions())
    AnkiRenderer().write(
        bank, tmp_path / "c.apkg", RenderOptions(extra={"deck": "History :: Unit 3"})
    )
    assert package_decks(tmp_path / "a.apkg") == {stable_id("deck", "My: deck"): "My: deck"}
    assert package_decks(tmp_path / "c.apkg") == {
        stable_id("deck", "History::Unit 3"): "History::Unit 3"
    }
    assert package_decks(tmp_path / "b.apkg") == {stable_id("deck", bank.title): bank.title}
    import_into(col, tmp_path / "a.apkg")
    assert col.decks.id_for_name("My: deck")


def question_data(**changes) -> dict:
    data = json.loads(BANK.read_text(encoding="utf-8"))
    basic = next(q for q in data["questions"] if q["type"] == "basic")
    return {**basic, **changes}


def test_document_text_is_escaped(tmp_path, col):
    hostile = "<script>alert(1)</script> & <b>bold</b>"
    data = question_data(prompt=f"What is {hostile}?", answer=hostile, explanation=hostile)
    data["sources"][0]["title"] = "<i>Title</i>"
    render(bank_from_dict({"title": "t", "questions": [data]}), tmp_path / "d.apkg")
    import_into(col, tmp_path / "d.apkg")
    card = col.get_card(col.find_cards("")[0])
    html = card.question() + card.answer()
    assert "<script>" not in html and "<b>" not in html and "<i>Title" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "&lt;i&gt;Title&lt;/i&gt;" in html


def test_source_line_on_every_back(bank, tmp_path, col):
    render(bank, tmp_path / "d.apkg")
    import_into(col, tmp_path / "d.apkg")
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        question = next(q for q in bank.questions if q.id == card.note().guid)
        source: Source = question.sources[0]
        back = card.answer()
        assert f"{source.document}:{source.line}" in back
        assert source.title in back and source.author in back and source.date in back
        if (
            source.footnote
        ):  # "1 Town Charter, art. 2." is shown as "Footnote 1: Town Charter, art. 2."
            number, _, text = source.footnote.partition(" ")
            assert f"Footnote {number}: {text}" in back


def test_multiple_choice_marks_the_answer_on_the_back(bank, tmp_path, col):
    render(bank, tmp_path / "d.apkg")
    import_into(col, tmp_path / "d.apkg")
    question = bank.by_type("multiple_choice")[0]
    card = notes_by_guid(col)[question.id].cards()[0]
    assert f'<li class="correct">{question.answer}</li>' in card.answer()
    front = card.render_output().question_text  # without the CSS, which names both sides
    assert 'class="qz qz-choice side-front"' in front and "side-back" not in front


def test_ordering_and_matching_fronts_do_not_give_the_answer_away(bank, tmp_path, col):
    render(bank, tmp_path / "d.apkg")
    import_into(col, tmp_path / "d.apkg")
    notes = notes_by_guid(col)
    ordering = bank.by_type("ordering")[0]
    front = notes[ordering.id].cards()[0].question()
    positions = [front.index(item) for item in ordering.sequence]
    assert positions != sorted(positions)
    matching = bank.by_type("matching")[0]
    front = notes[matching.id].cards()[0].question()
    positions = [front.index(right) for _, right in matching.pairs]
    assert positions != sorted(positions)


def test_questions_that_cannot_be_expressed_are_counted(bank, tmp_path, col):
    broken_choice = dataclasses.replace(
        bank.by_type("multiple_choice")[0], id="q-x1", answer="not a choice"
    )
    no_blanks = dataclasses.replace(bank.by_type("cloze")[0], id="q-x2", prompt="No blanks here.")
    unknown = dataclasses.replace(bank.questions[0], id="q-x3", type="essay")
    no_prompt = dataclasses.replace(bank.by_type("short_answer")[0], id="q-x4", prompt=" ")
    bigger = dataclasses.replace(
        bank, questions=bank.questions + (broken_choice, no_blanks, unknown, no_prompt)
    )

    skipped = render(bigger, tmp_path / "d.apkg")
    import_into(col, tmp_path / "d.apkg")
    assert skipped == {"multiple_choice": 1, "cloze": 1, "essay": 1, "short_answer": 1}
    assert col.note_count() == len(bank.questions)


def test_rebuild_updates_the_changed_note_and_keeps_review_history(bank, tmp_path, col):
    render(bank, tmp_path / "v1.apkg", timestamp=T0)
    import_into(col, tmp_path / "v1.apkg")

    # Study a card of a note that stays the same and one of the note about to be corrected:
    # answering "easy" graduates each to a review card with an interval and a revlog entry.
    studied = {}
    for guid in ("q-mc-0004", "q-basic-0001"):
        card = notes_by_guid(col)[guid].cards()[0]
        card.start_timer()
        col.sched.answerCard(card, 4)
        card = col.get_card(card.id)
        assert card.ivl > 0
        studied[card.id] = (
            card.ivl,
            card.type,
            card.due,
            col.db.list("select id from revlog where cid = ?", card.id),
        )
    assert all(len(history[-1]) == 1 for history in studied.values())

    changed = dataclasses.replace(bank.questions[0], answer="a corrected answer")
    assert changed.id == "q-basic-0001"
    fixed = dataclasses.replace(bank, questions=(changed,) + bank.questions[1:])
    fields_before = {guid: note.fields for guid, note in notes_by_guid(col).items()}
    render(fixed, tmp_path / "v2.apkg", timestamp=T0 + 60)
    log = import_into(col, tmp_path / "v2.apkg")

    notes = notes_by_guid(col)
    assert len(log.new) == len(log.duplicate) == len(log.conflicting) == 0
    assert col.note_count() == len(bank.questions)
    assert notes["q-basic-0001"].id in {n.id.nid for n in log.updated}
    assert notes["q-basic-0001"]["Back"] == "a corrected answer"
    # The other notes are "updated" too (one timestamp per build) but keep the same fields.
    assert {g: n.fields for g, n in notes.items() if g != "q-basic-0001"} == {
        g: f for g, f in fields_before.items() if g != "q-basic-0001"
    }
    for card_id, history in studied.items():
        card = col.get_card(card_id)
        assert (
            card.ivl,
            card.type,
            card.due,
            col.db.list("select id from revlog where cid = ?", card_id),
        ) == history


def test_reimporting_the_same_deck_changes_nothing(bank, tmp_path, col):
    render(bank, tmp_path / "d.apkg")
    import_into(col, tmp_path / "d.apkg")
    before = col.db.all("select id, guid, mod, flds, tags from notes order by id")
    cards_before = col.db.all("select id, nid, did, ord, mod from cards order by id")

    log = import_into(col, tmp_path / "d.apkg")

    assert len(log.new) == 0 and len(log.updated) == 0
    assert col.db.all("select id, guid, mod, flds, tags from notes order by id") == before
    assert col.db.all("select id, nid, did, ord, mod from cards order by id") == cards_before


def test_ids_do_not_depend_on_templates(bank, tmp_path, col):
    custom = tmp_path / "my-templates" / "anki" / "note-types"
    custom.mkdir(parents=True)
    (custom / "style.css").write_text(".card { font-size: 30px; }", encoding="utf-8")
    render(bank, tmp_path / "a.apkg")
    options = RenderOptions(
        title="Civics", template_dir=str(tmp_path / "my-templates"), extra={"timestamp": T0 + 60}
    )
    AnkiRenderer().write(bank, tmp_path / "b.apkg", options)

    import_into(col, tmp_path / "a.apkg")
    import_into(col, tmp_path / "b.apkg")
    assert col.note_count() == len(bank.questions)
    assert sorted(
        m.name for m in col.models.all_names_and_ids() if m.name.startswith("quizgen")
    ) == sorted(NOTE_FIELDS)
    assert col.models.get(stable_id("note-type", BASIC))["css"] == ".card { font-size: 30px; }"


def test_stable_ids_are_distinct_and_in_genanki_range():
    ids = [stable_id("note-type", name) for name in NOTE_FIELDS] + [
        stable_id("deck", n) for n in ("A", "A::B")
    ]
    assert len(set(ids)) == len(ids)
    assert all((1 << 30) <= i < (1 << 31) for i in ids)
    assert stable_id("deck", "A") == stable_id("deck", "A")


def test_unwritable_output_is_one_clear_error(bank, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(RenderError, match="file/d.apkg"):
        render(bank, blocker / "d.apkg")


def test_several_source_sentences_stay_on_their_own_lines(tmp_path, col):
    data = question_data(explanation="First <sentence>.\nSecond & last.")
    render(bank_from_dict({"title": "t", "questions": [data]}), tmp_path / "d.apkg")
    import_into(col, tmp_path / "d.apkg")
    assert (
        col.get_note(col.find_notes("")[0])["Extra"]
        == "First &lt;sentence&gt;.<br>Second &amp; last."
    )


def test_a_failed_write_keeps_the_previous_deck(bank, tmp_path, monkeypatch):
    import genanki

    out = tmp_path / "d.apkg"
    render(bank, out)
    good = out.read_bytes()

    def write_half_then_fail(self, path, timestamp=None):
        Path(path).write_bytes(b"half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(genanki.Package, "write_to_file", write_half_then_fail)
    with pytest.raises(RenderError, match="d.apkg: cannot write the deck: No space left on device"):
        render(bank, out)
    assert out.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.apkg"]


def test_deck_id_collision_is_refused(bank, tmp_path, monkeypatch):
    monkeypatch.setattr("quizgen.render.anki.stable_id", lambda kind, name: 1 << 30)
    with pytest.raises(
        RenderError, match=r"d\.apkg: anki: deck .* hashes to the id of another deck"
    ):
        render(bank, tmp_path / "d.apkg", subdecks="by_type")


def test_broken_user_template_is_one_clear_error(bank, tmp_path):
    custom = tmp_path / "mine" / "anki"
    custom.mkdir(parents=True)
    (custom / "fields.html").write_text("{% macro choices(items %}", encoding="utf-8")
    options = RenderOptions(template_dir=str(tmp_path / "mine"))
    with pytest.raises(RenderError, match=r"fields\.html.*: anki: bad template"):
        AnkiRenderer().write(bank, tmp_path / "d.apkg", options)


@pytest.mark.parametrize(
    "extra", [{"decks": "History"}, {"subdecks": "by_week"}, {"timestamp": "soon"}]
)
def test_unknown_or_bad_options_are_refused_naming_the_output(bank, tmp_path, extra):
    with pytest.raises(RenderError, match=rf"d\.apkg: invalid anki options: '{next(iter(extra))}'"):
        render(bank, tmp_path / "d.apkg", **extra)
    assert not (tmp_path / "d.apkg").exists()


@pytest.mark.parametrize(
    "prompt, term",
    [
        ("What is meant by globalization of commodities?", "globalization of commodities"),
        ("What is meant by the COVID-19 pandemic?", "the COVID-19 pandemic"),
        ("What does the term “community” involve?", "community"),
        ("What does civic trust mean?", "civic trust"),
        ("Who said: “We will”?", ""),
    ],
)
def test_definition_term(prompt, term):
    assert definition_term(prompt) == term


def answer_side(card) -> str:
    """The rendered answer below Anki's answer rule, without the CSS."""
    return card.render_output().answer_text.split('<hr id="answer">', 1)[1]


def test_reversed_card_asks_the_definition_and_answers_the_term(any_bank, tmp_path, col):
    render(any_bank, tmp_path / "d.apkg")
    import_into(col, tmp_path / "d.apkg")
    notes = notes_by_guid(col)
    definitions = [q for q in any_bank.by_type("basic") if q.kind == "definition"]
    assert definitions
    for question in definitions:
        cards = {c.template()["name"]: c for c in notes[question.id].cards()}
        reversed_card = cards["Reversed"]
        front = reversed_card.render_output().question_text
        assert str(escape(question.answer)) in front and str(escape(question.prompt)) not in front
        answer = answer_side(reversed_card)
        shown = answer.split('<div class="answer">', 1)[1].split("</div>", 1)[0]
        assert shown == str(escape(definition_term(question.prompt))) and shown, question.id
        assert (
            question.prompt.split()[0] not in shown
        )  # never the whole question ("What is meant by ...")
        source = question.sources[0]
        assert str(escape(source.title)) in answer and f"{source.document}:{source.line}" in answer
        assert str(escape(" ".join(question.explanation.split()))) in " ".join(answer.split())


def test_every_back_names_the_document_by_its_title(any_bank, tmp_path, col):
    render(any_bank, tmp_path / "d.apkg", subdecks="by_document")
    import_into(col, tmp_path / "d.apkg")
    titles = {d.name: d.title for d in any_bank.documents}
    assert all(titles.values())
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        source = next(q for q in any_bank.questions if q.id == card.note().guid).sources[0]
        assert str(escape(titles[source.document])) in card.answer()
        assert col.decks.name(card.did) == f"Civics::{titles[source.document].replace('::', ':')}"


def test_a_deck_with_the_old_reverse_flag_is_updated_in_place(bank, tmp_path, col, monkeypatch):
    """Decks written before the term was kept had "y" in Reverse: the note type keeps its
    fields, so Anki updates those notes (same GUID, same cards, review history kept)."""
    import quizgen.render.anki as anki

    monkeypatch.setattr(anki, "definition_term", lambda prompt: "y")
    render(bank, tmp_path / "old.apkg", timestamp=T0)
    import_into(col, tmp_path / "old.apkg")
    monkeypatch.undo()
    definition = next(q for q in bank.by_type("basic") if q.kind == "definition")
    cards_before = sorted(c.id for c in notes_by_guid(col)[definition.id].cards())
    render(bank, tmp_path / "new.apkg", timestamp=T0 + 60)
    log = import_into(col, tmp_path / "new.apkg")
    assert len(log.new) == len(log.conflicting) == 0 and col.note_count() == len(bank.questions)
    note = notes_by_guid(col)[definition.id]
    assert note["Reverse"] == str(escape(definition_term(definition.prompt))) != "y"
    assert sorted(c.id for c in note.cards()) == cards_before
    reversed_card = next(c for c in note.cards() if c.template()["name"] == "Reversed")
    assert definition_term(definition.prompt) in answer_side(reversed_card)


def test_reworded_questions_update_their_notes_in_place(tmp_path, col, monkeypatch):
    """Questions built with the first version's wording, then rebuilt with the parse-based
    wording: the ids are the facts', so Anki updates every note and adds none."""
    from quizgen.bank import Bank
    from quizgen.generate import basic, generate_questions, multiple_choice, short_answer
    from tests.generate.conftest import GARDEN, SETTINGS, garden_items, make_doc

    doc = make_doc(GARDEN)
    items = garden_items(doc)
    types = ["basic", "short_answer", "multiple_choice", "cloze", "list_recall"]
    new = generate_questions([(doc, items)], SETTINGS, types).questions
    with monkeypatch.context() as patch:
        for module in (basic, short_answer, multiple_choice):
            patch.setattr(
                module,
                "date_question",
                lambda item, ctx: f"In what year did this happen: {item.event}?",
            )
            patch.setattr(module, "who_said", lambda item: f"Who said: “{item.text}”?")
        old = generate_questions([(doc, items)], SETTINGS, types).questions
    assert {q.id for q in old} == {q.id for q in new}
    assert (
        sum(
            a.prompt != b.prompt
            for a, b in zip(sorted(old, key=lambda q: q.id), sorted(new, key=lambda q: q.id))
        )
        > 10
    )

    render(Bank(title="Garden", questions=old), tmp_path / "old.apkg", timestamp=T0)
    import_into(col, tmp_path / "old.apkg")
    assert col.note_count() == len(old)
    render(Bank(title="Garden", questions=new), tmp_path / "new.apkg", timestamp=T0 + 60)
    log = import_into(col, tmp_path / "new.apkg")

    assert len(log.new) == 0 and col.note_count() == len(new)
    fronts = {note.guid: note.fields[0] for note in notes_by_guid(col).values()}
    reworded = next(q for q in new if q.prompt == "In what year did the railway reach the valley?")
    assert "did the railway reach the valley" in fronts[reworded.id]
