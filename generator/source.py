"""Read text and YAML safely, keeping the line and column of every value."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

Loc = tuple[str | int, ...]

_YAML = "tag:yaml.org,2002:"
_PLAIN_SCALARS = {_YAML + name for name in ("str", "int", "float", "bool", "null")}
_TAB_HINT = "a tab character is used for indentation here; indent with spaces instead"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SourceError(Exception):
    """A file could not be read or parsed; carries every problem found."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class Position:
    """A 1-based line and column."""

    line: int
    col: int


@dataclass
class YamlDocument:
    """Plain Python data read from YAML, with where each key and value came from."""

    path: str
    data: Any
    values: dict[Loc, Position] = field(default_factory=dict)
    keys: dict[Loc, Position] = field(default_factory=dict)

    def where(self, loc: Loc, *, key: bool = False) -> Position:
        """The position of the value (or key) at `loc`, or of its nearest enclosing node."""
        if key and loc in self.keys:
            return self.keys[loc]
        while loc not in self.values and loc:
            loc = loc[:-1]
        return self.values.get(loc, Position(1, 1))

    def problem(self, loc: Loc, message: str, *, key: bool = False) -> Problem:
        """A problem located at `loc`."""
        pos = self.where(loc, key=key)
        return Problem(self.path, pos.line, pos.col, message)


def read_text(path: Path, display: str) -> str:
    """A file's text: UTF-8 (a BOM is fine), newlines normalised, not empty."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise SourceError(Problem(display, 1, 1, f"cannot read the file: {err.strerror}")) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        col = err.start - (before.rfind(b"\n") + 1) + 1
        message = (
            f"the file is not UTF-8 text (byte 0x{raw[err.start]:02X} cannot be read); "
            "save it with UTF-8 encoding"
        )
        raise SourceError(Problem(display, line, col, message)) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(Problem(display, 1, 1, "the file is empty"))
    return text


def parse_yaml(text: str, display: str, *, line_offset: int = 0, foreign_tags: bool = False) -> YamlDocument:
    """Parse one YAML document into plain data, refusing duplicate keys and non-standard tags.

    With `foreign_tags`, values with other tags (such as MkDocs' !ENV) are kept as None instead.
    """
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
        loader.dispose()
    except yaml.MarkedYAMLError as err:
        raise SourceError(_syntax_problem(err, text, display, line_offset)) from None
    except yaml.YAMLError as err:
        raise SourceError(_reader_problem(err, text, display, line_offset)) from None
    if node is None:
        raise SourceError(Problem(display, 1 + line_offset, 1, "there is nothing here but comments"))
    converter = _Converter(YamlDocument(display, None), loader, line_offset, foreign_tags)
    converter.doc.data = converter.convert(node, ())
    if converter.problems:
        raise SourceError(*converter.problems)
    return converter.doc


def _pos(mark: yaml.Mark, line_offset: int) -> Position:
    return Position(mark.line + 1 + line_offset, mark.column + 1)


@dataclass
class _Converter:
    """Turns composed nodes into plain data, recording positions and problems as it goes."""

    doc: YamlDocument
    loader: Any
    line_offset: int
    foreign_tags: bool
    problems: list[Problem] = field(default_factory=list)

    def convert(self, node: yaml.Node, loc: Loc) -> Any:
        """The plain value of one node."""
        pos = _pos(node.start_mark, self.line_offset)
        self.doc.values[loc] = pos
        if isinstance(node, yaml.MappingNode) and node.tag == _YAML + "map":
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode) and node.tag == _YAML + "seq":
            return [self.convert(item, (*loc, index)) for index, item in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode) and node.tag in _PLAIN_SCALARS:
            return self.loader.construct_object(node)
        if isinstance(node, yaml.ScalarNode) and node.tag == _YAML + "timestamp":
            return str(node.value)
        if not self.foreign_tags:
            tag = node.tag.replace(_YAML, "!!")
            message = f"the YAML tag '{tag}' is not allowed; write plain text, numbers, lists and mappings"
            self.problems.append(Problem(self.doc.path, pos.line, pos.col, message))
        return None

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        """Convert a mapping, reporting duplicate and non-text keys."""
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_pos = _pos(key_node.start_mark, self.line_offset)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN_SCALARS:
                message = "a key must be a plain word, not a list, mapping or tagged value"
                self.problems.append(Problem(self.doc.path, key_pos.line, key_pos.col, message))
                continue
            key = str(key_node.value)
            if key in result:
                first = self.doc.keys[(*loc, key)]
                message = f"duplicate key '{key}' (first given on line {first.line})"
                self.problems.append(Problem(self.doc.path, key_pos.line, key_pos.col, message))
                continue
            self.doc.keys[(*loc, key)] = key_pos
            result[key] = self.convert(value_node, (*loc, key))
        return result


def _syntax_problem(err: yaml.MarkedYAMLError, text: str, display: str, line_offset: int) -> Problem:
    """A friendly one-line report of a YAML syntax error."""
    mark = err.problem_mark or err.context_mark
    pos = _pos(mark, line_offset) if mark else Position(1 + line_offset, 1)
    problem = err.problem or "invalid YAML"
    lines = text.split("\n")
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    if "\t" in line[: (mark.column + 1) if mark else 0]:
        message = _TAB_HINT
    elif "single document" in f"{problem} {err.context}":
        message = "only one YAML document is allowed; remove the extra '---' line"
    elif "mapping values are not allowed" in problem:
        message = "YAML syntax error: a ': ' inside a value; put the whole value in quotes"
    else:
        context = f" ({err.context})" if err.context else ""
        message = f"YAML syntax error: {problem}{context}"
    return Problem(display, pos.line, pos.col, message)


def _reader_problem(err: yaml.YAMLError, text: str, display: str, line_offset: int) -> Problem:
    """Report a character the YAML reader refuses, such as a control character."""
    index = getattr(err, "position", 0) or 0
    before = text[:index]
    line = before.count("\n") + 1 + line_offset
    col = index - (before.rfind("\n") + 1) + 1
    character = getattr(err, "character", None)
    code = f"the control character U+{character:04X}" if isinstance(character, int) else "a character"
    return Problem(display, line, col, f"{code} is not allowed in YAML; remove it")
