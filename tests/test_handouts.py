"""The six printed handouts: real WeasyPrint renders of the real guide, read back with pypdf."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from msgspec.structs import replace
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject
from support import ROOT

from generator.bank.load import load_project
from generator.bank.project import read_project
from generator.handouts import HANDOUTS, build_handouts
from generator.handouts.plan import plan_handouts
from generator.handouts.printing import render_pdf
from generator.handouts.settings import print_settings
from generator.model import Guide
from generator.site.selection import recommended_first_questions

SEED = Path(__file__).resolve().parent / "seed" / "informational-interviews.txt"
LETTER = (612, 792)
TITLES = {handout.name: handout.title for handout in HANDOUTS}
FILLABLE = [handout.name for handout in HANDOUTS if handout.fillable]
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="220" height="60"><rect width="60" height="60" rx="8" '
    'fill="#1d4f73"/><text x="72" y="38" font-size="20" fill="#1d4f73">Lakeshore</text></svg>'
)
TRACKER_COLUMNS = {
    "name": "text",
    "role": "text",
    "organization": "text",
    "found": "text",
    "channel": "choice",
    "status": "choice",
    "contacted": "text",
    "meeting": "text",
    "thanked": "text",
    "follow_up": "text",
    "permission": "checkbox",
    "notes": "text",
}


@cache
def guide() -> Guide:
    """The real project's guide."""
    return load_project(read_project(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def pdfs() -> dict[str, PdfReader]:
    """Every handout of the real project (printed now, or taken from the cache when unchanged)."""
    project = read_project(ROOT / "mkdocs.yml")
    handouts = build_handouts(project, load_project(project))
    assert [item.handout.name for item in handouts.files] == list(TITLES)
    return {item.handout.name: PdfReader(item.path) for item in handouts.files if item.path}


def widgets(reader: PdfReader) -> list[DictionaryObject]:
    """Every form widget on every page, in page order (a repeated name appears twice)."""
    found = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            widget = annotation.get_object()
            if widget.get("/Subtype") == "/Widget":
                found.append(widget)
    return found


def kind(widget: DictionaryObject) -> str:
    """What a reader fills in: text, multiline text, a checkbox or a choice."""
    field_type = widget.get("/FT")
    flags = int(widget.get("/Ff", 0))
    if field_type == "/Tx":
        return "multiline" if flags & (1 << 12) else "text"
    if field_type == "/Btn":
        return "checkbox"
    if field_type == "/Ch":
        return "choice"
    return str(field_type)


def fields(reader: PdfReader) -> dict[str, str]:
    """Field names and their kinds; fails if a name is used twice."""
    names = Counter(str(widget["/T"]) for widget in widgets(reader))
    assert [name for name, count in names.items() if count > 1] == []
    return {str(widget["/T"]): kind(widget) for widget in widgets(reader)}


def squeezed(text: str) -> str:
    """Text without any whitespace, to compare across line breaks."""
    return re.sub(r"\s+", "", text)


_TEXTS: dict[int, list[str]] = {}


def page_texts(reader: PdfReader) -> list[str]:
    """The text of each page (extracted once per document: pypdf takes a while)."""
    if id(reader) not in _TEXTS:
        _TEXTS[id(reader)] = [page.extract_text() for page in reader.pages]
    return _TEXTS[id(reader)]


def all_text(reader: PdfReader) -> str:
    """The text of every page."""
    return "\n".join(page_texts(reader))


def seed_samples() -> list[str]:
    """The six sample questions of the centre's own text."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = lines.index("Informational Interview Sample Question")
    samples = []
    for line in lines[start + 1 :]:
        if not line.startswith("- "):
            break
        samples.append(line[2:].strip())
    return samples


@pytest.mark.parametrize("name", list(TITLES))
def test_each_handout_is_tagged_titled_and_in_the_site_language(
    name: str, pdfs: dict[str, PdfReader]
) -> None:
    reader = pdfs[name]
    root: Any = reader.trailer["/Root"]
    assert reader.metadata is not None
    assert reader.metadata.title == TITLES[name]
    assert reader.metadata.author == guide().institution.name
    assert reader.metadata.subject
    assert root["/Lang"] == "en"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    text = all_text(reader)
    assert guide().institution.name in text, "the text is not selectable, or the centre is not named"
    assert len(reader.outline) >= 1, "no bookmarks"


def test_page_counts_and_paper(pdfs: dict[str, PdfReader]) -> None:
    counts = {name: len(reader.pages) for name, reader in pdfs.items()}
    assert counts["prep-sheet"] == 2
    assert counts["contact-tracker"] == 1
    assert 2 <= counts["checklists"] <= 3
    assert counts["question-bank"] >= 5
    assert counts["outreach-scripts"] >= 5
    assert counts["guide"] > counts["question-bank"] + counts["outreach-scripts"]
    for name, reader in pdfs.items():
        for page in reader.pages:
            size = (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
            assert size == (LETTER[::-1] if name == "contact-tracker" else LETTER), name


def test_prep_sheet_fields(pdfs: dict[str, PdfReader]) -> None:
    found = fields(pdfs["prep-sheet"])
    recommended = recommended_first_questions(guide())
    assert len(recommended) == 10
    for question in recommended:
        assert found[f"ask-{question.id}"] == "checkbox"
    for name in ("contact-name", "contact-role", "contact-organization", "meeting-date", "meeting-place"):
        assert found[name] == "text", name
    for name in ("research-organization", "pitch-who", "pitch-learn", "notes"):
        assert found[name] == "multiline", name
    assert [found[f"own-question-{n}"] for n in range(1, 6)] == ["text"] * 5
    assert {found[f"goal-{n}"] for n in range(1, 4)} == {"text"}
    text = squeezed(all_text(pdfs["prep-sheet"]))
    for question in recommended:
        assert squeezed(question.text) in text


def test_checklist_boxes_are_named_by_item_id(pdfs: dict[str, PdfReader]) -> None:
    found = fields(pdfs["checklists"])
    items = [item for checklist in guide().checklists for item in checklist.items]
    assert len(items) >= 25
    assert found == {item.id: "checkbox" for item in items}
    text = all_text(pdfs["checklists"])
    for checklist in guide().checklists:
        assert checklist.title in text


def test_contact_tracker_is_a_landscape_log_with_the_timing_rules(pdfs: dict[str, PdfReader]) -> None:
    reader = pdfs["contact-tracker"]
    found = fields(reader)
    rows = {int(name[3:5]) for name in found}
    assert len(rows) >= 12
    assert found == {
        f"row{row:02d}-{column}": kind for row in rows for column, kind in TRACKER_COLUMNS.items()
    }
    channel = next(w for w in widgets(reader) if w["/T"] == "row01-channel")
    assert [str(option[1]) for option in channel["/Opt"]][:4] == ["", "Email", "LinkedIn", "Phone"]
    text = " ".join(all_text(reader).split())
    for words in (
        "within 24 hours",
        "about a week",
        "initial contact",
        "every few months",
        "Notes and action steps",
    ):
        assert words in text, words


def test_question_bank_has_a_box_for_every_question_and_the_seed_questions(
    pdfs: dict[str, PdfReader],
) -> None:
    found = fields(pdfs["question-bank"])
    assert found == {f"ask-{question.id}": "checkbox" for question in guide().questions}
    text = squeezed(all_text(pdfs["question-bank"]))
    samples = seed_samples()
    assert len(samples) == 6
    for sample in samples:
        assert squeezed(sample) in text, sample
    for category in guide().categories:
        assert squeezed(category.title) in text


def test_outreach_scripts_have_a_blank_for_every_field(pdfs: dict[str, PdfReader]) -> None:
    found = fields(pdfs["outreach-scripts"])
    # A blank for each field and for each phrase of who the visitor is; optional words are printed.
    blanks = 0
    for script in guide().scripts:
        optional = {field.id for field in script.meta.fields if field.optional}
        for part in (*script.subject_parts, *script.body_parts):
            blanks += bool(part.phrase or (part.field and part.field not in optional))
    assert len(found) == blanks
    assert set(found.values()) == {"text"}
    script_ids = {script.id for script in guide().scripts}
    assert {name.split("-", 1)[0] for name in found} <= {sid.split("-", 1)[0] for sid in script_ids}
    for widget in widgets(pdfs["outreach-scripts"]):
        assert str(widget["/TU"]).strip(), f"{widget['/T']} has no accessible name"
    text = squeezed(all_text(pdfs["outreach-scripts"]))
    for script in guide().scripts:
        assert squeezed(script.meta.title) in text


@pytest.mark.parametrize("name", FILLABLE)
def test_every_field_has_an_accessible_name(name: str, pdfs: dict[str, PdfReader]) -> None:
    for widget in widgets(pdfs[name]):
        assert str(widget.get("/TU", "")).strip() not in ("", str(widget["/T"])), widget["/T"]


def test_the_booklet_has_a_cover_contents_every_question_and_script(pdfs: dict[str, PdfReader]) -> None:
    reader = pdfs["guide"]
    assert fields(reader) == {}
    cover, contents = page_texts(reader)[:2]
    assert "Informational Interviews" in cover and guide().institution.name in cover
    assert "Contents" in contents
    listed = re.search(r"Question bank\s*\.*\s*(\d+)", contents)
    assert listed, contents
    bank_page = int(listed[1])
    assert "Question bank" in page_texts(reader)[bank_page - 1][:200], "the contents give the wrong page"
    prose = " ".join(all_text(reader).split())
    assert f"question bank (page {bank_page})" in prose, "prose links do not point into the booklet"
    text = squeezed(all_text(reader))
    for question in guide().questions:
        assert squeezed(question.text) in text, question.id
    for script in guide().scripts:
        assert squeezed(script.meta.title) in text, script.id
    for heading in ("Arrive knowing the basics", "Before the meeting", "What to record"):
        assert squeezed(heading) in text
    footers = [text.strip().splitlines()[-1] for text in page_texts(reader)[2:6]]
    assert [footer.rsplit(" ", 1)[-1] for footer in footers] == ["3", "4", "5", "6"], footers
    assert len(reader.outline) >= 10


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_sheets_keep_their_page_count_with_a_logo_and_every_contact_detail(
    paper: str, tmp_path: Path
) -> None:
    project = read_project(ROOT / "mkdocs.yml")
    docs = tmp_path / "content"
    shutil.copytree(project.docs_dir, docs)
    (docs / "logo.svg").write_text(LOGO)
    institution = replace(
        guide().institution,
        **{
            "name": "Lakeshore Career and Co-operative Education Centre",
            "parent": "Lakeshore University",
            "email": "careers@lakeshore.example.ca",
            "phone": "705-555-0100",
            "booking_url": "https://lakeshore.example.ca/careers/book-an-appointment",
            "address": "Student Services Building, Room 120, 500 University Avenue",
            "logo": "logo.svg",
        },
    )
    settings = replace(print_settings(project), docs_dir=docs, paper=paper)
    branded = replace(guide(), institution=institution)
    plans = {plan.handout.name: plan for plan in plan_handouts(branded, settings)}
    for name, pages in (("prep-sheet", 2), ("contact-tracker", 1), ("checklists", 2)):
        pdf, _notes = render_pdf(plans[name], settings)
        reader = PdfReader(BytesIO(pdf))
        assert len(reader.pages) == pages, f"{name} on {paper}"
        assert "Lakeshore University" in reader.pages[0].extract_text()


@pytest.mark.parametrize("name", ["prep-sheet", "checklists", "contact-tracker"])
def test_a_student_can_fill_the_sheet_and_read_it_back(name: str, pdfs: dict[str, PdfReader]) -> None:
    reader = pdfs[name]
    found = reader.get_fields() or {}
    values: dict[str, str] = {}
    for field_name, field in found.items():
        if field.get("/FT") == "/Btn":
            states = [str(state) for state in field.get("/_States_", []) if str(state) != "/Off"]
            assert states, f"{field_name} has no state for a tick"
            values[field_name] = states[0]
        elif field.get("/FT") == "/Tx":
            values[field_name] = f"Answer for {field_name}"
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    out = BytesIO()
    writer.write(out)
    filled = PdfReader(out).get_fields() or {}
    assert {key: str(filled[key].get("/V")) for key in values} == values
