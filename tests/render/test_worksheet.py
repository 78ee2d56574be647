"""Worksheet renderer: layout rules, golden HTML, and the PDFs read back with pypdf.

The HTML written for tests/roots/bank-small is compared with the golden files in
tests/golden/worksheet/bank-small/. After an intended change to the templates or the
layout, regenerate them and review the diff:

    .venv/bin/python -m pytest tests/render/test_worksheet.py -k golden --update-goldens

The first page of a student PDF is also rendered to tests/output/worksheet/*.png
(with `pdftoppm` from poppler-utils) for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from quizgen.bank import Bank, DocumentInfo, read_bank
from quizgen.errors import RenderError
from quizgen.models import QUESTION_TYPES, Question, Source
from quizgen.render import RENDERERS, RenderOptions
from quizgen.render.layout import (
    MalformedQuestion,
    Selection,
    cloze_parts,
    layout,
    printable,
    select,
)
from quizgen.render.worksheet import WorksheetRenderer
from tests.helpers import SMALL_BANK

pypdf = pytest.importorskip("pypdf")

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1].parent / "shared"  # as conftest.py finds it
PNG_DIR = HERE.parent / "output" / "worksheet"
STEM = "sample-town-government"


def render(bank: Bank, out: Path, seed: int = 7, title: str | None = None, **extra) -> list[Path]:
    # The test banks ask one sentence many ways on purpose, to show every layout; the
    # one-sheet rule (on by default) has tests of its own below.
    extra.setdefault("one_sheet", False)
    options = RenderOptions(title=title or bank.title, seed=seed, extra=extra)
    return list(WorksheetRenderer().write(bank, out, options).written)


def pdf_pages(path: Path) -> list[str]:
    """Text of each page, whitespace collapsed so wrapped lines compare as one.

    A line may wrap after a hyphen ("by-" / "laws"); the rejoined word has no space.
    """
    pages = [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]
    return [re.sub(r"(\w-) (\w)", r"\1\2", page) for page in pages]


# --- a larger bank of our own, to fill several pages -------------------------------------


def _source(line: int) -> Source:
    return Source(
        document="harbours.md", line=line, sentence=f"Sentence on line {line}.", footnote=None
    )


def _question(qtype: str, i: int, **fields) -> Question:
    base = dict(
        id=f"q-{qtype}-{i:03d}",
        type=qtype,
        answer="",
        explanation=f"Sentence on line {i}.",
        sources=(_source(i),),
        kind="definition",
        tags=(f"set::{i % 3}",),
        difficulty=1 + i % 3,
    )
    base.update(fields)
    return Question(**base)


def big_bank(per_type: int = 6) -> Bank:
    questions = []
    for i in range(per_type):
        questions += [
            _question(
                "true_false",
                i,
                prompt=f"Survey {i} charted the northern harbour before the storm season.",
                answer="True" if i % 2 else "False",
            ),
            _question(
                "multiple_choice",
                i,
                prompt=f"Which vessel carried survey {i} along the coast?",
                answer=f"Petrel {i}",
                choices=(f"Petrel {i}", f"Osprey {i}", f"Heron {i}", f"Curlew {i}"),
            ),
            _question(
                "matching",
                i,
                prompt=f"Match each harbour of survey {i} with its feature.",
                pairs=tuple(
                    (f"Harbour {i}{k}", f"feature {k} of the survey {i} coast") for k in "PQRS"
                ),
            ),
            _question(
                "ordering",
                i,
                prompt=f"Put the stages of survey {i} in order.",
                sequence=tuple(f"stage {k} of survey {i}" for k in ("one", "two", "three", "four")),
            ),
            _question(
                "cloze",
                i,
                prompt=f"Survey {i} relied on {{{{c1::tide tables}}}} and {{{{c2::lead lines}}}}.",
                answer="tide tables; lead lines",
                blanks=("tide tables", "lead lines"),
            ),
            _question(
                "list_recall",
                i,
                prompt=f"Name the three instruments used by survey {i}.",
                answer="sextant; compass; lead line",
                sequence=("sextant", "compass", "lead line"),
            ),
            _question(
                "short_answer",
                i,
                prompt=f"Which port sheltered survey {i} in winter?",
                answer=f"Port {i}",
            ),
            _question(
                "basic",
                i,
                prompt=f"What does the term sounding {i} mean?",
                answer="measuring the depth of water below a ship",
            ),
        ]
    return Bank(
        title="Coastal surveys",
        questions=tuple(questions),
        documents=(
            DocumentInfo(
                name="harbours.md",
                path="harbours.md",
                checksum="0" * 64,
                title="Charting the Harbours",
            ),
        ),
    )


def block_texts(q: Question) -> tuple[str, ...]:
    """Text printed in a question's block; all of it must be on the page where the prompt starts.

    Answer lines and boxes have no text; the layout-box test covers them.
    """
    if q.type == "multiple_choice":
        return q.choices
    if q.type == "matching":
        return tuple(text for pair in q.pairs for text in pair)
    if q.type == "ordering":
        return q.sequence
    if q.type == "cloze":
        return tuple(" ".join(p.text.split()) for p in cloze_parts(q.prompt) if p.text.strip())
    if q.type == "true_false":
        return ("True False",)
    return ()


def prompt_probe(q: Question) -> str:
    """Start of the prompt as printed (a cloze prompt up to its first blank)."""
    return " ".join(q.prompt.split("{{")[0].split())


# --- layout rules --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prompt, parts",
    [
        ("A {{c1::cat}} sat.", [("A ", None, 0), ("", 1, 8), (" sat.", None, 0)]),
        ("{{c1::the town meeting}} decides.", [("", 1, 28), (" decides.", None, 0)]),
        (
            "It has {{c1::two}} and {{c2::three::a number}} parts",
            [
                ("It has ", None, 0),
                ("", 1, 8),
                (" and ", None, 0),
                ("", 2, 11),
                (" parts", None, 0),
            ],
        ),
        (
            "Ends with a blank: {{c1::mutual respect}}",
            [("Ends with a blank: ", None, 0), ("", 1, 25)],
        ),
    ],
)
def test_cloze_markup_becomes_blanks_sized_to_the_answer(prompt, parts):
    assert [(p.text, p.blank, p.width) for p in cloze_parts(prompt)] == parts


@pytest.mark.parametrize(
    "prompt",
    [
        "No blank at all.",
        "Broken {{c1::markup here.",
        "Stray }} braces {{c1::x}}.",
    ],
)
def test_malformed_cloze_is_refused(prompt):
    with pytest.raises(MalformedQuestion):
        cloze_parts(prompt)


@pytest.mark.parametrize(
    "selection, expected",
    [
        (Selection(), 48),
        (Selection(types=("cloze", "true_false")), 12),
        (Selection(tags=("set::0",)), 16),
        (Selection(difficulty=(3,)), 16),
        (Selection(counts=(("multiple_choice", 2), ("basic", 0))), 48 - 4 - 6),
        (Selection(types=("matching",), counts=(("matching", 10),)), 6),
    ],
)
def test_selection(selection, expected):
    assert len(select(big_bank().questions, selection, seed=1)) == expected


def test_counts_are_drawn_with_the_seed():
    picks = {
        seed: [
            q.id
            for q in select(big_bank().questions, Selection(counts=(("basic", 2),)), seed)
            if q.type == "basic"
        ]
        for seed in range(6)
    }
    assert picks[3] == [
        q.id
        for q in select(big_bank().questions, Selection(counts=(("basic", 2),)), 3)
        if q.type == "basic"
    ]
    assert len({tuple(p) for p in picks.values()}) > 1


def test_versions_share_questions_but_shuffle_order_and_choices():
    questions = big_bank().questions
    a, b = layout(questions, versions=2, seed=5)
    assert sorted(q.question.id for q in a.questions) == sorted(q.question.id for q in b.questions)
    assert [q.number for q in a.questions] == list(range(1, len(questions) + 1))
    assert [q.question.id for q in a.questions] != [q.question.id for q in b.questions]
    assert [q.options for q in a.questions] != [q.options for q in b.questions]
    assert layout(questions, versions=2, seed=5) == [a, b]
    for printed in a.questions:
        q = printed.question
        if q.type == "multiple_choice":
            assert printed.options[ord(printed.key[0]) - 65] == q.answer
        if q.type == "matching":
            right_of = dict(q.pairs)
            assert [printed.options[ord(k) - 65] for k in printed.key] == [
                right_of[t] for t in printed.terms
            ]
            assert printed.options != tuple(
                r for _, r in q.pairs
            )  # the bank's order would give it away
        if q.type == "ordering":
            by_box = sorted(zip(printed.key, printed.options), key=lambda pair: int(pair[0]))
            assert tuple(item for _, item in by_box) == q.sequence
            assert printed.options != q.sequence


def test_key_lists_accepted_variants_once_and_not_the_answer_again():
    q = _question(
        "short_answer",
        1,
        prompt="Who rebuilt the bridge?",
        answer="Ada Moss",
        accepted=("ada moss", "Moss", "Moss", "A. Moss"),
    )
    (printed,) = layout([q], versions=1, seed=0)[0].questions
    assert printed.key == ("Ada Moss", "Moss", "A. Moss")


# --- HTML: golden files, escaping, options ------------------------------------------------


def test_html_matches_golden(tmp_path, golden):
    written = render(read_bank(SMALL_BANK), tmp_path, versions=2, formats=["html"])
    produced = {p.name: p.read_text(encoding="utf-8") for p in written}
    assert sorted(produced) == [
        f"{STEM}-A-key.html",
        f"{STEM}-A.html",
        f"{STEM}-B-key.html",
        f"{STEM}-B.html",
    ]
    golden("worksheet", "bank-small", produced)


def test_same_seed_same_files_other_seed_other_order(tmp_path):
    bank = read_bank(SMALL_BANK)
    first = [p.read_text() for p in render(bank, tmp_path / "one", seed=3, formats=["html"])]
    again = [p.read_text() for p in render(bank, tmp_path / "two", seed=3, formats=["html"])]
    other = [p.read_text() for p in render(bank, tmp_path / "three", seed=4, formats=["html"])]
    assert first == again
    assert first != other


def test_cloze_markup_never_reaches_the_page(tmp_path):
    written = render(read_bank(SMALL_BANK), tmp_path, formats=["html"], key="none")
    assert [p.name for p in written] == [f"{STEM}-A.html"]
    html = written[0].read_text()
    assert "{{" not in html and "c1::" not in html
    assert html.count('class="blank"') == 3
    assert "the town meeting" not in html.split("Fill in the blanks")[1].split("</section>")[0]


def test_document_text_is_escaped_never_markup(tmp_path):
    bank = read_bank(SMALL_BANK)
    hostile = replace(
        bank.questions[0],
        prompt="Is <script>alert(1)</script> & <b>bold</b> shown?",
        answer="<i>as text</i> & more",
    )
    bank = replace(bank, questions=(hostile,))
    written = render(bank, tmp_path, key="appended", formats=["html", "pdf"])
    html = written[0].read_text()
    assert "<script" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    text = " ".join(pdf_pages(written[1]))
    assert "Is <script>alert(1)</script> & <b>bold</b> shown?" in text
    assert "<i>as text</i> & more" in text


def test_small_bank_html_shows_header_sections_and_sources(tmp_path):
    html = render(
        read_bank(SMALL_BANK), tmp_path, formats=["html"], key="appended", paper="Letter"
    )[0].read_text()
    for label in (
        "Name",
        "Class",
        "Date",
        "The Three Pillars of Town Government",
        "Answer key".lower(),
    ):
        assert label in html
    assert "size: Letter" in html
    assert "break-inside: avoid" in html
    assert "sample.md, line 3 (note 1 Town Charter, art. 2.)" in html
    assert "sample.md, lines 3, 7" in html  # two sources of one document, in line order
    assert html.count('class="section ') == 8


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"versions": 0}, "'versions'"),
        ({"versions": 27}, "'versions'"),
        ({"key": "inline"}, "'key'"),
        ({"paper": "A3"}, "'paper'"),
        ({"formats": ["docx"]}, "'formats.0'"),
        ({"types": ["essay"]}, "'types.0'"),
        ({"colour": "red"}, "'colour'"),
        ({"stem": "../escape"}, "'stem'"),
        ({"counts": {"basic": -1}}, "'counts.basic'"),
        ({"types": ["true_false"], "difficulty": 3}, "no questions left"),
    ],
)
def test_bad_options_are_one_clear_line(tmp_path, extra, message):
    with pytest.raises(RenderError) as err:
        render(read_bank(SMALL_BANK), tmp_path / "out", **{"formats": ["html"], **extra})
    text = str(err.value)
    assert message in text and str(tmp_path / "out") in text and "\n" not in text


def test_output_must_be_a_folder(tmp_path):
    target = tmp_path / "taken"
    target.write_text("a file")
    with pytest.raises(RenderError, match="must be a folder"):
        render(read_bank(SMALL_BANK), target, formats=["html"])


def test_unprintable_questions_are_skipped_and_counted(tmp_path):
    bank = read_bank(SMALL_BANK)
    broken = replace(bank.by_type("cloze")[0], id="q-broken", prompt="No blanks {{c1::here")
    report = WorksheetRenderer().write(
        replace(bank, questions=bank.questions + (broken,)),
        tmp_path,
        RenderOptions(extra={"formats": ["html"]}),
    )
    assert report.skipped == {"cloze": 1}


def test_user_templates_override_the_shipped_ones(tmp_path):
    own = tmp_path / "templates" / "worksheet"
    own.mkdir(parents=True)
    (own / "print.css").write_text("body { font-size: 14pt; } /* our school's style */")
    options = RenderOptions(
        title="Own style",
        template_dir=str(tmp_path / "templates"),
        extra={"formats": ["html"], "key": "none"},
    )
    html = (
        WorksheetRenderer()
        .write(read_bank(SMALL_BANK), tmp_path / "out", options)
        .written[0]
        .read_text()
    )
    assert "our school's style" in html and "break-inside" not in html


def test_registered():
    assert isinstance(RENDERERS.get("worksheet"), WorksheetRenderer)


# --- PDFs read back ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_pdfs(tmp_path_factory):
    out = tmp_path_factory.mktemp("small")
    written = render(read_bank(SMALL_BANK), out, versions=2, formats=["pdf"])
    assert sorted(p.name for p in out.iterdir()) == sorted(
        p.name for p in written
    )  # no stray temp files
    assert all(p.suffix == ".pdf" for p in written) and len(written) == 4
    return out


@pytest.fixture(scope="module")
def big_pdfs(tmp_path_factory):
    out = tmp_path_factory.mktemp("big")
    render(big_bank(), out, versions=2, key="appended", formats=["html", "pdf"], stem="surveys")
    return out


def student_numbers(text: str, bank: Bank) -> dict[str, int]:
    """Question id -> printed number, found in the PDF text by the prompt's first words."""
    numbers = {}
    for q in bank.questions:
        found = re.findall(rf"(\d+)\. {re.escape(prompt_probe(q))}", text)
        assert len(found) == 1, f"{q.id} printed {len(found)} times"
        numbers[q.id] = int(found[0])
    return numbers


def key_entry(key_text: str, number: int) -> str:
    """The key's text for one question number, up to its citation."""
    match = re.search(rf"(?:^| ){number}\. (.*?) (?:sample|harbours)\.md, line", key_text)
    assert match, f"no key entry {number}"
    return match.group(1)


def check_key(student_text: str, key_text: str, bank: Bank) -> None:
    numbers = student_numbers(student_text, bank)
    assert sorted(numbers.values()) == list(range(1, len(bank.questions) + 1))
    for q in bank.questions:
        entry = key_entry(key_text, numbers[q.id])
        after = student_text.split(f"{numbers[q.id]}. {prompt_probe(q)}", 1)[1]
        if q.type == "multiple_choice":
            letter = re.search(rf"([A-Z])\. {re.escape(q.answer)}", after).group(1)
            assert entry.startswith(f"{letter} ({q.answer})")
        elif q.type == "matching":
            for left, right in q.pairs:
                term = re.search(rf"(\d)\. {re.escape(left)} ", after).group(1)
                letter = re.search(rf"([A-Z])\. {re.escape(right)}", after).group(1)
                assert f"{term}-{letter}" in entry
        elif q.type == "ordering":
            for position, item in enumerate(q.sequence, start=1):
                letter = re.search(rf"([A-Z])\. {re.escape(item)}", after).group(1)
                assert f"{letter}-{position}" in entry
        elif q.type == "cloze":
            assert " ".join(f"({i}) {b};" for i, b in enumerate(q.blanks, 1)).rstrip(";") in entry
        elif q.type == "list_recall":
            assert entry.startswith("; ".join(q.sequence))
        else:
            assert entry.startswith(q.answer)


def test_small_pdfs_hold_each_question_once_and_keys_match(small_pdfs):
    bank = read_bank(SMALL_BANK)
    for version in "AB":
        pages = pdf_pages(small_pdfs / f"{STEM}-{version}.pdf")
        key_pages = pdf_pages(small_pdfs / f"{STEM}-{version}-key.pdf")
        assert 1 <= len(pages) <= 3 and len(key_pages) == 1
        assert f"Page 1 of {len(pages)}" in pages[0]
        check_key(" ".join(pages), " ".join(key_pages), bank)
        assert "sample.md, line 3 (note 1 Town Charter, art. 2.)" in key_pages[0]
    assert pdf_pages(small_pdfs / f"{STEM}-A.pdf") != pdf_pages(small_pdfs / f"{STEM}-B.pdf")


def test_big_pdfs_keep_each_question_on_one_page(big_pdfs):
    bank = big_bank()
    for version in "AB":
        pages = pdf_pages(big_pdfs / f"surveys-{version}.pdf")
        key_start = next(i for i, page in enumerate(pages) if "Coastal surveys: answer key" in page)
        student, key = pages[:key_start], pages[key_start:]
        assert 5 <= len(student) <= 12 and 1 <= len(key) <= 4, (len(student), len(key))
        assert all(f"Page {i} of {len(pages)}" in page for i, page in enumerate(pages, 1))
        check_key(" ".join(student), " ".join(key), bank)
        for q in bank.questions:
            head = f". {prompt_probe(q)}"
            page = next((p for p in student if head in p), "")
            assert page, f"the prompt of {q.id} is split across pages in version {version}"
            block = page[page.index(head) :]
            for text in block_texts(q):
                assert text in block, f"{q.id} is split across pages in version {version}: {text!r}"


def test_no_question_box_spans_two_pages(big_pdfs):
    """Layout boxes, not text: also covers answer lines, which a PDF reader cannot see.

    Uses WeasyPrint's page boxes (`_page_box`; WeasyPrint is pinned). Removing
    `break-inside: avoid` from the CSS makes this fail.
    """
    import weasyprint

    pages_of: dict[int, set[int]] = {}
    document = weasyprint.HTML(filename=str(big_pdfs / "surveys-A.html")).render()
    for number, page in enumerate(document.pages, start=1):
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is not None and "question" in (element.get("class") or "").split():
                pages_of.setdefault(id(element), set()).add(number)
    assert len(pages_of) == len(big_bank().questions)
    assert all(len(pages) == 1 for pages in pages_of.values())


def test_first_page_as_png(small_pdfs):
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (Debian poppler-utils) is not installed; `./run test` installs it")
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    target = PNG_DIR / f"{STEM}-A"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(small_pdfs / f"{STEM}-A.pdf"),
            str(target),
        ],
        check=True,
    )
    image_module = pytest.importorskip("PIL.Image", reason="Pillow (with WeasyPrint) reads the PNG")
    with image_module.open(target.with_suffix(".png")) as image:
        grey = image.convert("L")
        width, height = grey.size
        dark = sum(grey.histogram()[:128])  # pixels of text and rules, on white paper
        top_ink = grey.crop((0, 0, width, height // 4)).getextrema()
    # A portrait page, ink on a fifth of it at most but more than a few specks, and the
    # title block at the top is not blank.
    assert height > width > 300
    assert width * height // 500 < dark < width * height // 5, dark
    assert top_ink[0] < 100 and top_ink[1] > 200, top_ink


def numbers_in_order(text: str, count: int) -> bool:
    """True when '1. ', '2. ', ... 'count. ' all appear, in that order."""
    position = 0
    for number in range(1, count + 1):
        found = re.search(rf"(?<![\d.]){number}\.", text[position:])
        if not found:
            return False
        position += found.end()
    return True


def test_corpus_recipe_renders_two_versions_with_keys(corpus_bank, tmp_path):
    """The shared corpus, as decks/shared-corpus.yaml renders it: a sheet a teacher would
    print (about 25 questions, every type, 2-4 pages), two versions, separate keys."""
    written = render(
        corpus_bank,
        tmp_path,
        versions=2,
        key="separate",
        formats=["pdf", "html"],
        stem="corpus",
        one_sheet=True,
    )
    assert sorted(p.name for p in written if p.suffix == ".pdf") == [
        "corpus-A-key.pdf",
        "corpus-A.pdf",
        "corpus-B-key.pdf",
        "corpus-B.pdf",
    ]
    count = len(corpus_bank.questions)
    assert 20 <= count <= 30, count
    assert {q.type for q in corpus_bank.questions} == set(QUESTION_TYPES)
    for version in "AB":
        pages = pdf_pages(tmp_path / f"corpus-{version}.pdf")
        key_pages = pdf_pages(tmp_path / f"corpus-{version}-key.pdf")
        assert 2 <= len(pages) <= 4, len(pages)
        assert (
            f"Page 1 of {len(pages)}" in pages[0]
            and f"Page {len(pages)} of {len(pages)}" in pages[-1]
        )
        assert numbers_in_order(" ".join(pages), count)
        assert numbers_in_order(" ".join(key_pages), count)
        assert ".txt, line" in " ".join(key_pages)  # answers cite their source line
        assert sheet_leaks(tmp_path / f"corpus-{version}.html", corpus_bank) == []
    assert pdf_pages(tmp_path / "corpus-A.pdf") != pdf_pages(tmp_path / "corpus-B.pdf")


def test_a_worksheet_over_its_limit_is_refused_before_any_layout(tmp_path):
    bank = big_bank(per_type=63)  # 504 questions
    with pytest.raises(
        RenderError, match=r"sheet: the worksheet would hold 504 questions, over its limit of 500"
    ):
        render(bank, tmp_path / "sheet")
    assert not (tmp_path / "sheet").exists()
    assert render(
        bank,
        tmp_path / "fewer",
        formats=["html"],
        counts={"true_false": 1, "cloze": 1},
        types=["true_false", "cloze"],
    )


def test_the_limit_is_an_option(tmp_path):
    with pytest.raises(RenderError, match="over its limit of 7"):
        render(big_bank(per_type=1), tmp_path / "sheet", max_questions=7)


# --- one sheet: no fact twice, no answer printed in another question ---------------------------


def printed_blocks(html: Path) -> dict[str, str]:
    """Question id -> the normalised text of its block, as the student's sheet prints it."""
    from html import unescape

    from quizgen.generate.ids import normalise

    text = html.read_text(encoding="utf-8")
    blocks = {}
    for chunk in text.split('<div class="question')[1:]:
        qid = re.search(r'data-id="([^"]+)"', chunk).group(1)
        body = chunk.split(">", 1)[1]
        blocks[qid] = f" {normalise(unescape(re.sub(r'<[^>]+>', ' ', body)))} "
    return blocks


def sheet_leaks(html: Path, bank: Bank) -> list[str]:
    """Each answer the built sheet prints in another question's block, and each source
    sentence asked twice: checked on the written HTML, not on the selection."""
    from quizgen.generate.choose import answers

    blocks = printed_blocks(html)
    by_id = {q.id: q for q in bank.questions}
    found = []
    for qid in blocks:
        for answer in answers(by_id[qid]):
            found += [
                f"{qid}: '{answer}' printed in {other}"
                for other, text in blocks.items()
                if other != qid and f" {answer} " in text
            ]
    sentences = Counter(line for qid in blocks for line in set(by_id[qid].explanation.split("\n")))
    found += [f"sentence asked {n} times: {s[:60]}" for s, n in sentences.items() if n > 1]
    return found


def sheet_of(bank: Bank) -> list[Question]:
    from quizgen.generate.choose import sheet

    return sheet([q for q in bank.questions if printable(q)])


def test_one_sheet_never_asks_a_sentence_twice_nor_prints_an_answer(tmp_path):
    bank = read_bank(SMALL_BANK)
    written = render(bank, tmp_path, versions=2, formats=["html"], one_sheet=True)
    assert len(sheet_of(bank)) < len([q for q in bank.questions if printable(q)])
    for path in written:
        if not path.name.endswith("-key.html"):
            assert sheet_leaks(path, bank) == []


def test_without_one_sheet_the_small_bank_leaks(tmp_path):
    """The check above finds leaks where there are some: the small bank asks one sentence many ways."""
    bank = read_bank(SMALL_BANK)
    render(bank, tmp_path, formats=["html"])
    html = next(tmp_path.glob("*-A.html"))
    assert len(printed_blocks(html)) == len([q for q in bank.questions if printable(q)])
    assert sheet_leaks(html, bank)
    sentences = Counter(
        line for q in bank.questions if printable(q) for line in set(q.explanation.split("\n"))
    )
    assert max(sentences.values()) > 1


def test_dev_set_build_sheet_has_no_leaks(tmp_path):
    """The worksheet of a plain build of the dev set (every question in the bank): the sheet
    itself keeps one question per fact and prints no answer twice."""
    dev = SHARED / "eval" / "dev" / "docs"
    if not dev.is_dir():
        pytest.skip("../shared/eval/dev/docs is not there")
    from quizgen.build import build_recipe
    from quizgen.config import Settings
    from quizgen.recipe import recipe_for_paths

    recipe = replace(recipe_for_paths([str(dev)]), outputs={"worksheet": {"formats": ["html"]}})
    result = build_recipe(recipe, tmp_path, Settings(), reuse=False)
    assert result.ok, result.failures
    bank = read_bank(result.bank_path)
    html = next((tmp_path / recipe.name / "worksheet").glob("*-A.html"))
    assert sheet_leaks(html, bank) == []
