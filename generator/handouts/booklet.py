"""The prose pages as chapters of the printed guide: Python-Markdown with the site's extensions."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..bank import fill_placeholders, front_matter_end, named_entries
from ..errors import GuideError
from ..model import Guide
from ..site import QUESTIONS_INDEX, SCRIPTS_INDEX, ChecklistExtension, markdown_settings, site_url
from .settings import PrintSettings, nav_pages

MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
QUESTIONS_CHAPTER = "question-bank"
SCRIPTS_CHAPTER = "outreach-scripts"


@dataclass(frozen=True)
class Chapter:
    """One chapter of the booklet: a prose page (its Markdown, then its HTML), or a generated part."""

    id: str
    kind: str
    page: str = ""
    markdown: str = ""
    title: str = ""
    html: str = ""


def booklet_plan(settings: PrintSettings) -> list[tuple[str, str]]:
    """The booklet's parts in nav order, as (kind, page): top-level prose pages and the two generated parts.

    Sections other than the question bank and the scripts (such as the advisors' notes) stay online.
    """
    plan: list[tuple[str, str]] = []
    entries = nav_pages(settings.nav) or [(None, path.name) for path in _root_pages(settings.docs_dir)]
    for _title, value in entries:
        pages = [value] if isinstance(value, str) else [v for v in _flatten(value) if isinstance(v, str)]
        if QUESTIONS_INDEX in pages:
            plan.append(("questions", QUESTIONS_INDEX))
        elif SCRIPTS_INDEX in pages:
            plan.append(("scripts", SCRIPTS_INDEX))
        elif isinstance(value, str) and "/" not in value and (settings.docs_dir / value).is_file():
            plan.append(("page", value))
    plan += [("questions", QUESTIONS_INDEX), ("scripts", SCRIPTS_INDEX)]
    return list(dict.fromkeys(plan))


def chapters(guide: Guide, settings: PrintSettings) -> list[Chapter]:
    """Every chapter of the booklet; prose pages as their Markdown, which `rendered` turns into HTML.

    The Markdown (with the centre's settings filled in) is what the printed guide's cache key needs;
    rendering it is left until the guide is printed.
    """
    values = markdown_settings(guide)
    result: list[Chapter] = []
    for kind, page in booklet_plan(settings):
        if kind != "page":
            result.append(Chapter(chapter_id(page), kind))
            continue
        text = _strip_front_matter((settings.docs_dir / page).read_text(encoding="utf-8-sig"))
        result.append(Chapter(chapter_id(page), "page", page, fill_placeholders(text, values)))
    return result


def rendered(chapters: list[Chapter], settings: PrintSettings) -> list[Chapter]:
    """The chapters with each prose page rendered to HTML with the site's Markdown extensions."""
    targets = {chapter.page or _generated_page(chapter.kind): chapter.id for chapter in chapters}
    result: list[Chapter] = []
    for chapter in chapters:
        if chapter.kind != "page":
            result.append(chapter)
            continue
        md = _markdown(settings, chapter.page, targets)
        html = md.convert(chapter.markdown)
        fallback = chapter.page.removesuffix(".md").replace("-", " ").capitalize()
        title = getattr(md, "guide_title", "") or fallback
        result.append(replace(chapter, title=title, html=html))
    return result


def _generated_page(kind: str) -> str:
    """The page of a generated part of the booklet."""
    return QUESTIONS_INDEX if kind == "questions" else SCRIPTS_INDEX


def chapter_id(page: str) -> str:
    """The anchor of the chapter that prints a page of the site."""
    if page == QUESTIONS_INDEX:
        return QUESTIONS_CHAPTER
    if page == SCRIPTS_INDEX:
        return SCRIPTS_CHAPTER
    return "page-" + page.removesuffix(".md").replace("/", "-")


def resolve_link(href: str, page: str, targets: dict[str, str], settings: PrintSettings) -> str | None:
    """Where a link of a prose page points in the booklet: an anchor, a web address, or nowhere (None)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href
    if not parts.path:
        return f"#{targets[page]}--{parts.fragment}" if parts.fragment else f"#{targets[page]}"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
    fragment = parts.fragment
    if target in targets:
        return f"#{targets[target]}--{fragment}" if fragment else f"#{targets[target]}"
    if target.startswith("questions/") and target.endswith(".md"):
        if fragment:
            return f"#question-{fragment}" if target != QUESTIONS_INDEX else f"#questions-{fragment}"
        return f"#questions-{posixpath.basename(target).removesuffix('.md')}"
    if target.startswith("scripts/") and target.endswith(".md"):
        return f"#script-{posixpath.basename(target).removesuffix('.md')}"
    if settings.site_url:
        url = site_url(target, settings.directory_urls) if target.endswith(".md") else target
        return settings.page_url(url) + (f"#{fragment}" if fragment else "")
    return None


class _BookletLinks(Treeprocessor):
    """Prefix ids with the chapter, point links inside the booklet, find the title, drop permalinks."""

    def __init__(self, md: Markdown, page: str, targets: dict[str, str], settings: PrintSettings) -> None:
        """Rewrite one page, knowing where every other page's chapter is."""
        super().__init__(md)
        self.page, self.targets, self.settings = page, targets, settings

    def run(self, root: etree.Element) -> None:
        """Rewrite the page's tree in place."""
        chapter = self.targets[self.page]
        parents = {child: parent for parent in root.iter() for child in parent}
        for element in list(root.iter()):
            if element.tag == "a" and "headerlink" in (element.get("class") or "").split():
                _remove_keeping_tail(element, parents[element])
                continue
            if element.get("id"):
                element.set("id", f"{chapter}--{element.get('id')}")
            if element.tag == "a" and element.get("href") is not None:
                href = resolve_link(element.get("href") or "", self.page, self.targets, self.settings)
                if href is None:
                    del element.attrib["href"]
                else:
                    element.set("href", href)
            if element.tag == "img" and element.get("src") and not urlsplit(element.get("src") or "").scheme:
                path = self.settings.docs_dir / posixpath.dirname(self.page) / (element.get("src") or "")
                element.set("src", path.resolve().as_uri())
        heading = next(root.iter("h1"), None)
        if heading is not None:
            self.md.guide_title = " ".join("".join(heading.itertext()).split())  # type: ignore[attr-defined]


class _BookletExtension(Extension):
    """Register the booklet's link rewriting after every other tree processor."""

    def __init__(self, page: str, targets: dict[str, str], settings: PrintSettings) -> None:
        """Remember the page being converted and the booklet's chapters."""
        super().__init__()
        self.page, self.targets, self.settings = page, targets, settings

    def extendMarkdown(self, md: Markdown) -> None:
        """Add the processor to a Markdown instance."""
        md.treeprocessors.register(
            _BookletLinks(md, self.page, self.targets, self.settings), "guide_booklet", 0
        )


def _markdown(settings: PrintSettings, page: str, targets: dict[str, str]) -> Markdown:
    """A Markdown converter with the site's extensions, the checklist items and the booklet's links."""
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for where, name, options in named_entries(settings.markdown_extensions):
        names.append(name)
        if isinstance(options, dict):
            configs[name] = options
        if isinstance(options, dict) and any(value is None for value in options.values()):
            message = (
                f"markdown extension '{name}': an option uses a YAML tag (such as !!python/name) "
                "that the printed guide cannot read; write it as plain text"
            )
            raise GuideError([settings.problem(("markdown_extensions", where), message)])
    names = [name for name in MKDOCS_BUILTIN_EXTENSIONS if name not in names] + names
    extensions: list[str | Extension] = [
        *names,
        ChecklistExtension(),
        _BookletExtension(page, targets, settings),
    ]
    try:
        return Markdown(extensions=extensions, extension_configs=configs)
    except Exception as err:  # an extension that cannot load: report it, never a traceback
        message = f"markdown_extensions: cannot use them for the printed guide: {err}"
        raise GuideError([settings.problem(("markdown_extensions",), message)]) from None


def _remove_keeping_tail(element: etree.Element, parent: etree.Element) -> None:
    """Remove an element, keeping the text that follows it."""
    if element.tail:
        siblings = list(parent)
        index = siblings.index(element)
        if index:
            previous = siblings[index - 1]
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _strip_front_matter(text: str) -> str:
    """A page's Markdown without its YAML front matter."""
    lines = text.split("\n")
    end = front_matter_end(lines)
    return text if end is None else "\n".join(lines[end + 1 :])


def _root_pages(docs_dir: Path) -> list[Path]:
    """The Markdown pages at the top of the docs folder, the home page first."""
    return sorted(docs_dir.glob("*.md"), key=lambda path: (path.name != "index.md", path.name))


def _flatten(items: Any) -> list[Any]:
    """Every value in a nested nav section."""
    if isinstance(items, list):
        return [leaf for item in items for leaf in _flatten(item)]
    if isinstance(items, dict):
        return [leaf for value in items.values() for leaf in _flatten(value)]
    return [items]
