"""What the generator reports to people: problems in the guide's data, and what this machine lacks.

`GeneratorError` is the one root. A `GuideError` is the data's fault (or, for files under
`generator/`, the generator's own); a `MachineError` is the machine's, and never blames the data.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from msgspec import Struct


class Problem(Struct, frozen=True, order=True):
    """One thing wrong in one file, at a 1-based line and column."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"

    @property
    def in_generator(self) -> bool:
        """Whether the problem is in the generator's own files (its print templates), not the data."""
        return self.path.startswith(GENERATOR_FILES)


GENERATOR_FILES = "generator/"


def shown_path(path: Path, root: Path) -> str:
    """A path as the advisor knows it, for a problem: relative to the project when possible."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


class GeneratorError(Exception):
    """Something stopped the generator; the message says what, and whose it is to mend."""


class GuideError(GeneratorError):
    """The guide's data has problems; nothing was built."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(_summary(self.problems))

    def report(self) -> str:
        """All problems, one per line."""
        return "\n".join(str(problem) for problem in self.problems)


class SourceError(GeneratorError):
    """A file could not be read or parsed; carries every problem found."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = list(problems)


class StageError(GeneratorError):
    """The output folder of `python -m generator stage` cannot be used."""


class MachineError(GeneratorError):
    """The machine lacks something the generator needs; the guide's data is not at fault."""

    def __init__(self, need: str, package: str, reason: str) -> None:
        self.package = package
        super().__init__(
            f"this machine cannot {need}: {reason}. Install the Debian package {package} "
            f"(as root: apt-get install {package}); this is not a problem in the guide's data"
        )


def _summary(problems: list[Problem]) -> str:
    """'3 problems in the guide's data', saying which ones are in the generator's own files instead."""
    ours = sum(problem.in_generator for problem in problems)
    data = len(problems) - ours
    if not ours:
        return f"{_count(data)} in the guide's data"
    mine = f"{_count(ours)} in the generator's own print templates (for its developers to mend)"
    return mine if not data else f"{_count(data)} in the guide's data and {mine}"


def _count(number: int) -> str:
    """'1 problem', '2 problems'."""
    return f"{number} problem" if number == 1 else f"{number} problems"


def known(options: Iterable[str], given: str | None = None) -> str:
    """A '(known: a, b, c)' hint, led by a 'did you mean' guess when one is close."""
    choices = list(options)
    listing = ", ".join(choices) if choices else "none declared"
    if given is not None:
        close = difflib.get_close_matches(given, choices, n=1, cutoff=0.6)
        if close:
            return f"(did you mean '{close[0]}'? known: {listing})"
    return f"(known: {listing})"


def describe(value: Any) -> str:
    """A short description of a value for an error message."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text '{shown}'"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
