"""The advisors' prose pages: which files they are, and their lines outside code blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import Problem, known
from ..model import TRANSLATIONS

FENCE = re.compile(r"^\s*(```|~~~)")
# YAML front matter as MkDocs reads it: a first line '---', closed by a line '---' or '...'.
FRONT_MATTER_START = re.compile(r"^-{3}[ \t]*$")
FRONT_MATTER_END = re.compile(r"^(?:-{3}|\.{3})[ \t]*$")
PLACEHOLDER = re.compile(r"\{\{\s*institution\.(?P<key>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def markdown_pages(docs_dir: Path) -> list[Path]:
    """Every Markdown page under the docs folder in a stable order, without its translations' folders."""
    return sorted(
        path
        for path in docs_dir.rglob("*.md")
        if path.is_file() and path.relative_to(docs_dir).parts[0] not in TRANSLATIONS
    )


def front_matter_end(lines: list[str]) -> int | None:
    """The index of the line that closes the YAML front matter the first line opens; None without one."""
    if not lines or not FRONT_MATTER_START.match(lines[0]):
        return None
    return next((index for index in range(1, len(lines)) if FRONT_MATTER_END.match(lines[index])), None)


def outside_code(text: str) -> Iterator[tuple[int, str]]:
    """Each line with its 1-based number, skipping fenced code blocks (where examples live)."""
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if ("```" in line or "~~~" in line) and FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield number, line


INLINE_CODE = re.compile(r"(`+)(?:.+?)\1")


def _outside_inline_code(line: str) -> list[tuple[int, str]]:
    """The stretches of a line that are not inline code, with where each starts."""
    stretches, start = [], 0
    for code in INLINE_CODE.finditer(line):
        stretches.append((start, line[start : code.start()]))
        start = code.end()
    stretches.append((start, line[start:]))
    return stretches


def check_placeholders(text: str, display: str, keys: list[str]) -> list[Problem]:
    """A problem for each `{{ institution.x }}` naming a setting that does not exist."""
    problems = []
    for number, line in outside_code(text):
        for offset, stretch in _outside_inline_code(line):
            for match in PLACEHOLDER.finditer(stretch):
                if match["key"] not in keys:
                    message = f"unknown setting 'institution.{match['key']}' {known(keys, match['key'])}"
                    problems.append(Problem(display, number, offset + match.start() + 1, message))
    return problems


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """The page with each `{{ institution.x }}` outside code blocks replaced by its value."""
    if "institution." not in text:
        return text
    lines = text.split("\n")
    for number, line in outside_code(text):
        if "institution." not in line:  # most lines of a page have none, and stay as they are
            continue
        pieces, end = [], 0
        for code in INLINE_CODE.finditer(line):
            pieces += [_fill(line[end : code.start()], values), code[0]]
            end = code.end()
        lines[number - 1] = "".join([*pieces, _fill(line[end:], values)])
    return "\n".join(lines)


def _fill(text: str, values: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda match: values.get(match["key"], match[0]), text)
