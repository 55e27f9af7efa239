"""Make the handouts: plan each one (context and cache key), reuse the cached PDF or print a new one."""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from ..errors import GuideError, Problem
from ..model import Guide
from . import content
from .booklet import chapters
from .cache import HandoutCache, fingerprint
from .catalogue import HANDOUTS, Handout
from .pdf import image_problem, stylesheet_problems, write_pdf
from .render import TEMPLATES, display_path, render_html, template_sources
from .settings import PrintSettings, page_titles

PAPER_CSS = {"letter": "letter", "a4": "A4"}
LOGO_LOC = ("extra", "institution", "logo")
HANDOUTS_CODE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Plan:
    """What one handout will be made from, and the cache key of all of it."""

    handout: Handout
    context: dict[str, Any]
    templates: tuple[Path, ...]
    stylesheets: tuple[Path, ...]
    key: str


@dataclass(frozen=True)
class Made:
    """A handout ready for the site: its cached PDF, and whether this build printed it."""

    handout: Handout
    path: Path
    rendered: bool
    notes: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        """The PDF's size in bytes."""
        return self.path.stat().st_size


def plan_handouts(guide: Guide, settings: PrintSettings) -> list[Plan]:
    """Every handout's context and cache key; a broken print template stops here, with its line."""
    contexts = _contexts(guide, settings)
    problems: list[Problem] = []
    plans = []
    logo = [settings.docs_dir / guide.institution.logo] if guide.institution.logo else []
    for handout in HANDOUTS:
        try:
            templates = tuple(template_sources(handout.template))
        except GuideError as err:
            problems.extend(err.problems)
            continue
        stylesheets = tuple(TEMPLATES / name for name in handout.stylesheets)
        context = contexts[handout.name]
        key = fingerprint(context, [*templates, *stylesheets, *logo], [handout.name, _engine_version()])
        plans.append(Plan(handout, context, templates, stylesheets, key))
    if problems:
        raise GuideError(problems)
    return plans


def make_handouts(plans: list[Plan], settings: PrintSettings, cache: HandoutCache) -> tuple[list[Made], str]:
    """Each handout's PDF, printing only those whose key is not in the cache; and a one-line summary."""
    started = time.perf_counter()
    stale = [plan for plan in plans if cache.lookup(plan.handout.name, plan.key) is None]
    if stale:
        _check_stylesheets({sheet for plan in stale for sheet in plan.stylesheets})
        _check_logo(stale[0].context["institution"]["logo"], settings)
    printed = print_handouts(stale, settings)
    problems = sorted({problem for result in printed.values() for problem in result.problems})
    if problems:
        raise GuideError(problems)
    made: list[Made] = []
    for plan in plans:
        result = printed.get(plan.handout.name)
        if result is None:
            made.append(Made(plan.handout, cache.path(plan.handout.name, plan.key), rendered=False))
        else:
            path = cache.store(plan.handout.name, plan.key, result.pdf)
            made.append(Made(plan.handout, path, rendered=True, notes=result.notes))
    if printed:
        cache.mark_printed([plan.handout.filename for plan in stale])
    return made, _summary(made, time.perf_counter() - started, cache.folder, settings.root)


@dataclass(frozen=True)
class Printed:
    """What printing one handout gave: its PDF and notes, or the problems that stopped it."""

    pdf: bytes = b""
    notes: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()


def print_handouts(plans: list[Plan], settings: PrintSettings) -> dict[str, Printed]:
    """Print several handouts, in parallel processes when there are several and the machine has the cores."""
    workers = min(len(plans), os.cpu_count() or 1)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return {plan.handout.name: _print_one(plan, settings) for plan in plans}
    longest_first = sorted(plans, key=lambda plan: plan.handout.fillable)  # the booklet takes longest
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {plan.handout.name: pool.submit(_print_one, plan, settings) for plan in longest_first}
        return {name: future.result() for name, future in futures.items()}


def _print_one(plan: Plan, settings: PrintSettings) -> Printed:
    """Print one handout, turning its problems into a value (so that it can come back from a process)."""
    try:
        pdf, notes = render_pdf(plan, settings)
    except GuideError as err:
        return Printed(problems=tuple(err.problems))
    return Printed(pdf, tuple(notes))


def render_pdf(plan: Plan, settings: PrintSettings) -> tuple[bytes, list[str]]:
    """Print one handout: its template to HTML, then WeasyPrint to PDF (and notes on missing glyphs)."""
    handout = plan.handout
    html = render_html(handout.template, plan.context)
    size = PAPER_CSS[settings.paper] + (" landscape" if handout.landscape else "")
    template = display_path(plan.templates[0])

    def locate(message: str) -> Problem:
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


def _contexts(guide: Guide, settings: PrintSettings) -> dict[str, dict[str, Any]]:
    """The template context of every handout: common settings and the model data it prints."""
    questions = content.question_bank(guide)
    scripts = content.outreach_scripts(guide)
    specific: dict[str, dict[str, Any]] = {
        "prep-sheet": content.prep_sheet(guide),
        "checklists": content.checklists(guide, page_titles(settings)),
        "contact-tracker": content.contact_tracker(),
        "question-bank": questions,
        "outreach-scripts": scripts,
        "guide": {
            "chapters": [chapter.__dict__ for chapter in chapters(guide, settings)],
            "question_bank": questions,
            "outreach_scripts": scripts,
            "site_description": settings.site_description,
        },
    }
    return {
        handout.name: content.common(guide, settings, handout.name, handout.title, handout.description)
        | specific[handout.name]
        for handout in HANDOUTS
    }


def _check_stylesheets(paths: set[Path]) -> None:
    """Stop on anything WeasyPrint would ignore in the print style sheets."""
    problems = [
        problem for path in sorted(paths) for problem in stylesheet_problems(path, display_path(path))
    ]
    if problems:
        raise GuideError(problems)


def _check_logo(logo: str, settings: PrintSettings) -> None:
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


def _engine_version() -> str:
    """The versions that change how a context becomes a PDF: this package's code, WeasyPrint and pydyf."""
    versions = []
    for package in ("informational-interviews-guide", "weasyprint", "pydyf"):
        try:
            versions.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            versions.append(f"{package} ?")
    return fingerprint(versions, sorted(HANDOUTS_CODE.glob("*.py")))


def _summary(made: list[Made], seconds: float, folder: Path, root: Path) -> str:
    """One log line: what was printed, or that nothing needed to be."""
    where = folder.relative_to(root).as_posix() if folder.is_relative_to(root) else str(folder)
    rendered = [item.handout.filename for item in made if item.rendered]
    if not rendered:
        return f"Handouts: all {len(made)} PDFs unchanged, none rendered (cached in {where}/)"
    notes = [f"\nHandouts: {item.handout.filename}: {note}" for item in made for note in item.notes]
    return (
        f"Handouts: rendered {', '.join(rendered)} in {seconds:.1f} s; "
        f"{len(made) - len(rendered)} unchanged (cached in {where}/)" + "".join(notes)
    )
