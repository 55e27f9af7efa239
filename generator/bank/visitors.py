"""Who visitors can be (visitors.yaml): the kinds the studio offers, and each one's introduction."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

from ..errors import Problem, SourceError, describe, known
from ..model import Field, Visitor, VisitorKind, Visitors
from . import schema
from .script_text import parse_parts
from .source import YamlDocument, parse_yaml, read_text
from .validate import validate_entry

KEYS = ("fields", "visitors")
E = TypeVar("E", schema.Field, schema.VisitorKind)


def load_visitors(path: Path, display: str, settings: Mapping[str, str], problems: list[Problem]) -> Visitors:
    """Read and check visitors.yaml, every entry on its own; a guide without the file has no kinds."""
    if not path.is_file():
        return Visitors()
    try:
        doc = parse_yaml(read_text(path, display), display)
    except SourceError as err:
        problems.extend(err.problems)
        return Visitors()
    if not isinstance(doc.data, dict):
        message = (
            f"visitors.yaml must be a mapping with the keys fields and visitors, not {describe(doc.data)}"
        )
        problems.append(doc.problem((), message))
        return Visitors()
    before = len(problems)
    for key in doc.data:
        if key not in KEYS:
            problems.append(doc.problem((key,), f"unknown key '{key}' {known(KEYS, key)}", key=True))
    fields: list[tuple[int, Field]] = _entries(doc, "fields", schema.Field, "field", problems, required=False)
    entries: list[tuple[int, VisitorKind]] = _entries(
        doc, "visitors", schema.VisitorKind, "visitor", problems
    )
    kinds = [_kind(doc, index, kind, fields, settings, problems) for index, kind in entries]
    used = {field_id for kind in kinds for field_id in kind.field_ids}
    for index, item in fields:
        if item.id not in used:
            message = f"field '{item.id}' is declared but no visitor's introduction uses it"
            problems.append(doc.problem(("fields", index, "id"), message))
    if len(problems) > before:
        return Visitors()
    return Visitors(tuple(item for _index, item in fields), tuple(kinds), display)


def _entries(
    doc: YamlDocument, key: str, model: type[E], noun: str, problems: list[Problem], required: bool = True
) -> list[tuple[int, Any]]:
    """The valid entries of one list, with their positions; each mistake, and each repeated id, reported."""
    items = doc.data.get(key)
    if items is None and not required:
        return []
    if not isinstance(items, list) or not items:
        problems.append(
            doc.problem(
                (key,) if key in doc.data else (),
                f"'{key}' must be a list with at least one entry, not {describe(items)}",
            )
        )
        return []
    valid: list[tuple[int, Any]] = []
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        ident = item.get("id") if isinstance(item, dict) else None
        label = f"{noun} '{ident}'" if isinstance(ident, str) else f"{noun} {index + 1}"
        checked, found = validate_entry(model, doc, (key, index), label)
        problems.extend(found)
        if checked is None:
            continue
        if checked.id in first:
            line = doc.where((key, first[checked.id], "id")).line
            message = f"duplicate {noun} id '{checked.id}' (first used on line {line})"
            problems.append(doc.problem((key, index, "id"), message))
            continue
        first[checked.id] = index
        valid.append((index, schema.to_model(checked)))
    return valid


def _kind(
    doc: YamlDocument,
    index: int,
    kind: VisitorKind,
    fields: list[tuple[int, Field]],
    settings: Mapping[str, str],
    problems: list[Problem],
) -> Visitor:
    """One kind of visitor, its introduction and brief form parsed like a script's text."""
    declared = [item.id for _index, item in fields]
    phrases = []
    for key, text in (("introduction", kind.introduction), ("short", kind.short or kind.introduction)):
        where = doc.where(("visitors", index, key if key == "introduction" or kind.short else "introduction"))
        parts, found = parse_parts(text, doc.path, where.line, declared, settings)
        if key == "short" and not kind.short:
            found = []  # the introduction stands in for it, and its problems are reported once
        for problem in found:  # a phrase is one line of the file: place its problems on it
            message = f"visitor '{kind.id}', {key}: {problem.message}"
            problems.append(Problem(problem.path, where.line, where.col, message))
        phrases.append(parts)
    return Visitor(kind.id, kind.label, phrases[0], phrases[1])
