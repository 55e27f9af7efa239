"""`<link rel="modulepreload">` for the browser tools a page has, so their modules load side by side.

Without it a tool's modules arrive in a waterfall: tools.js, then the tool's style sheets, then its
module, then each level of what that imports, one round trip each. The tools and where each goes are
declared once, in `tools.js` (`TOOLS`); the modules each imports are read from the scripts themselves.
A page gets a preload for every module of every tool whose place it has, and for the tool's styles.
"""

from __future__ import annotations

import functools
import posixpath
import re
from pathlib import Path

from msgspec import Struct

from ..errors import GeneratorError

SCRIPTS = "assets/javascripts"
STYLESHEETS = "assets/stylesheets"
LOADER = "tools.js"
SHARED_STYLES = "tools.css"

# One entry of tools.js's TOOLS: ["[data-prep-sheet]", "./prep-sheet/prep-sheet.js", "prep-sheet.css"].
_TOOL = re.compile(r'\[\s*"(?P<place>[^"]+)",\s*"\./(?P<module>[^"]+\.js)",\s*"(?P<style>[^"]+\.css)"\s*\]')
# A static import (`import { x } from "./y.js";`, `import "./y.js";`), over several lines if need be; a
# dynamic `import("./y.js")` is loaded only when used, so it is not preloaded.
_IMPORT = re.compile(r'^\s*(?:import|export)\s+(?:[^;"\'`()]*?\sfrom\s*)?"(?P<path>\.{1,2}/[^"]+)"', re.M)
# What a place's selector may be: a tag, classes and attributes, as in `ul.guide-checklist`.
_SELECTOR = re.compile(r"^(?P<tag>[a-z][a-z0-9-]*)?(?P<rest>(?:\.[\w-]+|\[[\w-]+\])*)$")
_PART = re.compile(r"\.(?P<cls>[\w-]+)|\[(?P<attr>[\w-]+)\]")


class PreloadError(GeneratorError):
    """tools.js or a script is not shaped as this module reads it: a change for its developers to mend."""


class Tool(Struct, frozen=True):
    """A browser tool: the selector of its place, its modules (entry first) and its style sheets."""

    place: str
    modules: tuple[str, ...]
    styles: tuple[str, ...]


def read_tools(scripts_dir: Path) -> list[Tool]:
    """The tools declared in `tools.js` (none without it), each with every module it imports, at any depth."""
    loader = scripts_dir / LOADER
    if not loader.exists():  # a site without browser tools (as the tests' small projects) preloads nothing
        return []
    try:
        declared = list(_TOOL.finditer(loader.read_text(encoding="utf-8")))
    except OSError as err:
        raise PreloadError(f"cannot read {loader}: {err.strerror}") from None
    if not declared:
        raise PreloadError(f"{loader} declares no tool in TOOLS as preload.py reads it")
    tools = []
    imports: dict[str, list[str]] = {}  # each module read once: the tools share most of theirs
    for entry in declared:
        _selector_parts(entry["place"])  # a selector this module cannot match is an error now, not a miss
        modules = _closure(scripts_dir, entry["module"], imports)
        tools.append(Tool(entry["place"], modules, (SHARED_STYLES, entry["style"])))
    return tools


def _closure(scripts_dir: Path, entry: str, imports: dict[str, list[str]]) -> tuple[str, ...]:
    """`entry` and every module it imports statically, as paths under `scripts_dir`, entry first.

    `imports` keeps what each module read so far imports, for the next tool's closure.
    """
    found: dict[str, None] = {}
    waiting = [entry]
    while waiting:
        module = waiting.pop(0)
        if module in found:
            continue
        found[module] = None
        if module not in imports:
            imports[module] = _imports_of(scripts_dir, module)
        waiting.extend(imports[module])
    return tuple(found)


def _imports_of(scripts_dir: Path, module: str) -> list[str]:
    """The modules one module imports statically, as paths under `scripts_dir`."""
    try:
        text = (scripts_dir / module).read_text(encoding="utf-8")
    except OSError as err:
        raise PreloadError(f"cannot read {scripts_dir / module}: {err.strerror}") from None
    folder = posixpath.dirname(module)
    return [posixpath.normpath(posixpath.join(folder, match["path"])) for match in _IMPORT.finditer(text)]


@functools.cache
def _selector_parts(selector: str) -> tuple[str | None, list[str], list[str]]:
    """A simple selector's tag, classes and attributes; anything more is refused."""
    shape = _SELECTOR.match(selector)
    if not shape or not (shape["tag"] or shape["rest"]):
        raise PreloadError(
            f"tools.js: cannot match the place {selector!r} (only a tag, .classes, [attributes])"
        )
    parts = list(_PART.finditer(shape["rest"]))
    return shape["tag"], [p["cls"] for p in parts if p["cls"]], [p["attr"] for p in parts if p["attr"]]


def has_place(html: str, selector: str) -> bool:
    """Whether the page has an element that matches `selector` (a tag, classes and attributes)."""
    tag, classes, attributes = _selector_parts(selector)
    needles = [*attributes, *classes]
    if not needles:
        return re.search(rf"<{tag}(?=[\s>/])", html) is not None
    # Only the tags where the selector's first name occurs are read: a bank page of 10,000 questions has
    # tens of thousands of tags, and the places are few.
    needle = needles[0]
    found = html.find(needle)
    while found != -1:
        if not _whole_name(html, found, len(needle)):  # `guide-checklist` in `guide-checklist__item`
            found = html.find(needle, found + len(needle))
            continue
        opening, closing = html.rfind("<", 0, found), html.find(">", found)
        inside = opening != -1 and closing != -1 and html.rfind(">", opening, found) == -1
        if inside and _tag_matches(html[opening : closing + 1], tag, classes, attributes):
            return True
        found = html.find(needle, found + len(needle))
    return False


def _whole_name(html: str, start: int, length: int) -> bool:
    """Whether the text at `start` is a whole class or attribute name, not part of a longer one."""
    before = html[start - 1] if start else " "
    after = html[start + length] if start + length < len(html) else " "
    return not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_")


def _tag_matches(text: str, tag: str | None, classes: list[str], attributes: list[str]) -> bool:
    """Whether one start tag's text (`<ul class="a b" data-x>`) has the tag, classes and attributes."""
    if not re.match(rf"<{tag or '[a-z][a-z0-9-]*'}(?=[\s>/])", text):
        return False
    found = re.search(r'\sclass="([^"]*)"', text)
    names = found.group(1).split() if found else []
    return all(name in names for name in classes) and all(
        re.search(rf"\s{re.escape(attr)}(?=[\s=/>])", text) for attr in attributes
    )


def tools_in(html: str, tools: list[Tool]) -> tuple[Tool, ...]:
    """The tools whose place `html` has.

    The plugin asks of a page's content, not of the whole page: the navigation around it grows with the
    number of pages (nine tenths of a page at 1,000 questions), and no place is ever in it.
    """
    return tuple(tool for tool in tools if has_place(html, tool.place))


def preload_tags(present: tuple[Tool, ...], page_url: str) -> str:
    """The preload tags for some tools, from the page at `page_url`; empty for none."""
    return _links(present, posixpath.dirname(page_url) or ".") + "\n" if present else ""


def preload_links(html: str, page_url: str, tools: list[Tool]) -> str:
    """The page's HTML with preloads, before `</head>`, for the tools whose place it has."""
    links = preload_tags(tools_in(html, tools), page_url)
    return html.replace("</head>", links + "</head>", 1) if links else html


@functools.lru_cache(maxsize=256)
def _links(tools: tuple[Tool, ...], here: str) -> str:
    """The preload tags for some tools, from a page in the folder `here`: made once per folder and tools."""
    modules = dict.fromkeys(module for tool in tools for module in tool.modules)
    styles = dict.fromkeys(style for tool in tools for style in tool.styles)
    return "\n".join(
        [
            *(f'<link rel="preload" as="style" href="{_href(f"{STYLESHEETS}/{s}", here)}">' for s in styles),
            *(f'<link rel="modulepreload" href="{_href(f"{SCRIPTS}/{m}", here)}">' for m in modules),
        ]
    )


def _href(path: str, here: str) -> str:
    """`path` relative to the folder `here`, both site-relative and normalised: posixpath.relpath's answer.

    Worked out from the names alone: relpath makes both absolute from the working folder first, which
    was most of the time this module takes.
    """
    folders = [] if here == "." else here.split("/")
    parts = path.split("/")
    shared = 0
    while shared < min(len(folders), len(parts) - 1) and folders[shared] == parts[shared]:
        shared += 1
    return "/".join([".."] * (len(folders) - shared) + parts[shared:])
