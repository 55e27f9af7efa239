"""The question bank, the kinds of visitor and the outreach scripts in another language, by English id."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from msgspec.structs import replace

from ..errors import Problem, SourceError, describe, shown_path
from ..model import Budget, Category, Guide, Question, Script, TagGroup, TagValue, Visitor, Visitors
from .entries import Findings, Section, check_entry, check_section, fingerprint, jinja_names
from .prose import FRONT_MATTER_START, front_matter_end
from .script_text import PHRASES, count, fill, parse_parts
from .source import YamlDocument, parse_yaml, read_text

SCRIPT_KEYS = ("title", "when", "subject", "reply", "budget", "fields")


def translated_path(path: Path, language: str) -> Path:
    """`question_bank.yaml` -> `question_bank.fr.yaml`: a data file's translation, beside it."""
    return path.with_name(f"{path.stem}.{language}{path.suffix}")


def _read_yaml(path: Path, root: Path, findings: Findings) -> YamlDocument | None:
    """A translation file, or None with a warning when it does not exist yet."""
    display = shown_path(path, root)
    if not path.is_file():
        findings.warnings.append(Problem(display, 1, 1, "this translation file does not exist yet"))
        return None
    try:
        doc = parse_yaml(read_text(path, display), display)
    except SourceError as err:
        findings.errors.extend(err.problems)
        return None
    if not isinstance(doc.data, dict):
        findings.errors.append(
            doc.problem((), f"the file must be a mapping of sections, not {describe(doc.data)}")
        )
        return None
    return doc


def group_english(group: TagGroup) -> dict[str, Any]:
    """What a tag group's translation is made from."""
    values = {value.id: value.label for value in group.values}
    return {"label": group.label, "description": group.description, "values": values}


def category_english(category: Category) -> dict[str, Any]:
    """What a category's translation is made from."""
    return {"title": category.title, "description": category.description}


def question_english(question: Question) -> dict[str, Any]:
    """What a question's translation is made from."""
    return {"text": question.text, "why": question.why, "follow_ups": list(question.follow_ups)}


def translate_bank(guide: Guide, bank: Path, root: Path, language: str, findings: Findings) -> Guide:
    """The guide with the bank's words in `language`; an entry not yet translated stays English."""
    doc = _read_yaml(translated_path(bank, language), root, findings)
    if doc is None:
        return guide
    for key in doc.data:
        if key not in ("tags", "categories", "questions"):
            findings.errors.append(
                doc.problem((key,), f"unknown section '{key}' (known: tags, categories, questions)", key=True)
            )
    groups = check_section(
        doc,
        Section(
            ("tags",),
            "tag group",
            {g.id: group_english(g) for g in guide.tag_groups},
            ("label", "description", "values"),
        ),
        findings,
    )
    categories = check_section(
        doc,
        Section(
            ("categories",),
            "category",
            {c.id: category_english(c) for c in guide.categories},
            ("title", "description"),
        ),
        findings,
    )
    questions = check_section(
        doc,
        Section(
            ("questions",),
            "question",
            {q.id: question_english(q) for q in guide.questions},
            ("text", "why", "follow_ups"),
        ),
        findings,
    )
    return replace(
        guide,
        tag_groups=tuple(_group(group, groups.get(group.id)) for group in guide.tag_groups),
        categories=tuple(_category(category, categories.get(category.id)) for category in guide.categories),
        questions=tuple(_question(question, questions.get(question.id)) for question in guide.questions),
    )


def _group(group: TagGroup, french: dict[str, Any] | None) -> TagGroup:
    if french is None:
        return group
    labels = french["values"]
    values = [TagValue(id=value.id, label=labels[value.id]) for value in group.values]
    return replace(group, label=french["label"], description=french.get("description", ""), values=values)


def _category(category: Category, french: dict[str, Any] | None) -> Category:
    return (
        category
        if french is None
        else replace(category, title=french["title"], description=french["description"])
    )


def _question(question: Question, french: dict[str, Any] | None) -> Question:
    if french is None:
        return question
    follow_ups = list(french.get("follow_ups") or [])
    return replace(question, text=french["text"], why=french.get("why", ""), follow_ups=follow_ups)


def translate_visitors(
    visitors: Visitors, path: Path, root: Path, language: str, settings: dict[str, str], findings: Findings
) -> Visitors:
    """The kinds of visitor in `language`: their labels, introductions and the details they ask for."""
    if not visitors.kinds:
        return visitors
    doc = _read_yaml(translated_path(path, language), root, findings)
    if doc is None:
        return visitors
    fields_en = {item.id: {"label": item.label, "example": item.example} for item in visitors.fields}
    kinds_en = {kind.id: _kind_english(kind) for kind in visitors.kinds}
    fields = check_section(doc, Section(("fields",), "field", fields_en, ("label", "example")), findings)
    kinds = check_section(
        doc, Section(("visitors",), "visitor", kinds_en, ("label", "introduction", "short")), findings
    )
    declared = [item.id for item in visitors.fields]
    translated: list[Visitor] = []
    for kind in visitors.kinds:
        french = kinds.get(kind.id)
        if french is None:
            translated.append(kind)
            continue
        line = doc.where(("visitors", kind.id, "introduction")).line
        introduction, found = parse_parts(french["introduction"], doc.path, line, declared, settings)
        short, found_short = parse_parts(
            french.get("short") or french["introduction"], doc.path, line, declared, settings
        )
        findings.errors.extend(found + found_short)
        translated.append(Visitor(kind.id, french["label"], introduction, short))
    new_fields = tuple(
        replace(item, label=fields[item.id]["label"], example=fields[item.id]["example"])
        if item.id in fields
        else item
        for item in visitors.fields
    )
    return Visitors(new_fields, tuple(translated), doc.path)


def _kind_english(kind: Visitor) -> dict[str, Any]:
    """What a kind of visitor's translation is made from: its words as written, placeholders and all."""
    short = "".join(_source(part) for part in kind.short) if kind.short != kind.introduction else ""
    return {
        "label": kind.label,
        "introduction": "".join(_source(part) for part in kind.introduction),
        "short": short,
    }


def _source(part: Any) -> str:
    return f"{{{{ {part.field} }}}}" if part.field is not None else str(part.text)


def script_english(script: Script) -> dict[str, Any]:
    """What a script's translation is made from: every word of it, and its body as written."""
    meta = script.meta
    fields = {item.id: {"label": item.label, "example": item.example} for item in meta.fields}
    return {
        "title": meta.title,
        "when": meta.when,
        "subject": meta.subject or "",
        "reply": meta.reply or "",
        "fields": fields,
        "body": script.body_source,
    }


def translate_scripts(
    guide: Guide, templates: Path, root: Path, language: str, settings: dict[str, str], findings: Findings
) -> tuple[Script, ...]:
    """Every script in `language`, each read from `<templates>/<language>/<id>.txt`; English where missing."""
    folder = templates / language
    english = {script.id: script for script in guide.scripts}
    if folder.is_dir():
        for path in sorted(folder.glob("*.txt")):
            if path.stem not in english:
                where = shown_path(templates, root)
                message = f"no English script '{path.stem}' in {where}; remove this file or rename it"
                findings.errors.append(Problem(shown_path(path, root), 1, 1, message))
    scripts: list[Script] = []
    for script in guide.scripts:
        path = folder / f"{script.id}.txt"
        display = shown_path(path, root)
        if not path.is_file():
            message = (
                f"script '{script.id}' has no French yet: add this file, with en: {_fingerprint(script)}"
            )
            findings.warnings.append(Problem(display, 1, 1, message))
            scripts.append(script)
            continue
        translated = _script(script, path, display, guide.visitors, settings, findings)
        scripts.append(translated or script)
    return tuple(scripts)


def _fingerprint(script: Script) -> str:
    return fingerprint(script_english(script))


def _script(
    script: Script, path: Path, display: str, visitors: Visitors, settings: dict[str, str], findings: Findings
) -> Script | None:
    """One translated script: its front matter checked against the English, its body parsed and counted."""
    try:
        lines = read_text(path, display).split("\n")
    except SourceError as err:
        findings.errors.extend(err.problems)
        return None
    closing = front_matter_end(lines) if FRONT_MATTER_START.match(lines[0]) else None
    if closing is None:
        findings.errors.append(
            Problem(display, 1, 1, "a script starts with front matter between two '---' lines")
        )
        return None
    try:
        doc = parse_yaml("\n".join(lines[1:closing]) or " ", display, line_offset=1)
    except SourceError as err:
        findings.errors.extend(err.problems)
        return None
    first = closing + 1
    while first < len(lines) and not lines[first].strip():
        first += 1
    body = "\n".join(lines[first:]).rstrip()
    if not isinstance(doc.data, dict):
        findings.errors.append(
            doc.problem((), f"the front matter must be a mapping, not {describe(doc.data)}")
        )
        return None
    entry = {key: value for key, value in doc.data.items() if key != "id"}
    if doc.data.get("id", script.id) != script.id:
        message = f"the id must be '{script.id}', as the file name and the English say"
        findings.errors.append(doc.problem(("id",), message))
    english = script_english(script)
    section = Section((), "script", {script.id: english}, (*SCRIPT_KEYS[:4], "fields"), ignored=("budget",))
    label = f"script '{script.id}'"
    before = len(findings.errors)
    if not check_entry(doc, (), label, entry, section, english, findings):
        return None
    missing, extra = (
        jinja_names(script.body_source) - jinja_names(body),
        jinja_names(body) - jinja_names(script.body_source),
    )
    for names, how in (
        (extra, "uses {}, which the English does not"),
        (missing, "leaves out {}, which the English uses"),
    ):
        if names:
            shown = ", ".join(f"'{{{{ {name} }}}}'" for name in sorted(names))
            line, col = _where_used(body, names) if names is extra else (0, 1)
            message = f"{label}: the body {how.format(shown)}"
            findings.errors.append(Problem(display, first + 1 + line, col, message))
    if len(findings.errors) > before:
        return None
    return _build(script, entry, doc, display, first + 1, body, visitors, settings, findings)


def _where_used(body: str, names: set[str]) -> tuple[int, int]:
    """The line (from 0) and column (from 1) in the body of the first placeholder among `names`."""
    for number, text in enumerate(body.split("\n")):
        for found in re.finditer(r"\{\{\s*([\w.]+)\s*\}\}", text):
            if found[1] in names:
                return number, found.start() + 1
    return 0, 1


def _build(
    script: Script,
    french: dict[str, Any],
    doc: YamlDocument,
    display: str,
    first_line: int,
    body: str,
    visitors: Visitors,
    settings: dict[str, str],
    findings: Findings,
) -> Script | None:
    """The translated script, if its French fits its French budget with every kind's introduction."""
    meta = script.meta
    budget = french.get("budget")
    if (
        not isinstance(budget, dict)
        or set(budget) != {meta.budget.unit}
        or not isinstance(budget.get(meta.budget.unit), int)
    ):
        unit = meta.budget.unit
        message = f"give the French its own budget, in {unit} like the English: budget: {{{unit}: <number>}}"
        findings.errors.append(doc.problem(("budget",) if "budget" in doc.data else (), message))
        return None
    fields = [
        replace(item, label=french["fields"][item.id]["label"], example=french["fields"][item.id]["example"])
        for item in meta.fields
    ]
    new_meta = replace(
        meta,
        title=french["title"],
        when=french["when"],
        subject=french.get("subject") or None,
        reply=french.get("reply") or None,
        budget=Budget(**{meta.budget.unit: budget[meta.budget.unit]}),
        fields=fields,
    )
    declared = [item.id for item in fields]
    phrases = PHRASES if visitors.kinds else ()
    subject_line = doc.where(("subject",)).line
    subject, found = parse_parts(new_meta.subject or "", display, subject_line, declared, settings, phrases)
    body_parts, found_body = parse_parts(body, display, first_line, declared, settings, phrases)
    if found or found_body:
        findings.errors.extend(found + found_body)
        return None
    examples: dict[str, str] = {**visitors.examples(), **{item.id: item.example for item in fields}}
    kinds = visitors.kinds if any(part.phrase for part in body_parts) else (None,)
    for kind in kinds:
        length = count(fill(body_parts, examples, kind), new_meta.budget.unit)
        if length > new_meta.budget.limit:
            who = f"with the French introduction of visitor '{kind.id}', " if kind else ""
            message = (
                f"{who}the French example text is {length} {new_meta.budget.unit}, over its budget of "
                f"{new_meta.budget.limit}; shorten the French or raise its budget"
            )
            findings.errors.append(doc.problem(("budget",), message))
            return None
    return Script(new_meta, subject, body_parts, body, display)
