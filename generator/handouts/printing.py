"""Print planned handouts to PDF: checks first, then WeasyPrint."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GuideError, Problem
from .booklet import Chapter, rendered
from .pdf import image_problem, stylesheet_problems, write_pdf
from .plan import Plan
from .render import display_path, render_html
from .settings import PrintSettings

PAPER_CSS = {"letter": "letter", "a4": "A4"}
LOGO_LOC = ("extra", "institution", "logo")


@dataclass(frozen=True)
class Printed:
    """What printing one handout gave: its PDF and notes, or the problems that stopped it."""

    pdf: bytes = b""
    notes: tuple[str, ...] = ()
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
    return Printed(pdf, tuple(notes))


def render_pdf(plan: Plan, settings: PrintSettings) -> tuple[bytes, list[str]]:
    """Print one handout: its template to HTML, then WeasyPrint to PDF (and notes on missing glyphs)."""
    handout = plan.handout
    html = render_html(handout.template, _printable(plan.context, settings))
    size = PAPER_CSS[settings.paper] + (" landscape" if handout.landscape else "")
    template = display_path(plan.templates[0])

    def locate(message: str) -> Problem:
        """Where to report a WeasyPrint complaint: at the logo setting, or at the handout's template."""
        if "image" in message.lower() and plan.context["institution"]["logo"]:
            logo = plan.context["institution"]["logo"]
            return settings.problem(LOGO_LOC, f"institution: the logo '{logo}' cannot be printed: {message}")
        return Problem(template, 1, 1, f"{handout.filename}: {message}")

    return write_pdf(
        html,
        plan.stylesheets,
        f"@page {{ size: {size}; }}",
        settings.docs_dir.resolve().as_uri() + "/",
        handout.fillable,
        locate,
    )


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
