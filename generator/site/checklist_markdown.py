"""A Python-Markdown extension for checklist items: `- [ ] text {#id step=page}` becomes a checkbox."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..model import CHECKLIST_ITEM_SUFFIX

ITEM_SUFFIX = re.compile(CHECKLIST_ITEM_SUFFIX)

BOX = re.compile(r"^\s*\[(?P<state>[ xX])\]\s+")
# The markup's classes, which the checklists' styles and script look for (and checklist_html.py writes).
LIST_CLASS = "guide-checklist"
ITEM_CLASS = "guide-checklist__item"
LABEL_CLASS = "guide-checklist__label"


class ChecklistItems(Treeprocessor):
    """Turn task-list items into `<li>`s carrying their id and step, each wrapping a labelled checkbox."""

    def run(self, root: etree.Element) -> None:
        """Rewrite every list item that starts with a box."""
        boxed = [found for item in root.iter("li") if (found := _boxed(item)) is not None]
        if not boxed:  # most pages have no checklist, and need no map of the tree's parents
            return
        lists: set[etree.Element] = set()
        parents = {child: parent for parent in root.iter() for child in parent}
        for item, holder, box in boxed:
            holder.text = (holder.text or "")[box.end() :]
            _take_suffix(item)
            _wrap_in_label(holder, checked=box["state"] != " ", name=item.get("id"))
            item.set("class", ITEM_CLASS)
            lists.add(parents[item])
        for task_list in lists:
            task_list.set("class", LIST_CLASS)


def _boxed(item: etree.Element) -> tuple[etree.Element, etree.Element, re.Match[str]] | None:
    """A list item that starts with a box: the item, the element whose text holds the box, the box."""
    holder = item[0] if len(item) and item[0].tag == "p" and not (item.text or "").strip() else item
    box = BOX.match(holder.text or "")
    return None if box is None else (item, holder, box)


def _take_suffix(item: etree.Element) -> None:
    """Move `{#id step=page}` from the end of an item's text onto the item."""
    found = _trailing_text(item)
    if found is None:
        return
    holder, attribute = found
    text = getattr(holder, attribute) or ""
    suffix = ITEM_SUFFIX.search(text)
    if suffix is None or not suffix["id"]:
        return
    setattr(holder, attribute, text[: suffix.start()])
    item.set("id", suffix["id"])
    item.set("data-checklist-item", suffix["id"])
    if suffix["step"]:
        item.set("data-step", suffix["step"])


def _wrap_in_label(holder: etree.Element, checked: bool, name: str | None) -> None:
    """Put a checkbox and the item's inline content inside one `<label>`, so the text names the box."""
    label = etree.Element("label", {"class": LABEL_CLASS})
    box = etree.SubElement(label, "input", {"type": "checkbox"})
    if name:
        box.set("name", name)
    if checked:
        box.set("checked", "checked")
    box.tail = " " + (holder.text or "")
    holder.text = None
    inline = [child for child in holder if child.tag not in ("ul", "ol", "p")]
    for child in inline:
        holder.remove(child)
        label.append(child)
    holder.insert(0, label)


def _trailing_text(element: etree.Element) -> tuple[etree.Element, str] | None:
    """Where the last visible text of an item lives: its own text, a child's tail, or a paragraph."""
    children = [child for child in element if child.tag not in ("ul", "ol")]
    if not children:
        return (element, "text") if element.text and element.text.strip() else None
    last = children[-1]
    if last.tail and last.tail.strip():
        return last, "tail"
    if last.tag == "p":
        return _trailing_text(last)
    return None


class ChecklistExtension(Extension):
    """Register the checklist processor after inline processing."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Add the processor to a Markdown instance."""
        md.treeprocessors.register(ChecklistItems(md), "guide_checklists", 5)


def makeExtension(**kwargs: Any) -> ChecklistExtension:
    """Let MkDocs load the extension by its module name."""
    return ChecklistExtension(**kwargs)
