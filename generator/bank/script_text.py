"""Outreach script bodies: parse the Jinja text into literal parts and fields, fill and count them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment

from ..errors import Problem, known
from ..model import Part, Visitor

_ENV = SandboxedEnvironment(autoescape=False, keep_trailing_newline=False)
_ONLY_FIELDS = "only '{{ field_id }}' placeholders are allowed in a script"
PHRASES = ("introduction", "short")
"""The phrases of who the visitor is that a script may use: `{{ you.introduction }}`, `{{ you.short }}`."""


def parse_parts(
    source: str,
    path: str,
    first_line: int,
    declared: Iterable[str],
    settings: Mapping[str, str] | None = None,
    phrases: Iterable[str] = (),
) -> tuple[tuple[Part, ...], list[Problem]]:
    """Split a script's Jinja text into parts, reporting syntax errors and unknown fields.

    `{{ institution.name }}` and the other institution settings become literal text; `{{ you.x }}`
    becomes a phrase part when `x` is one of `phrases` (none when the guide lists no visitors).
    """
    declared = list(declared)
    settings = settings or {}
    phrases = list(phrases)
    simple = _simple_parts(source, declared, settings, phrases)
    if simple is not None:
        return simple, []
    return jinja_parts(source, path, first_line, declared, settings, phrases)


def jinja_parts(
    source: str,
    path: str,
    first_line: int,
    declared: list[str],
    settings: Mapping[str, str],
    phrases: list[str] | None = None,
) -> tuple[tuple[Part, ...], list[Problem]]:
    """`parse_parts` by Jinja's parser, for any text: the parts, and each problem with its position."""
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
            elif _is_attribute(node, "you"):
                assert isinstance(node, nodes.Getattr)
                if node.attr in (phrases or ()):
                    parts.append(Part(phrase=node.attr))
                else:
                    col = _column(lines[node.lineno - 1], "you")
                    problems.append(Problem(path, line, col, _unknown_phrase(node.attr, phrases or [])))
            elif _is_attribute(node, "institution"):
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


_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_SETTING_OR_FIELD = (
    r"(?:institution\.(?P<setting>" + _NAME + r")|you\.(?P<phrase>" + _NAME + r")|(?P<field>" + _NAME + r"))"
)
_PLACEHOLDER = re.compile(r"\{\{[ \t\n]*" + _SETTING_OR_FIELD + r"[ \t\n]*\}\}")
_JINJA_MARKS = ("{{", "{%", "{#")
_NOT_NAMES = {"true", "false", "none", "True", "False", "None", "and", "or", "not", "in", "is", "if", "else"}


def _simple_parts(
    source: str, declared: list[str], settings: Mapping[str, str], phrases: list[str]
) -> tuple[Part, ...] | None:
    """The parts of a text whose only Jinja is known `{{ field }}` and `{{ institution.x }}`; else None.

    Scripts are nearly always this simple, and splitting them with one pattern is ten times quicker
    than Jinja's parser. Anything else (blocks, comments, filters, unknown names, whitespace control)
    returns None and goes to the parser, which gives the same parts and every problem's position.
    """
    if source.endswith("\n"):
        source = source[:-1]  # as Jinja does without keep_trailing_newline
    parts: list[Part] = []
    end = 0
    for match in _PLACEHOLDER.finditer(source):
        if source[match.start() - 1 : match.start()] == "{":
            return None  # '{{{': Jinja's tag starts one brace earlier
        parts.append(Part(text=source[end : match.start()]))
        field, setting, phrase = match["field"], match["setting"], match["phrase"]
        if field is not None and field in declared and field not in _NOT_NAMES:
            parts.append(Part(field=field))
        elif setting is not None and setting in settings:
            parts.append(Part(text=settings[setting]))
        elif phrase is not None and phrase in phrases:
            parts.append(Part(phrase=phrase))
        else:
            return None
        end = match.end()
    parts.append(Part(text=source[end:]))
    if any(_is_text(part) and mark in part.text for part in parts for mark in _JINJA_MARKS):
        return None
    return merged(part for part in parts if not _is_text(part) or part.text)


def _is_attribute(node: nodes.Node, name: str) -> bool:
    """Whether a node reads an attribute of `name`, as `{{ institution.name }}` or `{{ you.short }}`."""
    return isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name) and node.node.name == name


def _unknown_phrase(phrase: str, phrases: list[str]) -> str:
    """The message for a `{{ you.x }}` the guide cannot fill."""
    if not phrases:
        return (
            f"'{{{{ you.{phrase} }}}}' needs the kinds of visitor listed in visitors.yaml, "
            "and this guide has none; add that file or write the words out"
        )
    return f"unknown phrase 'you.{phrase}' {known([f'you.{name}' for name in phrases], f'you.{phrase}')}"


def with_visitor(parts: Iterable[Part], visitor: Visitor | None) -> tuple[Part, ...]:
    """The parts with each phrase replaced by the visitor's own parts (by nothing when there is none)."""
    expanded: list[Part] = []
    for part in parts:
        if part.phrase is None:
            expanded.append(part)
        elif visitor is not None:
            expanded.extend(visitor.phrase(part.phrase))
    return merged(expanded)


def fill(parts: Iterable[Part], values: Mapping[str, str], visitor: Visitor | None = None) -> str:
    """The script text with each field replaced by its value, and each phrase by the visitor's."""
    return "".join(
        part.text if part.field is None else values[part.field] for part in with_visitor(parts, visitor)
    )


def _is_text(part: Part) -> bool:
    """Whether a part is literal text (neither a field nor a phrase)."""
    return part.field is None and part.phrase is None


def merged(parts: Iterable[Part]) -> tuple[Part, ...]:
    """Parts with neighbouring literal texts joined into one."""
    result: list[Part] = []
    for part in parts:
        if _is_text(part) and result and _is_text(result[-1]):
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
