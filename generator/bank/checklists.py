"""Find the checklist items in the prose pages: Markdown task items ending in `{#id step=page}`."""

from __future__ import annotations

import re
from pathlib import Path

from markdown.extensions.toc import slugify

from ..errors import Problem, known
from ..model import CHECKLIST_ITEM_SUFFIX, SLUG_PATTERN, Checklist, ChecklistItem
from .prose import markdown_pages, outside_code

TASK_ITEM = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s+(?P<text>.*)$")
ITEM_SUFFIX = re.compile(CHECKLIST_ITEM_SUFFIX)
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<title>.*?)(?:\s*\{#(?P<id>[^\s}]+)\})?\s*$")
SLUG = re.compile(SLUG_PATTERN)


def scan_checklists(docs_dir: Path, docs_display: str) -> tuple[list[Checklist], list[Problem]]:
    """Every checklist in the docs, with a problem for each missing, malformed or repeated id."""
    pages = markdown_pages(docs_dir)
    steps = sorted(path.stem for path in docs_dir.glob("*.md") if path.stem != "index")
    checklists: list[Checklist] = []
    problems: list[Problem] = []
    first_seen: dict[str, str] = {}
    for path in pages:
        page = path.relative_to(docs_dir).as_posix()
        display = f"{docs_display}/{page}"
        lists = _scan_page(path.read_text(encoding="utf-8-sig"), page, display, steps, problems)
        for checklist in lists:
            for item in checklist.items:
                where = f"{display}:{item.line}"
                if item.id in first_seen:
                    message = f"duplicate checklist item id '{item.id}' (first used at {first_seen[item.id]})"
                    problems.append(Problem(display, item.line, item.col, message))
                else:
                    first_seen[item.id] = where
        checklists.extend(lists)
    return checklists, problems


def _scan_page(
    text: str, page: str, display: str, steps: list[str], problems: list[Problem]
) -> list[Checklist]:
    """The checklists of one page, grouped under the nearest heading above them."""
    lists: list[Checklist] = []
    heading_id, title = "", ""
    items: list[ChecklistItem] = []
    anchors: dict[str, int] = {}
    for number, line in outside_code(text):
        heading = HEADING.match(line)
        if heading:
            if items:
                lists.append(Checklist(heading_id, title, page, tuple(items)))
            heading_id = heading["id"] or ""
            title, items = heading["title"], []
            anchors.setdefault(heading_id or slugify(title, "-"), number)
            continue
        task = TASK_ITEM.match(line)
        if task:
            item = _item(task["text"], number, line, display, steps, problems)
            if item is not None:
                items.append(item)
    if items:
        lists.append(Checklist(heading_id, title, page, tuple(items)))
    for item in (item for checklist in lists for item in checklist.items):
        if item.id in anchors:
            heading_at = f"{display}:{anchors[item.id]}"
            message = f"checklist item id '{item.id}' is also the id of the heading at {heading_at}"
            problems.append(Problem(display, item.line, item.col, f"{message}: give the item another id"))
    return lists


def _item(
    text: str, number: int, line: str, display: str, steps: list[str], problems: list[Problem]
) -> ChecklistItem | None:
    """One task item, or a problem explaining how to give it an id and a step."""
    suffix = ITEM_SUFFIX.search(text)
    col = line.rfind("{#") + 1 or len(line) - len(line.lstrip()) + 1
    if suffix is None:
        shape = "{#before-research step=research}"
        message = (
            f"this checklist item's id is not of the form {shape}"
            if "{#" in text
            else f"a checklist item needs an id and a step at its end, like {shape}"
        )
        problems.append(Problem(display, number, col, message))
        return None
    item_id, step = suffix["id"], suffix["step"]
    if not SLUG.match(item_id):
        rule = "lowercase letters, digits and single hyphens"
        problems.append(Problem(display, number, col, f"checklist item id '{item_id}' must use {rule}"))
        return None
    if step is None or step not in steps:
        given = f"unknown step '{step}'" if step else "no step"
        message = (
            f"checklist item '{item_id}' has {given}: add step= naming a guide page {known(steps, step)}"
        )
        problems.append(Problem(display, number, col, message))
        return None
    return ChecklistItem(item_id, text[: suffix.start()].strip(), step, number, col)
