"""Read text and YAML safely, keeping the line and column of every value."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from ..errors import Problem, SourceError

Loc = tuple[str | int, ...]

_YAML = "tag:yaml.org,2002:"
_PLAIN_SCALARS = {_YAML + name for name in ("str", "int", "float", "bool", "null")}
_STR, _MAP, _SEQ, _TIMESTAMP = (_YAML + name for name in ("str", "map", "seq", "timestamp"))
_TAB_HINT = "a tab character is used for indentation here; indent with spaces instead"
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def plain_yaml(text: str) -> Any:
    """YAML read without positions, by libyaml where PyYAML has it: for the generator's own files."""
    return yaml.load(text, Loader=_SafeLoader)  # a safe loader, C or Python


class _Loader(_SafeLoader):  # type: ignore[misc]
    """PyYAML's safe loader with a leaner tag resolver: the same tags, found faster in a large bank."""

    _by_first_character: ClassVar[dict[str | None, tuple[Any, ...]]] = {
        first: tuple(resolvers) for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
    }

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        """The tag of a node without an explicit one (the safe loader has no path resolvers)."""
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, pattern in self._by_first_character.get(value[:1], ()):
                    if pattern.match(value):
                        return str(tag)
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


@dataclass(frozen=True)
class Position:
    """A 1-based line and column."""

    line: int
    col: int


@dataclass
class YamlDocument:
    """Plain Python data read from YAML, and the parsed nodes that say where each key and value came from."""

    path: str
    data: Any
    root: yaml.Node | None = field(default=None, repr=False, compare=False)
    line_offset: int = 0
    text: str | None = field(default=None, repr=False, compare=False)

    def where(self, loc: Loc, *, key: bool = False) -> Position:
        """The position of the value (or key) at `loc`, or of its nearest enclosing node."""
        if self.root is None and self.text is not None:
            self.root = _compose(self.text)  # data read from the parse cache: find positions in the text
        if self.root is None:
            return Position(1 + self.line_offset, 1)
        node = self.root
        for depth, part in enumerate(loc):
            child = _child(node, part)
            if child is None:
                break
            key_node, node = child
            if key and depth == len(loc) - 1 and key_node is not None:
                return _pos(key_node.start_mark, self.line_offset)
        return _pos(node.start_mark, self.line_offset)

    def problem(self, loc: Loc, message: str, *, key: bool = False) -> Problem:
        """A problem located at `loc`."""
        pos = self.where(loc, key=key)
        return Problem(self.path, pos.line, pos.col, message)


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    """The key node (for a mapping) and the value node at `part` below `node`, if there is one."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and str(key_node.value) == str(part):
                return key_node, value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return None, node.value[part]
    return None


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
        node = _compose(text)
    except yaml.MarkedYAMLError as err:
        raise SourceError(_syntax_problem(err, text, display, line_offset)) from None
    except yaml.YAMLError as err:
        raise SourceError(_reader_problem(err, text, display, line_offset)) from None
    if node is None:
        raise SourceError(Problem(display, 1 + line_offset, 1, "there is nothing here but comments"))
    converter = _Converter(display, yaml.constructor.SafeConstructor(), line_offset, foreign_tags)
    data = converter.convert(node)
    if converter.problems:
        raise SourceError(*converter.problems)
    return YamlDocument(display, data, node, line_offset)


def _compose(text: str) -> yaml.Node | None:
    """The text's node tree, each node with its position; None for a text of only comments."""
    loader = _Loader(text)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    finally:
        loader.dispose()


def _pos(mark: yaml.Mark, line_offset: int) -> Position:
    return Position(mark.line + 1 + line_offset, mark.column + 1)


@dataclass
class _Converter:
    """Turns composed nodes into plain data, collecting problems as it goes.

    Positions are not recorded here: `YamlDocument.where` finds them in the nodes when a problem
    needs one, which keeps reading a large bank fast.
    """

    path: str
    constructor: Any
    line_offset: int
    foreign_tags: bool
    problems: list[Problem] = field(default_factory=list)

    def convert(self, node: yaml.Node) -> Any:
        """The plain value of one node."""
        tag = node.tag
        kind = node.__class__
        if kind is yaml.ScalarNode:
            if tag == _STR:
                return node.value
            if tag in _PLAIN_SCALARS:
                return self.constructor.construct_object(node)
            if tag == _TIMESTAMP:
                return str(node.value)
        elif kind is yaml.MappingNode and tag == _MAP:
            return self._mapping(node)  # type: ignore[arg-type]  # the class was checked above
        elif kind is yaml.SequenceNode and tag == _SEQ:
            return [self.convert(item) for item in node.value]
        if not self.foreign_tags:
            pos = _pos(node.start_mark, self.line_offset)
            tag = tag.replace(_YAML, "!!")
            message = f"the YAML tag '{tag}' is not allowed; write plain text, numbers, lists and mappings"
            self.problems.append(Problem(self.path, pos.line, pos.col, message))
        return None

    def _mapping(self, node: yaml.MappingNode) -> dict[str, Any]:
        """Convert a mapping, reporting duplicate and non-text keys."""
        result: dict[str, Any] = {}
        first_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not yaml.ScalarNode or key_node.tag not in _PLAIN_SCALARS:
                self._problem(key_node, "a key must be a plain word, not a list, mapping or tagged value")
                continue
            key = str(key_node.value)
            if key in first_lines:
                self._problem(key_node, f"duplicate key '{key}' (first given on line {first_lines[key]})")
                continue
            first_lines[key] = key_node.start_mark.line + 1 + self.line_offset
            result[key] = self.convert(value_node)
        return result

    def _problem(self, node: yaml.Node, message: str) -> None:
        pos = _pos(node.start_mark, self.line_offset)
        self.problems.append(Problem(self.path, pos.line, pos.col, message))


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
