"""Print planned handouts to PDF: checks first, then WeasyPrint."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..errors import GuideError, Problem, shown_path
from ..model import Words
from .booklet import Chapter, rendered
from .catalogue import Handout
from .pdf import Notes, image_problem, stylesheet_problems, write_pdf
from .plan import Plan
from .render import context_words, display_path, render_html
from .settings import PrintSettings

PAPER_CSS = {"letter": "letter", "a4": "A4"}
# What the words' parameters stand for in CSS generated content, and the rules that print them:
# the page numbers of the fillable handouts (handout.css) and the booklet's page references (booklet.css).
CSS_COUNTERS = {
    "page": "counter(page)",
    "pages": "counter(pages)",
    "target": "target-counter(attr(href), page)",
}
PAGE_NUMBER_RULE = "@page {{ @bottom-right {{ content: {content}; }} }}"
PAGE_REFERENCE_RULE = '.prose a[href^="#"]::after, .toc-free a[href^="#"]::after {{ content: {content}; }}'
_MARK = "\0"
LOGO_LOC = ("extra", "institution", "logo")
_FILE_URL = re.compile(r"'(?P<url>file://[^']+)'")
_ANCHOR = re.compile(r"Anchor defined twice: '(?P<id>[^']+)'")


@dataclass(frozen=True)
class Printed:
    """What printing one handout gave: its PDF and notes, or the problems that stopped it."""

    pdf: bytes = b""
    notes: Notes = field(default_factory=Notes)
    problems: tuple[Problem, ...] = ()


def print_handouts(plans: list[Plan], settings: PrintSettings) -> dict[str, Printed]:
    """Print several handouts, one after another, keeping every problem."""
    return {plan.handout.name: _print_one(plan, settings) for plan in plans}


def _print_one(plan: Plan, settings: PrintSettings) -> Printed:
    """Print one handout, turning its problems into a value."""
    try:
        pdf, notes = render_pdf(plan, settings)
    except GuideError as err:
        return Printed(problems=tuple(err.problems))
    return Printed(pdf, notes)


def render_pdf(plan: Plan, settings: PrintSettings) -> tuple[bytes, Notes]:
    """Print one handout: its template to HTML, then WeasyPrint to PDF (and notes that did not stop it)."""
    handout = plan.handout
    html = render_html(handout.template, _printable(plan.context, settings))
    size = PAPER_CSS[settings.paper] + (" landscape" if handout.landscape else "")
    template = display_path(plan.templates[0])

    def locate(message: str) -> Problem:
        """Where to report a WeasyPrint complaint: the page or setting it comes from, else the template."""
        logo = plan.context["institution"]["logo"]
        if logo and "image" in message.lower() and logo in message:
            return settings.problem(LOGO_LOC, f"institution: the logo '{logo}' cannot be printed: {message}")
        found = _in_page(message, plan, settings)
        if found is not None:
            return found
        return Problem(template, 1, 1, f"{handout.filename}: print template: {message}")

    page_css = f"@page {{ size: {size}; }}" + words_css(handout, context_words(plan.context.get("words")))
    return write_pdf(
        html,
        plan.stylesheets,
        page_css,
        settings.docs_dir.resolve().as_uri() + "/",
        handout.fillable,
        locate,
    )


def words_css(handout: Handout, words: Words) -> str:
    """The CSS that prints the handout's words around page numbers, after its own style sheets."""
    rules = []
    if "handout.css" in handout.stylesheets:
        rules.append(PAGE_NUMBER_RULE.format(content=css_content(words, "print.pageNumber", "page", "pages")))
    if "booklet.css" in handout.stylesheets:
        reference = css_content(words, "print.pageReference", page="target")
        rules.append(PAGE_REFERENCE_RULE.format(content=reference))
    return "".join(f"\n{rule}" for rule in rules)


def css_content(words: Words, message_id: str, *counters: str, **named: str) -> str:
    """A word as a CSS `content` value: its text quoted, each counter parameter as the counter itself.

    A parameter stands for a counter of the same name, or of the name `named` gives it
    (`page="target"`: the page a link points to).
    """
    kinds = {name: name for name in counters} | named
    text = words(message_id, **{name: f"{_MARK}{kind}{_MARK}" for name, kind in kinds.items()})
    pieces = []
    for index, piece in enumerate(text.split(_MARK)):
        if index % 2:
            pieces.append(CSS_COUNTERS[piece])
        elif piece:
            pieces.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"')
    return " ".join(pieces) or '""'


def _in_page(message: str, plan: Plan, settings: PrintSettings) -> Problem | None:
    """A complaint about a prose page of the printed guide (its image, a repeated id), at that page's line."""
    pages = [chapter["page"] for chapter in plan.context.get("chapters", ()) if chapter["kind"] == "page"]
    for page in pages:
        path = settings.docs_dir / page
        text = path.read_text(encoding="utf-8-sig")
        for needle in _needles(message, page, path):
            at = text.find(needle) if needle else -1
            if at != -1:
                line = text.count("\n", 0, at) + 1
                col = at - (text.rfind("\n", 0, at) + 1) + 1
                where = shown_path(path, settings.root)
                return Problem(where, line, col, f"{plan.handout.filename}: {message}{_hint(message)}")
    return None


def _hint(message: str) -> str:
    """What an advisor needs to know beside WeasyPrint's words."""
    if _ANCHOR.search(message):
        return " (the printed guide is one document: each id in the pages' HTML may be used only once)"
    return ""


def _needles(message: str, page: str, path: Path) -> list[str]:
    """What a page would say where it caused the complaint: an image's path, or the repeated id."""
    url, anchor = _FILE_URL.search(message), _ANCHOR.search(message)
    if url:
        target = Path(unquote(urlsplit(url["url"]).path))
        return [_relative(target, path.parent), target.name]
    if not anchor:
        return []
    chapter = f"page-{page.removesuffix('.md').replace('/', '-')}--"
    if anchor["id"].startswith("page-"):  # an id from the Markdown, which the booklet prefixes by page
        return [anchor["id"].removeprefix(chapter)] if anchor["id"].startswith(chapter) else []
    return [f'id="{anchor["id"]}"', f"id='{anchor['id']}'"]  # an id in the page's raw HTML


def _relative(target: Path, folder: Path) -> str:
    """A file's path as a page in `folder` would write it, or '' when it is elsewhere."""
    try:
        return target.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return ""


def _printable(context: dict[str, Any], settings: PrintSettings) -> dict[str, Any]:
    """A handout's context with the printed guide's prose pages rendered to HTML (the plan keeps Markdown)."""
    if "chapters" not in context:
        return context
    chapters = rendered([Chapter(**chapter) for chapter in context["chapters"]], settings)
    return {**context, "chapters": [chapter.__dict__ for chapter in chapters]}


def check_stylesheets(paths: set[Path]) -> None:
    """Stop on anything WeasyPrint would ignore in the print style sheets."""
    problems = [
        problem for path in sorted(paths) for problem in stylesheet_problems(path, display_path(path))
    ]
    if problems:
        raise GuideError(problems)


def check_logo(logo: str, settings: PrintSettings) -> None:
    """Stop before printing anything if the institution's logo is not an image WeasyPrint can draw."""
    if not logo:
        return
    reason = image_problem(settings.docs_dir / logo)
    if reason:
        message = (
            f"institution: the logo '{logo}' cannot be printed in the handouts; "
            f"use a PNG, JPEG or SVG file ({reason.rstrip(': ')})"
        )
        raise GuideError([settings.problem(LOGO_LOC, message)])
