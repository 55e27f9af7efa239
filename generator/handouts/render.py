"""Print templates to HTML: Jinja with autoescape; a template mistake becomes a located problem."""

from __future__ import annotations

import traceback
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    meta,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup

from ..bank import english_words
from ..errors import GuideError, Problem, shown_path
from ..model import Words
from ..site.pages import word_markup

TEMPLATES = Path(__file__).resolve().parent / "templates"


def display_path(path: Path) -> str:
    """A print template's path as a developer finds it: relative to the folder above `generator/`."""
    return shown_path(path, TEMPLATES.parents[2])


def context_words(given: object) -> Words:
    """The words a handout context carries as "words" (see content.common), or the generator's English."""
    if not isinstance(given, dict):
        return english_words()
    return Words(str(given["language"]), given["messages"])


@pass_context
def _t(context: Context, message_id: str, /, **params: object) -> Markup:
    """`t("id", name=value)` in a print template: the word as HTML, its text parameters escaped."""
    return word_markup(context_words(context.get("words")), message_id, **params)


@cache
def environment(folder: Path = TEMPLATES) -> Environment:
    """The Jinja environment of the print templates (autoescaped, strict about undefined names).

    `t("id", ...)` prints one of the generator's words in the language of the handout's context.
    """
    env = Environment(
        loader=FileSystemLoader(folder),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["t"] = _t
    return env


def template_sources(name: str, folder: Path = TEMPLATES) -> list[Path]:
    """A template and every template it extends or includes, found by compiling them."""
    env = environment(folder)
    seen: list[Path] = []
    pending = [name]
    while pending:
        current = pending.pop()
        path = folder / current
        if path in seen:
            continue
        seen.append(path)
        pending.extend(_references(env, current, folder))
    return seen


def render_html(name: str, context: dict[str, Any], folder: Path = TEMPLATES) -> str:
    """Render a print template; raise GuideError naming the template line that failed."""
    env = environment(folder)
    try:
        template = env.get_template(name)
        return template.render(**context)
    except TemplateSyntaxError as err:
        raise GuideError([_syntax_problem(err, folder)]) from None
    except TemplateNotFound as err:
        raise GuideError(
            [Problem(display_path(folder / name), 1, 1, f"print template not found: {err}")]
        ) from None
    except TemplateError as err:
        path, line = _template_frame(err, folder, name)
        raise GuideError([Problem(display_path(path), line, 1, f"print template error: {err}")]) from None


def _references(env: Environment, name: str, folder: Path) -> tuple[str, ...]:
    """The templates a template extends, includes or imports by a literal name."""
    try:
        source, _filename, _uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]
    except TemplateNotFound:
        raise GuideError([Problem(display_path(folder / name), 1, 1, "print template not found")]) from None
    return _parsed_references(env, name, folder, source)


@lru_cache(maxsize=256)
def _parsed_references(env: Environment, name: str, folder: Path, source: str) -> tuple[str, ...]:
    """The references in a template's source, checked for syntax errors: parsed once per source text.

    Every build plans six handouts that share their base and partial templates; each was parsed
    again for each handout, and again on each rebuild while serving.
    """
    try:
        tree = env.parse(source, name, str(folder / name))
    except TemplateSyntaxError as err:
        raise GuideError([_syntax_problem(err, folder)]) from None
    return tuple(reference for reference in meta.find_referenced_templates(tree) if reference)


def _syntax_problem(err: TemplateSyntaxError, folder: Path) -> Problem:
    """A Jinja syntax error as a problem at its template's line."""
    path = Path(err.filename) if err.filename else folder / (err.name or "?")
    return Problem(display_path(path), err.lineno or 1, 1, f"print template syntax error: {err.message}")


def _template_frame(err: Exception, folder: Path, name: str) -> tuple[Path, int]:
    """The innermost template file and line in an error's traceback (Jinja puts template lines there)."""
    for frame in reversed(traceback.extract_tb(err.__traceback__)):
        if frame.filename.endswith(".j2"):
            return Path(frame.filename), frame.lineno or 1
    return folder / name, 1
