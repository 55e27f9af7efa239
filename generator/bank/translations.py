"""A guide's translation: every French file beside its English, checked, and the French guide made from them.

What is missing or stale is a warning (the English stands in, and `--strict` fails); what cannot be
right whatever the English says (an id the English lacks, a placeholder it does not use) is an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from msgspec.structs import replace

from ..errors import GuideError, Problem, SourceError, shown_path
from ..model import Checklist, Guide, Institution, Message, Words
from .checklists import scan_checklists
from .entries import Findings, Section, Stamp, check_fingerprint, check_section, fingerprint, message_names
from .interface import SCRIPTS_DIR, browser_messages
from .project import Project
from .prose import PLACEHOLDER, check_placeholders, front_matter_end, markdown_pages
from .source import parse_yaml, read_text
from .translate_data import translate_bank, translate_scripts, translate_visitors
from .words import english_words

INTERFACE = "interface"
UNTRANSLATED = ("advisors/",)
"""Pages that stay in English in every language: the advisors' notes, which the translation links to."""


@dataclass(frozen=True)
class Translation:
    """One language of the guide: its guide, its pages, its interface words, and what is not yet done."""

    language: str
    guide: Guide
    pages: tuple[str, ...]
    """The docs pages (English paths) that have a translation; the others are shown in English."""
    modules: dict[str, dict[str, Message]]
    """The browser tools' words by messages module (its path in the docs folder), then by id."""
    site: dict[str, str]
    """The site's own words: `site.name`, `nav.<section>`, `theme.palette.<n>` ..."""
    warnings: tuple[Problem, ...]
    stamps: tuple[Stamp, ...] = ()
    """Where the fingerprints of entries translated but not yet marked as matching their English go."""


def write_stamps(root: Path, stamps: tuple[Stamp, ...]) -> list[str]:
    """Write each fingerprint into its file, bottom up so that line numbers hold; the files written."""
    by_file: dict[str, list[Stamp]] = {}
    for stamp in stamps:
        by_file.setdefault(stamp.path, []).append(stamp)
    for display, found in by_file.items():
        path = root / display
        lines = path.read_text(encoding="utf-8").split("\n")
        for stamp in sorted(found, key=lambda stamp: stamp.line, reverse=True):
            line = " " * stamp.indent + f"en: {stamp.fingerprint}"
            lines[stamp.line - 1 : stamp.line - 1] = ["---", line, "---"] if stamp.front_matter else [line]
        path.write_text("\n".join(lines), encoding="utf-8")
    return sorted(by_file)


def translated_pages(project: Project) -> list[str]:
    """The docs pages a translation mirrors, as docs-relative paths."""
    pages = (page.relative_to(project.docs_dir).as_posix() for page in markdown_pages(project.docs_dir))
    return [page for page in pages if not page.startswith(UNTRANSLATED)]


def load_translation(project: Project, guide: Guide, language: str) -> Translation:
    """The guide in `language`; GuideError with every error found, warnings kept in the result."""
    findings = Findings()
    root = project.root
    institution, site = _site_words(project, guide.institution, language, findings)
    settings = institution.placeholders()
    translated = translate_bank(guide, project.bank, root, language, findings)
    visitors = translate_visitors(guide.visitors, project.visitors, root, language, settings, findings)
    scripts = translate_scripts(
        replace(guide, visitors=visitors), project.templates, root, language, settings, findings
    )
    pages, checklists = _pages(project, guide, language, findings)
    interface = _interface(project, language, findings)
    if findings.errors:
        raise GuideError(findings.errors)
    words = english_words()
    french_words = Words(language, {key: interface.get(key, value) for key, value in words.messages.items()})
    modules = {
        uri: {key: interface.get(key, value) for key, value in messages.items()}
        for uri, messages in browser_messages(project.docs_dir, shown_path(project.docs_dir, root)).items()
    }
    translated = replace(
        translated,
        visitors=visitors,
        scripts=scripts,
        checklists=checklists,
        institution=institution,
        language=language,
        words=french_words,
    )
    return Translation(
        language, translated, pages, modules, site, tuple(findings.warnings), tuple(findings.stamps)
    )


def _site_words(
    project: Project, institution: Institution, language: str, findings: Findings
) -> tuple[Institution, dict[str, str]]:
    """The English of the site's own words, from mkdocs.yml; the translation fills them in later."""
    del findings
    english = site_english(project, institution)
    interface = _interface_entries(project, language)
    site = {key: str(interface.get(key, value)) for key, value in english.items()}
    translated = replace(
        institution,
        name=site.get("institution.name", institution.name),
        parent=site.get("institution.parent", institution.parent),
        address=site.get("institution.address", institution.address),
    )
    return translated, site


def site_english(project: Project, institution: Institution) -> dict[str, str]:
    """The site's words as mkdocs.yml gives them: name, description, sections, toggles, institution."""
    config = project.config
    words = {
        "site.name": str(config.get("site_name", "")),
        "site.description": str(config.get("site_description", "")),
        "site.copyright": str(config.get("copyright", "")),
    }
    for title in _sections(config.get("nav")):
        words[f"nav.{_slug(title)}"] = title
    theme: dict[str, Any] = config["theme"] if isinstance(config.get("theme"), dict) else {}
    palettes: list[Any] = theme["palette"] if isinstance(theme.get("palette"), list) else []
    for index, palette in enumerate(palettes):
        name = palette.get("toggle", {}).get("name") if isinstance(palette, dict) else None
        if isinstance(name, str):
            words[f"theme.palette.{index}"] = name
    for key, value in (
        ("name", institution.name),
        ("parent", institution.parent),
        ("address", institution.address),
    ):
        if value:
            words[f"institution.{key}"] = value
    return {key: value for key, value in words.items() if value}


def _sections(nav: Any) -> list[str]:
    """The titles of the nav's sections (entries holding a list), depth first."""
    found: list[str] = []
    for item in nav if isinstance(nav, list) else []:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    found.append(str(title))
                    found.extend(_sections(value))
    return found


def _slug(title: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in title.lower()).split())


def interface_file(project: Project, language: str) -> Path:
    """`interface.fr.yaml`, beside mkdocs.yml: the interface's words in a language."""
    return project.root / f"{INTERFACE}.{language}.yaml"


def _interface_entries(project: Project, language: str) -> dict[str, Any]:
    """The interface file's texts by id, unchecked (the check is `_interface`'s)."""
    path = interface_file(project, language)
    try:
        doc = parse_yaml(read_text(path, path.name), path.name) if path.is_file() else None
    except SourceError:
        return {}
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    return {key: entry["text"] for key, entry in data.items() if isinstance(entry, dict) and "text" in entry}


def interface_english(project: Project, guide: Guide) -> dict[str, Message]:
    """Every interface message's English by id: the browser tools', the generator's and the site's."""
    english: dict[str, Message] = {}
    docs_display = shown_path(project.docs_dir, project.root)
    for messages in browser_messages(project.docs_dir, docs_display).values():
        english.update(messages)
    english.update(english_words().messages)
    english.update(site_english(project, guide.institution))
    return english


def _interface(project: Project, language: str, findings: Findings) -> dict[str, Message]:
    """The interface file's checked French texts by id."""
    path = interface_file(project, language)
    display = shown_path(path, project.root)
    if not path.is_file():
        findings.warnings.append(Problem(display, 1, 1, "this translation file does not exist yet"))
        return {}
    try:
        doc = parse_yaml(read_text(path, display), display)
        english = interface_english(project, _guide_for_site(project))
    except SourceError as err:
        findings.errors.extend(err.problems)
        return {}
    entries = {key: {"text": value} for key, value in english.items()}
    section = Section((), "message", entries, ("text",), names=message_names)
    usable = check_section(doc, section, findings)
    return {key: entry["text"] for key, entry in usable.items()}


def _guide_for_site(project: Project) -> Guide:
    """A guide with only the institution settings, which is all the site's words need."""
    from .institution import load_institution

    institution, _problems = load_institution(project.doc, set())
    return Guide((), (), (), (), institution=institution)


def _pages(
    project: Project, guide: Guide, language: str, findings: Findings
) -> tuple[tuple[str, ...], tuple[Checklist, ...]]:
    """Check the translated pages against the English ones; their checklists, by the English ids."""
    docs, root = project.docs_dir, project.root
    folder = docs / language
    english = translated_pages(project)
    present: list[str] = []
    folder_display = shown_path(folder, root)
    for page in english:
        path = folder / page
        if not path.is_file():
            text = (docs / page).read_text(encoding="utf-8-sig")
            message = f"page '{page}' has no French yet: add it, with front matter 'en: {fingerprint(text)}'"
            findings.warnings.append(Problem(f"{folder_display}/{page}", 1, 1, message))
            continue
        present.append(page)
        _page(docs / page, path, f"{folder_display}/{page}", guide.institution, findings)
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else ():
        page = path.relative_to(folder).as_posix()
        if page not in english:
            message = f"no English page '{page}' in {shown_path(docs, root)}; remove this page or rename it"
            findings.errors.append(Problem(f"{folder_display}/{page}", 1, 1, message))
    if not folder.is_dir():
        return (), guide.checklists
    checklists, found = scan_checklists(folder, folder_display)
    findings.errors.extend(found)
    _same_items(guide.checklists, checklists, folder_display, findings)
    return tuple(present), tuple(checklists) if checklists else guide.checklists


def _page(english: Path, path: Path, display: str, institution: Institution, findings: Findings) -> None:
    """One translated page: its fingerprint of the English page, and the same placeholders."""
    english_text = english.read_text(encoding="utf-8-sig")
    text = path.read_text(encoding="utf-8-sig")
    findings.errors.extend(check_placeholders(text, display, list(institution.placeholders())))
    lines = text.split("\n")
    closing = front_matter_end(lines)
    given: object = None
    if closing is not None:
        try:
            doc = parse_yaml("\n".join(lines[1:closing]) or " ", display, line_offset=1)
        except SourceError as err:
            findings.errors.extend(err.problems)
            return
        if isinstance(doc.data, dict):
            given = doc.data.get("en")
        check_fingerprint(
            doc, ("en",) if given is not None else (), f"page '{english.name}'", given, english_text, findings
        )
    else:
        now = fingerprint(english_text)
        message = f"no 'en:' fingerprint; once this page matches the English, add front matter 'en: {now}'"
        findings.warnings.append(Problem(display, 1, 1, message))
        findings.stamps.append(Stamp(display, 1, 0, now, front_matter=True))
    mine = {match["key"] for match in PLACEHOLDER.finditer(text)}
    theirs = {match["key"] for match in PLACEHOLDER.finditer(english_text)}
    if mine - theirs:
        names = ", ".join(f"institution.{key}" for key in sorted(mine - theirs))
        findings.errors.append(Problem(display, 1, 1, f"uses {names}, which the English page does not"))


def _same_items(
    english: tuple[Checklist, ...], french: list[Checklist], display: str, findings: Findings
) -> None:
    """The translated checklists have the English's items, by id, each pointing at the same step."""
    theirs = {item.id: item for checklist in english for item in checklist.items}
    mine = {item.id: (checklist, item) for checklist in french for item in checklist.items}
    for ident, (checklist, item) in mine.items():
        where = f"{display}/{checklist.page}"
        if ident not in theirs:
            findings.errors.append(
                Problem(where, item.line, item.col, f"checklist item '{ident}' has no English item")
            )
        elif theirs[ident].step != item.step:
            english_step = theirs[ident].step
            message = (
                f"checklist item '{ident}' points at step '{item.step}'; the English at '{english_step}'"
            )
            findings.errors.append(Problem(where, item.line, item.col, message))
    pages = {checklist.page for checklist in french}
    for ident, item in theirs.items():
        if ident not in mine and any(
            checklist.page in pages for checklist in english if item in checklist.items
        ):
            findings.warnings.append(
                Problem(
                    f"{display}/{_page_of(english, ident)}",
                    1,
                    1,
                    f"checklist item '{ident}' has no French yet",
                )
            )


def _page_of(checklists: tuple[Checklist, ...], ident: str) -> str:
    return next(checklist.page for checklist in checklists for item in checklist.items if item.id == ident)


__all__ = ["SCRIPTS_DIR", "Translation", "load_translation"]
