"""Problems found in the guide's data, written for the people who edit it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, at a 1-based line and column."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class GuideError(Exception):
    """The guide's data has problems; nothing was built."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun} in the guide's data")

    def report(self) -> str:
        """All problems, one per line."""
        return "\n".join(str(problem) for problem in self.problems)


def known(options: Iterable[str], given: str | None = None) -> str:
    """A '(known: a, b, c)' hint, led by a 'did you mean' guess when one is close."""
    choices = list(options)
    listing = ", ".join(choices) if choices else "none declared"
    if given is not None:
        close = difflib.get_close_matches(given, choices, n=1, cutoff=0.6)
        if close:
            return f"(did you mean '{close[0]}'? known: {listing})"
    return f"(known: {listing})"
