"""Read and check the question bank, the outreach scripts and the pages into one Guide, with every problem.

This is where pydantic is imported: `load.py` comes here only when an input changed since the last build.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar, get_args

from ..errors import GuideError, Problem, SourceError, describe, known, shown_path
from ..model import Checklist, Guide, Institution, Moment, Part, Script, ScriptFrontMatter, Visitors
from . import schema
from .checklists import scan_checklists
from .institution import load_institution
from .parse_cache import CACHE_DIR, parse_yaml_cached
from .project import DEFAULT_VISITORS, Project
from .prose import FRONT_MATTER_START, check_placeholders, front_matter_end, markdown_pages
from .script_text import PHRASES, count, fields_used, fill, parse_parts
from .source import Loc, YamlDocument, parse_yaml, read_text
from .validate import validate_entry
from .visitors import load_visitors

E = TypeVar("E", schema.TagGroup, schema.Category, schema.Question)

BANK_KEYS = ("tags", "categories", "questions")
SCRIPT_SUFFIX = ".txt"
MOMENTS: tuple[str, ...] = get_args(Moment)


def load_checked(project: Project) -> Guide:
    """Read and check the guide a mkdocs.yml describes, with its institution settings and prose checks."""
    docs = {path.relative_to(project.docs_dir).as_posix() for path in project.docs_dir.rglob("*")}
    institution, problems = load_institution(project.doc, docs)
    try:
        root, parsed = project.root, project.root / CACHE_DIR
        guide = load_guide(
            project.bank, project.templates, root, project.docs_dir, institution, parsed, project.visitors
        )
    except GuideError as err:
        raise GuideError([*problems, *err.problems]) from None
    if problems:
        raise GuideError(problems)
    return guide


def load_guide(
    bank: Path,
    templates: Path,
    root: Path,
    docs_dir: Path | None = None,
    institution: Institution | None = None,
    parse_cache: Path | None = None,
    visitors_file: Path | None = None,
) -> Guide:
    """Load and validate everything; raise GuideError listing every problem found.

    With `parse_cache`, a folder, an unchanged bank is read from what it parsed to last time. The kinds
    of visitor are read from `visitors_file`, by default visitors.yaml in `root` (none if it is absent).
    """
    institution = institution or Institution()
    problems: list[Problem] = []
    tag_groups, categories, questions = _load_bank(bank, shown_path(bank, root), problems, parse_cache)
    settings = institution.placeholders()
    visitors_file = visitors_file or root / DEFAULT_VISITORS
    visitors = load_visitors(visitors_file, shown_path(visitors_file, root), settings, problems)
    scripts = _load_scripts(templates, root, settings, visitors, problems)
    checklists: list[Checklist] = []
    if docs_dir is not None:
        docs_display = shown_path(docs_dir, root)
        checklists, found = scan_checklists(docs_dir, docs_display)
        problems.extend(found)
        keys = list(institution.placeholders())
        for page in markdown_pages(docs_dir):
            display = f"{docs_display}/{page.relative_to(docs_dir).as_posix()}"
            problems.extend(check_placeholders(page.read_text(encoding="utf-8-sig"), display, keys))
    if problems:
        raise GuideError(problems)
    return Guide(
        tuple(schema.to_model(group) for group in tag_groups),
        tuple(schema.to_model(category) for category in categories),
        tuple(schema.to_model(question) for question in questions),
        tuple(scripts),
        tuple(checklists),
        institution,
        visitors,
    )


def _load_bank(
    path: Path, display: str, problems: list[Problem], parse_cache: Path | None = None
) -> tuple[list[schema.TagGroup], list[schema.Category], list[schema.Question]]:
    """Read question_bank.yaml into tag groups, categories and questions."""
    try:
        doc = parse_yaml_cached(read_text(path, display), display, parse_cache)
    except SourceError as err:
        problems.extend(err.problems)
        return [], [], []
    if not isinstance(doc.data, dict):
        message = (
            f"the question bank must be a mapping with keys {', '.join(BANK_KEYS)}, not {describe(doc.data)}"
        )
        problems.append(doc.problem((), message))
        return [], [], []
    for key in doc.data:
        if key not in BANK_KEYS:
            problems.append(doc.problem((key,), f"unknown key '{key}' {known(BANK_KEYS, key)}", key=True))
    tag_groups = _entries(doc, "tags", schema.TagGroup, "tag group", problems)
    categories = _entries(doc, "categories", schema.Category, "category", problems)
    questions = _entries(doc, "questions", schema.Question, "question", problems)
    for index, group in enumerate(tag_groups):
        loc = ("tags", _indexes(doc, "tags").get(group.id, index), "values")
        _unique(
            doc,
            loc,
            [value.id for value in group.values],
            f"value in tag group '{group.id}'",
            problems,
        )
    _check_questions(doc, tag_groups, categories, questions, problems)
    return tag_groups, categories, questions


def _entries(doc: YamlDocument, key: str, model: type[E], noun: str, problems: list[Problem]) -> list[E]:
    """Validate each entry of one top-level list on its own, so every mistake is reported."""
    items = doc.data.get(key)
    if key not in doc.data:
        problems.append(doc.problem((), f"missing required key '{key}'"))
        return []
    if not isinstance(items, list) or not items:
        problems.append(
            doc.problem((key,), f"'{key}' must be a list with at least one entry, not {describe(items)}")
        )
        return []
    valid: list[E] = []
    for index, item in enumerate(items):
        label = (
            f"{noun} '{item['id']}'"
            if isinstance(item, dict) and isinstance(item.get("id"), str)
            else f"{noun} {index + 1}"
        )
        entry, found = validate_entry(model, doc, (key, index), label)
        problems.extend(found)
        if entry is not None:
            valid.append(entry)
    _unique(doc, (key,), [entry.id for entry in valid], noun, problems)
    return valid


def _unique(doc: YamlDocument, loc: Loc, ids: Sequence[str], noun: str, problems: list[Problem]) -> None:
    """Report every id used more than once in one list."""
    first_seen: dict[str, int] = {}
    valid = set(ids)  # a set: `in` on the list made this quadratic (16 s of a 10,000-question load)
    items = _at(doc.data, loc)
    for index, item in enumerate(items):
        ident = item.get("id") if isinstance(item, dict) else None
        if not isinstance(ident, str) or ident not in valid:
            continue
        if ident in first_seen:
            first_line = doc.where((*loc, first_seen[ident], "id")).line
            message = f"duplicate {noun} id '{ident}' (first used on line {first_line})"
            problems.append(doc.problem((*loc, index, "id"), message))
        else:
            first_seen[ident] = index


def _check_questions(
    doc: YamlDocument,
    tag_groups: Iterable[schema.TagGroup],
    categories: Iterable[schema.Category],
    questions: Iterable[schema.Question],
    problems: list[Problem],
) -> None:
    """Cross-check questions against the declared categories and tag vocabularies."""
    category_ids = [category.id for category in categories]
    indexes = _indexes(doc, "questions")
    vocabularies = {group.id: [value.id for value in group.values] for group in tag_groups}
    texts: dict[str, str] = {}
    for question in questions:
        loc: Loc = ("questions", indexes[question.id])
        label = f"question '{question.id}'"
        if question.id in category_ids:
            problems.append(
                doc.problem((*loc, "id"), f"{label}: this id is also a category id; choose another")
            )
        if category_ids and question.category not in category_ids:
            hint = known(category_ids, question.category)
            problems.append(
                doc.problem((*loc, "category"), f"{label}: unknown category '{question.category}' {hint}")
            )
        for group_id, values in question.tags.items():
            if group_id not in vocabularies:
                hint = known(vocabularies, group_id)
                problems.append(
                    doc.problem(
                        (*loc, "tags", group_id),
                        f"{label}: unknown tag group '{group_id}' {hint}",
                        key=True,
                    )
                )
                continue
            for position, value in enumerate(values):
                if value not in vocabularies[group_id]:
                    hint = known(vocabularies[group_id], value)
                    where = (*loc, "tags", group_id, position)
                    problems.append(doc.problem(where, f"{label}: unknown {group_id} '{value}' {hint}"))
        same = " ".join(question.text.lower().split())
        if same in texts:
            problems.append(
                doc.problem((*loc, "text"), f"{label}: the same text as question '{texts[same]}'")
            )
        else:
            texts[same] = question.id
    used = {question.category for question in questions}
    if not used <= set(category_ids):
        return
    for index, category_id in enumerate(category_ids):
        if questions and category_id not in used:
            where = ("categories", _indexes(doc, "categories").get(category_id, index), "id")
            problems.append(doc.problem(where, f"category '{category_id}' has no questions yet"))


def _indexes(doc: YamlDocument, key: str) -> dict[str, int]:
    """The position of the first entry with each id in a top-level list."""
    found: dict[str, int] = {}
    for index, item in enumerate(doc.data.get(key) or []):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            found.setdefault(item["id"], index)
    return found


def _at(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data


def _load_scripts(
    folder: Path, root: Path, settings: dict[str, str], visitors: Visitors, problems: list[Problem]
) -> list[Script]:
    """Read every script file in the templates folder, in file-name order."""
    display = shown_path(folder, root)
    if not folder.is_dir():
        problems.append(Problem(display, 1, 1, "the outreach scripts folder does not exist"))
        return []
    scripts: list[Script] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        if path.suffix != SCRIPT_SUFFIX:
            message = f"only '{SCRIPT_SUFFIX}' script files belong here; rename or move this file"
            problems.append(Problem(shown_path(path, root), 1, 1, message))
            continue
        script = _load_script(path, shown_path(path, root), settings, visitors, problems)
        if script is not None:
            scripts.append(script)
    scripts.sort(key=lambda script: (MOMENTS.index(script.meta.moment), script.id))
    if not scripts and not problems:
        problems.append(
            Problem(display, 1, 1, f"no outreach scripts found (files ending in '{SCRIPT_SUFFIX}')")
        )
    return scripts


def _load_script(
    path: Path, display: str, settings: dict[str, str], visitors: Visitors, problems: list[Problem]
) -> Script | None:
    """Read one script: front matter, then a Jinja body of text and fields."""
    try:
        text = read_text(path, display)
    except SourceError as err:
        problems.extend(err.problems)
        return None
    lines = text.split("\n")
    if not FRONT_MATTER_START.match(lines[0]):
        problems.append(
            Problem(display, 1, 1, "a script must start with a line '---' opening its front matter")
        )
        return None
    closing = front_matter_end(lines)
    if closing is None:
        problems.append(Problem(display, 1, 1, "the front matter is not closed: add a line '---' after it"))
        return None
    try:
        doc = parse_yaml("\n".join(lines[1:closing]) or " ", display, line_offset=1)
    except SourceError as err:
        problems.extend(err.problems)
        return None
    if not isinstance(doc.data, dict):
        problems.append(
            doc.problem(
                (),
                f"the front matter must be a mapping of keys to values, not {describe(doc.data)}",
            )
        )
        return None
    checked, found = validate_entry(schema.ScriptFrontMatter, doc, ())
    problems.extend(found)
    if checked is None:
        return None
    meta: ScriptFrontMatter = schema.to_model(checked)
    return _build_script(meta, doc, path, lines, closing, settings, visitors, problems)


def _build_script(
    meta: ScriptFrontMatter,
    doc: YamlDocument,
    path: Path,
    lines: list[str],
    closing: int,
    settings: dict[str, str],
    visitors: Visitors,
    problems: list[Problem],
) -> Script | None:
    """Check a script's own rules and parse its subject and body."""
    before = len(problems)
    display = doc.path
    if meta.id != path.stem:
        problems.append(
            doc.problem(
                ("id",),
                f"the id '{meta.id}' must match the file name '{path.name}' "
                f"(use '{path.stem}', or rename the file)",
            )
        )
    _subject_rules(meta, doc, problems)
    if meta.fields:  # a script without blanks may leave out 'fields'
        _unique(doc, ("fields",), [field.id for field in meta.fields], "field", problems)
    declared = [field.id for field in meta.fields]
    phrases = PHRASES if visitors.kinds else ()
    subject_parts, subject_problems = parse_parts(
        meta.subject or "", display, doc.where(("subject",)).line, declared, settings, phrases
    )
    first, body = _body(lines, closing)
    if not body:
        problems.append(Problem(display, closing + 1, 1, "the script has no text after its front matter"))
        return None
    body_parts, body_problems = parse_parts(body, display, first, declared, settings, phrases)
    problems.extend(subject_problems + body_problems)
    used = fields_used(subject_parts) | fields_used(body_parts)
    for index, field in enumerate(meta.fields):
        if not subject_problems and not body_problems and field.id not in used:
            message = f"field '{field.id}' is declared but never used in the subject or body"
            problems.append(doc.problem(("fields", index, "id"), message))
    _same_as_visitors(meta, doc, visitors, problems)
    if len(problems) > before:
        return None
    if not _within_budget(meta, doc, body_parts, visitors, problems):
        return None
    return Script(meta, subject_parts, body_parts, body, display)


def _same_as_visitors(
    meta: ScriptFrontMatter, doc: YamlDocument, visitors: Visitors, problems: list[Problem]
) -> None:
    """A script field that visitors.yaml also declares must read the same, since the studio asks it once."""
    theirs = {item.id: item for item in visitors.fields}
    for index, item in enumerate(meta.fields):
        other = theirs.get(item.id)
        if other is not None and (other.label, other.example) != (item.label, item.example):
            message = (
                f"field '{item.id}' is also a detail of {visitors.path}, as '{other.label}' "
                f"(for example, {other.example}); give it the same label and example here"
            )
            problems.append(doc.problem(("fields", index, "id"), message))


def _within_budget(
    meta: ScriptFrontMatter,
    doc: YamlDocument,
    body: tuple[Part, ...],
    visitors: Visitors,
    problems: list[Problem],
) -> bool:
    """Whether the body filled with its examples fits the budget, with every kind's introduction."""
    examples = {**visitors.examples(), **{field.id: field.example for field in meta.fields}}
    uses_phrase = any(part.phrase is not None for part in body)
    fits = True
    for kind in visitors.kinds if uses_phrase else (None,):
        length = count(fill(body, examples, kind), meta.budget.unit)
        if length <= meta.budget.limit:
            continue
        fits = False
        who = f"with the introduction of visitor '{kind.id}' ({visitors.path}), " if kind else ""
        message = (
            f"{who}the example text is {length} {meta.budget.unit}, over the budget of {meta.budget.limit}; "
            "shorten the body or raise the budget"
        )
        problems.append(doc.problem(("budget",), message))
    return fits


def _subject_rules(meta: ScriptFrontMatter, doc: YamlDocument, problems: list[Problem]) -> None:
    """An email has a subject, or is sent as a reply in its thread; other channels have neither."""
    if meta.channel != "email":
        for key, value in (("subject", meta.subject), ("reply", meta.reply)):
            if value is not None:
                message = f"'{key}' is only for email scripts, not {meta.channel}"
                problems.append(doc.problem((key,), message, key=True))
        return
    if meta.subject is None and meta.reply is None:
        message = "an email script needs a 'subject', or 'reply' naming the message it answers"
        problems.append(doc.problem((), message))
    if meta.subject is not None and meta.reply is not None:
        message = "a reply keeps its thread's subject: remove 'subject', or 'reply' to send a new email"
        problems.append(doc.problem(("subject",), message, key=True))
    if meta.reply is not None and "{{" in meta.reply:
        message = "'reply' is plain text naming the message it answers, such as 'your first email': no fields"
        problems.append(doc.problem(("reply",), message))


def _body(lines: list[str], closing: int) -> tuple[int, str]:
    """The script body after the front matter, and the file line it starts on."""
    first = closing + 1
    while first < len(lines) and not lines[first].strip():
        first += 1
    return first + 1, "\n".join(lines[first:]).rstrip()
