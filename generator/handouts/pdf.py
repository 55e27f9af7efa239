"""Print HTML to PDF with WeasyPrint: tagged (PDF/UA-1), fillable where asked; its warnings are problems."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ..errors import GuideError, Problem

PDF_VARIANT = "pdf/ua-1"
_AT = re.compile(r" at (?P<line>\d+):(?P<col>\d+)")
_MISSING_GLYPH = re.compile(r"unsupported by fonts: \"?(?P<text>.*?)\"?$")

Locate = Callable[[str], Problem]


class _Collect(logging.Handler):
    """Keep WeasyPrint's warnings and errors while a stylesheet is read or a document printed."""

    def __init__(self) -> None:
        """Keep warnings and worse."""
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Remember one message."""
        self.messages.append(record.getMessage())


@contextmanager
def _collected() -> Iterator[_Collect]:
    """Collect WeasyPrint's log messages instead of letting them scroll by."""
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def stylesheet_problems(path: Path, display: str) -> list[Problem]:
    """Everything WeasyPrint ignores in a print style sheet, at its line and column."""
    from weasyprint import CSS

    with _collected() as log:
        CSS(filename=str(path))
    problems = []
    for message in log.messages:
        at = _AT.search(message)
        line, col = (int(at["line"]), int(at["col"])) if at else (1, 1)
        problems.append(Problem(display, line, col, f"print style sheet: {message}"))
    return problems


def write_pdf(
    html: str,
    stylesheets: Sequence[Path],
    page_css: str,
    base_url: str,
    fillable: bool,
    locate: Locate,
) -> tuple[bytes, list[str]]:
    """The PDF of one handout, and notes on characters no font has.

    WeasyPrint's other complaints (an image it cannot read, a style it ignores) stop the build.
    """
    from weasyprint import CSS, HTML

    with _collected() as log:
        try:
            sheets = [CSS(filename=str(path)) for path in stylesheets] + [CSS(string=page_css)]
            document = HTML(string=html, base_url=base_url)
            pdf = document.write_pdf(stylesheets=sheets, pdf_forms=fillable, pdf_variant=PDF_VARIANT)
        except Exception as err:  # WeasyPrint failed: report it as a problem, never a traceback
            raise GuideError([locate(f"WeasyPrint could not print it: {err}")]) from None
    notes = [_glyph_note(m["text"]) for m in map(_MISSING_GLYPH.search, log.messages) if m]
    errors = [message for message in log.messages if not _MISSING_GLYPH.search(message)]
    if errors:
        raise GuideError([locate(message) for message in errors])
    if not isinstance(pdf, bytes):
        raise GuideError([locate("WeasyPrint returned no PDF")])
    return pdf, sorted(set(notes))


def _glyph_note(text: str) -> str:
    """A note for characters that print as empty boxes because no installed font has them."""
    codes = ", ".join(f"U+{ord(char):04X}" for char in text)
    return f'no installed font has "{text}" ({codes}); it prints as an empty box'


def image_problem(path: Path) -> str | None:
    """Why WeasyPrint cannot draw an image file, or None when it can."""
    from weasyprint import HTML

    with _collected() as log:
        try:
            HTML(string=f'<img src="{path.resolve().as_uri()}" alt="">').render()
        except Exception as err:  # a broken image file: report it, never a traceback
            return str(err) or type(err).__name__
    return "; ".join(log.messages) or None
