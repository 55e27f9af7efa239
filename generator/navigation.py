"""Place the generated pages in a site's navigation, after their index pages."""

from __future__ import annotations

from typing import Any

from .model import Guide
from .pages import QUESTIONS_INDEX, SCRIPTS_INDEX, question_page, script_page


def expand_nav(nav: Any, guide: Guide) -> Any:
    """A copy of a MkDocs `nav` list where each generated index is followed by its pages."""
    children = {
        QUESTIONS_INDEX: [question_page(category.id) for category in guide.categories],
        SCRIPTS_INDEX: [script_page(script.id) for script in guide.scripts],
    }
    return _expand(nav, children)


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
