"""Handouts in real builds of the small project: cache, paper, escaping, links, errors, and `mkdocs serve`."""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import time
import urllib.request
import zlib
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from msgspec.structs import replace
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from support import ENV, ROOT, free_port, mkdocs_build, wait_for

from generator.bank.load import load_project
from generator.bank.project import read_project
from generator.errors import GuideError
from generator.handouts.pages import PageAdditions, size_label
from generator.handouts.pdf import stylesheet_problems
from generator.handouts.plan import plan_handouts
from generator.handouts.preview import placeholder_pdf
from generator.handouts.render import render_html, template_sources
from generator.handouts.settings import print_settings
from generator.model import Guide

NAMES = ["prep-sheet", "checklists", "contact-tracker", "question-bank", "outreach-scripts", "guide"]
UNCHANGED = "Handouts: all 6 PDFs unchanged, none rendered"
A4 = (595, 842)


def set_option(project: Path, line: str) -> None:
    """Give the guide plugin an option in the project's mkdocs.yml."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - guide\n", f"  - guide:\n      {line}\n"))


def rendered(output: str) -> list[str]:
    """The handouts a build says it rendered."""
    match = re.search(r"Handouts: rendered ([^;]*) in ", output)
    return [name.removesuffix(".pdf") for name in match[1].split(", ")] if match else []


def text_of(pdf: Path) -> str:
    """All the text of a PDF, spaces collapsed."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())


def assert_pages_link_their_handouts(site: Path) -> None:
    """The generated pages link their handouts with the file's size, and carry the line shown in print."""
    size = (site / "downloads/question-bank.pdf").stat().st_size
    index = (site / "questions/index.html").read_text()
    assert (
        f'<a href="../downloads/question-bank.pdf">Print the question bank ({size_label(size)})</a>' in index
    )
    scripts = (site / "scripts/index.html").read_text()
    assert re.search(
        r'href="../downloads/outreach-scripts.pdf">Print all the scripts \(PDF, \d+ KB\)</a>', scripts
    )
    line = re.search(r'<p class="guide-print-source" data-search-exclude>(.*?)</p>', index)
    assert line is not None
    parts = re.sub("<[^>]+>", "|", line[1]).strip("|").split("||")
    assert parts == ["Career Centre", "Question bank", "/questions/"]


def test_an_unchanged_build_renders_no_pdf_and_a_change_renders_only_what_uses_it(minimal: Path) -> None:
    first = mkdocs_build(minimal)
    assert first.returncode == 0, first.stderr
    assert rendered(first.stderr) == NAMES
    assert_pages_link_their_handouts(minimal / "site")
    site = minimal / "site" / "downloads"
    before = {name: (site / f"{name}.pdf").read_bytes() for name in NAMES}
    cached = {path.name: path.stat().st_mtime_ns for path in (minimal / ".cache/handouts").glob("*.pdf")}

    again = mkdocs_build(minimal)
    assert again.returncode == 0, again.stderr
    assert [line for line in again.stderr.splitlines() if "Handouts:" in line] == [
        f"INFO    -  {UNCHANGED} (cached in .cache/handouts/)"
    ]
    assert {p.name: p.stat().st_mtime_ns for p in (minimal / ".cache/handouts").glob("*.pdf")} == cached
    assert {name: (site / f"{name}.pdf").read_bytes() for name in NAMES} == before

    script = minimal / "email_templates/thank-you.txt"
    script.write_text(script.read_text().replace("Thank you for your time today.", "Thanks for today."))
    edited = mkdocs_build(minimal)
    assert edited.returncode == 0, edited.stderr
    assert rendered(edited.stderr) == ["outreach-scripts", "guide"]
    assert "Thanks for today." in text_of(site / "outreach-scripts.pdf")
    assert len(list((minimal / ".cache/handouts").glob("outreach-scripts-*.pdf"))) == 1


def tiny_png(width: int = 24, height: int = 8) -> bytes:
    """A small, valid, single-colour PNG file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + b"\x1d\x4f\x73" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_the_institution_brands_the_handouts_and_markup_prints_as_text(minimal: Path) -> None:
    (minimal / "content/logo.png").write_bytes(tiny_png())
    config = minimal / "mkdocs.yml"
    set_option(minimal, "paper: A4")
    config.write_text(
        config.read_text()
        + "extra:\n  institution:\n    name: Lakeshore <Career> Centre\n    logo: logo.png\n"
        + "    email: careers@lakeshore.example.ca\n"
    )
    bank = minimal / "question_bank.yaml"
    markup = "<b>bold</b> & <i>more</i>"
    bank.write_text(
        bank.read_text().replace("How did you find your first job in this field?", f'"{markup}?"')
    )
    bank.write_text(bank.read_text().replace("title: Advice", 'title: "Advice <script>x</script>"'))
    result = mkdocs_build(minimal)
    assert result.returncode == 0, result.stderr
    downloads = minimal / "site/downloads"
    assert f"{markup}?" in text_of(downloads / "question-bank.pdf")
    assert "Advice <script>x</script>" in text_of(downloads / "question-bank.pdf")
    assert f"{markup}?" in text_of(downloads / "guide.pdf")
    page = (minimal / "site/questions/advice/index.html").read_text()
    assert "Advice &lt;script&gt;x&lt;/script&gt;</span>" in page
    for name in NAMES:
        reader = PdfReader(downloads / f"{name}.pdf")
        assert reader.metadata is not None and reader.metadata.author == "Lakeshore <Career> Centre", name
        first = reader.pages[0]
        assert "Lakeshore <Career> Centre" in first.extract_text(), name
        assert first["/Resources"].get("/XObject"), f"{name}: the logo is not drawn on the first page"
        size = (round(float(first.mediabox.width)), round(float(first.mediabox.height)))
        assert size == (A4[::-1] if name == "contact-tracker" else A4), name
    assert "careers@lakeshore.example.ca" in text_of(downloads / "prep-sheet.pdf")


def test_a_logo_that_cannot_be_printed_stops_the_build_at_its_setting(minimal: Path) -> None:
    (minimal / "content/logo.png").write_bytes(b"this is not a picture")
    config = minimal / "mkdocs.yml"
    config.write_text(config.read_text() + "extra:\n  institution:\n    logo: logo.png\n")
    line = config.read_text().splitlines().index("    logo: logo.png") + 1
    result = mkdocs_build(minimal)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert problems[0].startswith(
        f"ERROR   -  mkdocs.yml:{line}:11: institution: the logo 'logo.png' cannot be printed "
        "in the handouts; use a PNG, JPEG or SVG file"
    )
    assert problems[1:] == [
        "ERROR   -  1 problem in the guide's data; nothing was built and the last site was kept."
    ]


def test_an_id_a_page_repeats_stops_the_printed_guide_at_the_page(minimal: Path) -> None:
    page = minimal / "content/prepare.md"
    text = page.read_text()
    page.write_text(text + '\n<span id="twice">One</span> <span id="twice">Two</span>\n')
    result = mkdocs_build(minimal)
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    line = text.count("\n") + 2
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert errors == [
        f"ERROR   -  content/prepare.md:{line}:7: guide.pdf: Anchor defined twice: 'twice' "
        "(the printed guide is one document: each id in the pages' HTML may be used only once)",
        "ERROR   -  1 problem in the guide's data; nothing was built and the last site was kept.",
    ]


def test_a_content_file_may_not_take_a_handouts_place(minimal: Path) -> None:
    (minimal / "content/downloads").mkdir()
    (minimal / "content/downloads/guide.pdf").write_bytes(b"%PDF-1.4")
    result = mkdocs_build(minimal)
    assert result.returncode == 1
    assert "content/downloads/guide.pdf:1:1: this file has the same path as a handout the build makes" in (
        result.stderr
    )


def test_cache_keys_follow_what_each_handout_prints() -> None:
    project = read_project(ROOT / "mkdocs.yml")
    guide = load_project(project)
    settings = print_settings(project)

    def keys(guide: Guide = guide, **changes: object) -> dict[str, str]:
        return {plan.handout.name: plan.key for plan in plan_handouts(guide, replace(settings, **changes))}

    letter = keys()
    assert keys() == letter
    assert all(letter[name] != key for name, key in keys(paper="a4").items())
    script = guide.scripts[0]
    retitled = replace(script, meta=replace(script.meta, title="Another title"))
    changed = keys(replace(guide, scripts=(retitled, *guide.scripts[1:])))
    assert sorted(name for name in letter if changed[name] != letter[name]) == ["guide", "outreach-scripts"]
    renamed = keys(replace(guide, institution=replace(guide.institution, name="Lakeshore")))
    assert all(renamed[name] != letter[name] for name in letter)


def test_print_template_mistakes_are_reported_at_their_line(tmp_path: Path) -> None:
    (tmp_path / "base.html.j2").write_text(
        "<html>\n<body>\n{% block body %}{% endblock %}\n</body>\n</html>\n"
    )
    (tmp_path / "broken.html.j2").write_text('{% extends "base.html.j2" %}\n{% block body %}\n{% if x %}\n')
    with pytest.raises(GuideError) as syntax:
        template_sources("broken.html.j2", tmp_path)
    [problem] = syntax.value.problems
    assert (problem.path.endswith("broken.html.j2"), problem.line) == (True, 3)
    assert "print template syntax error" in problem.message

    (tmp_path / "undefined.html.j2").write_text(
        '{% extends "base.html.j2" %}\n{% block body %}\n<p>{{ title }}</p>\n'
        "<p>{{ missing.part }}</p>\n{% endblock %}\n"
    )
    with pytest.raises(GuideError) as runtime:
        render_html("undefined.html.j2", {"title": "T"}, tmp_path)
    [problem] = runtime.value.problems
    assert (problem.path.endswith("undefined.html.j2"), problem.line) == (True, 4)
    assert "'missing' is undefined" in problem.message


def test_print_templates_escape_what_they_are_given(tmp_path: Path) -> None:
    (tmp_path / "page.html.j2").write_text("<p>{{ text }}</p>\n")
    assert render_html("page.html.j2", {"text": "<script>alert(1)</script>"}, tmp_path) == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )


def test_a_print_style_sheet_mistake_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    sheet = tmp_path / "print.css"
    sheet.write_text("p {\n  color: red;\n  colr: blue;\n}\n")
    [problem] = stylesheet_problems(sheet, "print.css")
    assert (problem.path, problem.line, problem.col) == ("print.css", 3, 3)
    assert "colr" in problem.message


ADDITIONS = PageAdditions("Career <Centre>", "Guide", "", True, {"downloads/prep-sheet.pdf": 123_456})


def test_download_links_get_their_size_once_and_code_is_left_alone() -> None:
    page = (
        "# Prepare\n\nThe [prep sheet](downloads/prep-sheet.pdf) and [another](downloads/other.pdf).\n\n"
        "```\n[prep sheet](downloads/prep-sheet.pdf)\n```\n"
    )
    once = ADDITIONS.apply(page, "prepare.md")
    assert (
        "The [prep sheet (PDF, 123 KB)](downloads/prep-sheet.pdf) and [another](downloads/other.pdf)." in once
    )
    assert "```\n[prep sheet](downloads/prep-sheet.pdf)\n```" in once
    nested = ADDITIONS.apply("# Q\n\n[Print it](../downloads/prep-sheet.pdf)\n", "questions/index.md")
    assert "[Print it (PDF, 123 KB)](../downloads/prep-sheet.pdf)" in nested
    assert "(PDF, 123 KB) (PDF" not in ADDITIONS.apply(once, "prepare.md").replace("\n", " ")


def test_the_print_line_follows_the_first_heading_escaped() -> None:
    page = (
        "---\ntitle: x\n# not a heading\n---\n\nIntro.\n\n# Advice \\<b\\> &amp; *more* {#advice}\n\nText.\n"
    )
    lines = ADDITIONS.apply(page, "questions/advice.md").split("\n")
    heading = lines.index("# Advice \\<b\\> &amp; *more* {#advice}")
    assert lines[heading + 1 : heading + 4] == [
        "",
        '<p class="guide-print-source" data-search-exclude>'
        '<span class="guide-print-source__part">Career &lt;Centre&gt;</span>'
        '<span class="guide-print-source__part">Advice &lt;b&gt; &amp; more</span>'
        '<span class="guide-print-source__part">/questions/advice/</span></p>',
        "",
    ]
    assert lines[:4] == ["---", "title: x", "# not a heading", "---"]


def test_size_labels() -> None:
    assert [size_label(n) for n in (300, 41_234, 999_999, 1_250_000)] == [
        "PDF, 1 KB",
        "PDF, 41 KB",
        "PDF, 1000 KB",
        "PDF, 1.2 MB",
    ]


def test_the_placeholder_shown_while_serving_is_a_readable_pdf() -> None:
    reader = PdfReader(BytesIO(placeholder_pdf("Prep sheet (draft)")))
    assert len(reader.pages) == 1
    assert "Prep sheet (draft): This handout is being made." in reader.pages[0].extract_text()


def _fetch(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bytes(response.read())
    except OSError:
        return b""


def _field_count(url: str) -> int:
    """How many form fields the PDF at a URL has (0 if it cannot be read yet)."""
    try:
        return len(PdfReader(BytesIO(_fetch(url))).get_fields() or {})
    except PdfReadError:
        return 0


@pytest.fixture
def serving(minimal: Path) -> Iterator[tuple[str, Path]]:
    """`mkdocs serve` of the small project, printing handouts after one quiet second."""
    port = free_port()
    log = minimal / "serve.log"
    env = {**ENV, "GUIDE_HANDOUTS_QUIET_SECONDS": "1"}
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=minimal,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        yield f"http://127.0.0.1:{port}/", log
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_never_waits_and_prints_handouts_in_the_background(serving: tuple[str, Path]) -> None:
    url, log = serving
    assert wait_for(lambda: b"Minimal guide" in _fetch(url)), log.read_text()
    assert "Handouts: 6 out of date, shown as last printed" in log.read_text()
    first = _fetch(url + "downloads/prep-sheet.pdf")
    assert first.startswith(b"%PDF")
    assert wait_for(lambda: UNCHANGED in log.read_text()), log.read_text()
    assert wait_for(lambda: _field_count(url + "downloads/prep-sheet.pdf") > 20), log.read_text()
    text = log.read_text()
    assert "Handouts: rendered prep-sheet.pdf" in text
    builds = text.count("Building documentation")
    time.sleep(3)
    assert log.read_text().count("Building documentation") == builds, "the server kept rebuilding"
