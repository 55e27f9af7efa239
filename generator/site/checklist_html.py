"""Checklists written out as the extension renders them, for a staged tree that engines read without it.

Zensical (and any engine that cannot import the generator) builds the staged tree with Python-Markdown's
own extensions only. Each top-level task list becomes an `md_in_html` block with the same markup as
`checklist_markdown.py` makes (the same bytes once built: the staging test compares the sites), and each
item's text stays Markdown inside it (`markdown="span"`), so its links are still resolved by the engine.
"""

from __future__ import annotations

from html import escape

from ..bank.prose import outside_code
from .checklist_markdown import BOX, ITEM_CLASS, ITEM_SUFFIX, LABEL_CLASS, LIST_CLASS

MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html")
"""What the blocks need of the engine's Markdown: both are Python-Markdown's own."""


def task_lists_as_html(text: str) -> str:
    """The page with each top-level task list (outside code) written as the extension's HTML."""
    lines = text.splitlines()
    outside = {number - 1 for number, _line in outside_code(text)}
    out: list[str] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and end in outside and _item_text(lines[end]) is not None:
            end += 1
        # A list whose items go on over more lines (or hold a list of their own) stays as it is.
        if end == index or (end < len(lines) and lines[end].startswith((" ", "\t")) and lines[end].strip()):
            out.append(lines[index])
            index += 1
            continue
        out += ["", f'<ul class="{LIST_CLASS}" markdown="1">', *map(_item, lines[index:end]), "</ul>", ""]
        index = end
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def _item_text(line: str) -> str | None:
    """The text after `- ` of a top-level task item, or None for any other line."""
    if line[:2] not in ("- ", "* ", "+ "):
        return None
    return line[2:] if BOX.match(line[2:]) else None


def _item(line: str) -> str:
    """One task item as an `<li>`: attributes in the order the extension's serializer writes them."""
    text = _item_text(line) or ""
    box = BOX.match(text)
    assert box is not None  # only task items reach here
    text = text[box.end() :]
    suffix = ITEM_SUFFIX.search(text)
    attributes = {"class": ITEM_CLASS}
    name = None
    if suffix is not None and suffix["id"]:
        text, name = text[: suffix.start()], suffix["id"]
        attributes |= {
            "data-checklist-item": name,
            **({"data-step": suffix["step"]} if suffix["step"] else {}),
        }
        attributes["id"] = name
    box_attributes = {
        **({"checked": "checked"} if box["state"] != " " else {}),
        **({"name": name} if name else {}),
    }
    item = " ".join(f'{key}="{escape(value)}"' for key, value in attributes.items())
    inputs = " ".join(
        f'{key}="{escape(value)}"' for key, value in {**box_attributes, "type": "checkbox"}.items()
    )
    label = f'<label class="{LABEL_CLASS}"><input {inputs} /> {text}</label>'
    return f'<li {item} markdown="span">{label}</li>'
