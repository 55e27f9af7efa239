"""Place the generated pages in a site's navigation, after their index pages."""

from __future__ import annotations

from typing import Any

from ..model import Guide
from .pages import PREP_SHEET, QUESTIONS_INDEX, SCRIPTS_INDEX, question_page, script_page

PREP_SHEET_TITLE = "Prep sheet"


def expand_nav(nav: Any, guide: Guide) -> Any:
    """A copy of a MkDocs `nav` list: each generated index followed by its pages, and the prep sheet.

    The prep sheet goes right after the top-level entry holding the question bank, unless the nav
    already names it somewhere.
    """
    children = {
        QUESTIONS_INDEX: [question_page(category.id) for category in guide.categories],
        SCRIPTS_INDEX: [script_page(script.id) for script in guide.scripts],
    }
    return _with_prep_sheet(_expand(nav, children))


def _with_prep_sheet(nav: Any) -> Any:
    """The nav with the prep sheet after the question bank's top-level entry, if it is not there yet."""
    if not isinstance(nav, list) or PREP_SHEET in _pages_in(nav):
        return nav
    for index, item in enumerate(nav):
        if QUESTIONS_INDEX in _pages_in([item]):
            return [*nav[: index + 1], {PREP_SHEET_TITLE: PREP_SHEET}, *nav[index + 1 :]]
    return nav


def _pages_in(items: Any) -> set[str]:
    """Every page a nav (or part of one) names, at any depth."""
    if isinstance(items, str):
        return {items}
    if isinstance(items, list):
        return set().union(*(_pages_in(item) for item in items)) if items else set()
    if isinstance(items, dict):
        return set().union(*(_pages_in(value) for value in items.values())) if items else set()
    return set()


def _expand(items: Any, children: dict[str, list[str]]) -> Any:
    if not isinstance(items, list):
        return items
    result: list[Any] = []
    for item in items:
        if isinstance(item, dict):
            result.append({title: _expand(value, children) for title, value in item.items()})
        else:
            result.append(item)
        target = item if isinstance(item, str) else _single_page(item)
        if target in children:
            result.extend(page for page in children[target] if page not in _mentioned(items))
    return result


def _single_page(item: Any) -> str | None:
    """The page of a `{title: page.md}` nav entry, if that is what it is."""
    if isinstance(item, dict) and len(item) == 1:
        value = next(iter(item.values()))
        return value if isinstance(value, str) else None
    return None


def _mentioned(items: list[Any]) -> set[str]:
    """The pages a nav list already names directly."""
    return {item if isinstance(item, str) else _single_page(item) or "" for item in items}
