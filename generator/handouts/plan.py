"""Plan the handouts: each one's template context (the model data it prints) and its cache key."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..bank import prose, words_of
from ..code import module_file
from ..errors import GuideError, Problem
from ..model import Guide
from ..site import checklist_markdown
from . import content
from .booklet import chapters
from .cache import engine_versions, fingerprint
from .catalogue import HANDOUTS, Handout
from .render import TEMPLATES, template_sources
from .settings import PrintSettings, page_titles

HANDOUTS_CODE = Path(__file__).resolve().parent
# The code outside handouts/ that decides how the printed guide's pages read: the checklist markup and
# the placeholders filled into the prose.
MARKDOWN_MODULES = (checklist_markdown, prose)


@dataclass(frozen=True)
class Plan:
    """What one handout will be made from, and the cache key of all of it."""

    handout: Handout
    context: dict[str, Any]
    templates: tuple[Path, ...]
    stylesheets: tuple[Path, ...]
    key: str


def plan_handouts(guide: Guide, settings: PrintSettings) -> list[Plan]:
    """Every handout's context and cache key; a broken print template stops here, with its line."""
    contexts = _contexts(guide, settings)
    problems: list[Problem] = []
    plans = []
    logo = [settings.docs_dir / guide.institution.logo] if guide.institution.logo else []
    engine = _engine_version()  # once, not per handout: it hashes the package's code
    for handout in HANDOUTS:
        try:
            templates = tuple(template_sources(handout.template))
        except GuideError as err:
            problems.extend(err.problems)
            continue
        stylesheets = tuple(TEMPLATES / name for name in handout.stylesheets)
        context = contexts[handout.name]
        key = fingerprint(context, [*templates, *stylesheets, *logo], [handout.name, engine])
        plans.append(Plan(handout, context, templates, stylesheets, key))
    if problems:
        raise GuideError(problems)
    return plans


def _contexts(guide: Guide, settings: PrintSettings) -> dict[str, dict[str, Any]]:
    """The template context of every handout: common settings and the model data it prints."""
    questions = content.question_bank(guide)
    scripts = content.outreach_scripts(guide)
    specific: dict[str, dict[str, Any]] = {
        "prep-sheet": content.prep_sheet(guide),
        "checklists": content.checklists(guide, page_titles(settings)),
        "contact-tracker": content.contact_tracker(guide),
        "question-bank": questions,
        "outreach-scripts": scripts,
        "guide": {
            "chapters": [chapter.__dict__ for chapter in chapters(guide, settings)],
            "markdown": {  # with the chapters' Markdown, what their printed HTML is made from
                "extensions": settings.markdown_extensions,
                "site_url": settings.site_url,
                "directory_urls": settings.directory_urls,
            },
            "question_bank": questions,
            "outreach_scripts": scripts,
            "site_description": settings.site_description,
        },
    }
    words = words_of(guide)
    return {
        handout.name: content.common(
            guide, settings, handout.name, handout.title_in(words), handout.description_in(words)
        )
        | specific[handout.name]
        for handout in HANDOUTS
    }


def _engine_version() -> str:
    """The versions that change how a context becomes a PDF: this package's code, WeasyPrint, Markdown."""
    markdown_code = [module_file(module) for module in MARKDOWN_MODULES]
    return fingerprint(engine_versions(), [*sorted(HANDOUTS_CODE.glob("*.py")), *markdown_code])
