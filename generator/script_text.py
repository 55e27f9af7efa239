"""Outreach script bodies: parse the Jinja text into literal parts and fields, fill and count them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment

from .errors import Problem, known
from .model import Part

_ENV = SandboxedEnvironment(autoescape=False, keep_trailing_newline=False)
_ONLY_FIELDS = "only '{{ field_id }}' placeholders are allowed in a script"


def parse_parts(
    source: str,
    path: str,
    first_line: int,
    declared: Iterable[str],
    settings: Mapping[str, str] | None = None,
) -> tuple[tuple[Part, ...], list[Problem]]:
    """Split a script's Jinja text into parts, reporting syntax errors and unknown fields.

    `{{ institution.name }}` and the other institution settings become literal text.
    """
    declared = list(declared)
    settings = settings or {}
    lines = source.split("\n")
    try:
        tree = _ENV.parse(source)
    except TemplateSyntaxError as err:
        line = first_line + (err.lineno or 1) - 1
        return (), [Problem(path, line, 1, f"template syntax error: {err.message}")]
    parts: list[Part] = []
    problems: list[Problem] = []
    for statement in tree.body:
        if not isinstance(statement, nodes.Output):
            line = first_line + statement.lineno - 1
            problems.append(Problem(path, line, 1, f"{_ONLY_FIELDS}, not '{{% ... %}}' blocks"))
            continue
        for node in statement.nodes:
            line = first_line + node.lineno - 1
            if isinstance(node, nodes.TemplateData):
                parts.append(Part(text=node.data))
            elif isinstance(node, nodes.Name):
                col = _column(lines[node.lineno - 1], node.name)
                if node.name not in declared:
                    message = (
                        f"unknown field '{node.name}' {known(declared, node.name)}; declare it under 'fields'"
                    )
                    problems.append(Problem(path, line, col, message))
                parts.append(Part(field=node.name))
            elif _is_setting(node):
                assert isinstance(node, nodes.Getattr)
                if node.attr in settings:
                    parts.append(Part(text=settings[node.attr]))
                else:
                    col = _column(lines[node.lineno - 1], "institution")
                    message = f"unknown setting 'institution.{node.attr}' {known(settings, node.attr)}"
                    problems.append(Problem(path, line, col, message))
            else:
                problems.append(Problem(path, line, 1, f"{_ONLY_FIELDS}, with no filters or expressions"))
    return merged(parts), problems


def _is_setting(node: nodes.Node) -> bool:
    """Whether a node reads an institution setting, as in `{{ institution.name }}`."""
    return (
        isinstance(node, nodes.Getattr)
        and isinstance(node.node, nodes.Name)
        and node.node.name == "institution"
    )


def fill(parts: Iterable[Part], values: Mapping[str, str]) -> str:
    """The script text with each field replaced by its value."""
    return "".join(part.text if part.field is None else values[part.field] for part in parts)


def merged(parts: Iterable[Part]) -> tuple[Part, ...]:
    """Parts with neighbouring literal texts joined into one."""
    result: list[Part] = []
    for part in parts:
        if part.field is None and result and result[-1].field is None:
            result[-1] = Part(text=result[-1].text + part.text)
        else:
            result.append(part)
    return tuple(result)


def fields_used(parts: Iterable[Part]) -> set[str]:
    """The ids of the fields a script's parts refer to."""
    return {part.field for part in parts if part.field is not None}


def count(text: str, unit: str) -> int:
    """The length of a text in words or in characters."""
    return len(text.split()) if unit == "words" else len(text)


def _column(line: str, name: str) -> int:
    """The 1-based column of a placeholder naming `name` on a line."""
    match = re.search(r"\{\{-?\s*" + re.escape(name) + r"\b", line)
    return match.start() + 1 if match else 1
