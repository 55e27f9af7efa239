"""Who visitors can be (visitors.yaml): the kinds the studio offers, and each one's introduction."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..errors import Problem, SourceError
from ..model import Field, Visitor, Visitors, VisitorsFile
from . import schema
from .script_text import parse_parts
from .source import YamlDocument, parse_yaml, read_text
from .validate import describe, validate_entry


def load_visitors(path: Path, display: str, settings: Mapping[str, str], problems: list[Problem]) -> Visitors:
    """Read and check visitors.yaml; a guide without the file has no kinds of visitor."""
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
    checked, found = validate_entry(schema.VisitorsFile, doc, ())
    problems.extend(found)
    if checked is None:
        return Visitors()
    data: VisitorsFile = schema.to_model(checked)
    before = len(problems)
    _refuse_repeats(doc, "fields", [item.id for item in data.fields], "field", problems)
    _refuse_repeats(doc, "visitors", [kind.id for kind in data.visitors], "kind of visitor", problems)
    kinds = [_kind(doc, index, data.fields, settings, problems) for index in range(len(data.visitors))]
    used = {field_id for kind in kinds for field_id in kind.field_ids}
    for index, item in enumerate(data.fields):
        if item.id not in used:
            message = f"field '{item.id}' is declared but no visitor's introduction uses it"
            problems.append(doc.problem(("fields", index, "id"), message))
    if len(problems) > before:
        return Visitors()
    return Visitors(tuple(data.fields), tuple(kinds), display)


def _kind(
    doc: YamlDocument, index: int, fields: list[Field], settings: Mapping[str, str], problems: list[Problem]
) -> Visitor:
    """One kind of visitor, its introduction and brief form parsed like a script's text."""
    entry = doc.data["visitors"][index]
    phrases = []
    for key in ("introduction", "short"):
        where = doc.where(("visitors", index, key))
        declared = [item.id for item in fields]
        text = str(entry.get(key) or entry["introduction"])
        parts, found = parse_parts(text, doc.path, where.line, declared, settings)
        for problem in found:  # a phrase is one line of the file: place its problems on it
            message = f"visitor '{entry['id']}', {key}: {problem.message}"
            problems.append(Problem(problem.path, where.line, where.col, message))
        phrases.append(parts)
    return Visitor(str(entry["id"]), str(entry["label"]).strip(), phrases[0], phrases[1])


def _refuse_repeats(doc: YamlDocument, key: str, ids: list[str], noun: str, problems: list[Problem]) -> None:
    """Report every id given twice in one list of visitors.yaml."""
    first: dict[str, int] = {}
    for index, ident in enumerate(ids):
        if ident in first:
            line = doc.where((key, first[ident], "id")).line
            problems.append(
                doc.problem((key, index, "id"), f"duplicate {noun} id '{ident}' (first used on line {line})")
            )
        else:
            first.setdefault(ident, index)
