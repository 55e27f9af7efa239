"""Print HTML to PDF with WeasyPrint: tagged (PDF/UA-1), fillable where asked.

WeasyPrint's warnings are problems of the handout, except those about this machine (a library it would
rather have), which become notes: the PDF is still right, and the guide's data is not at fault.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from msgspec import Struct

from ..errors import GuideError, MachineError, Problem

PDF_VARIANT = "pdf/ua-1"
_AT = re.compile(r" at (?P<line>\d+):(?P<col>\d+)")
_MISSING_GLYPH = re.compile(r"unsupported by fonts: \"?(?P<text>.*?)\"?$")
# WeasyPrint asks for a library it can do without in words like these; nothing else it says does.
_ABOUT_MACHINE = re.compile(r"please install .* package manager|please install harfbuzz", re.IGNORECASE)
HARFBUZZ_SUBSET_NOTE = (
    "this machine lacks HarfBuzz subsetting, so WeasyPrint embedded the fonts with fontTools instead "
    "(slower; the PDFs are complete). To install it, as root: apt-get install libharfbuzz-subset0. "
    "This is about the machine, not the guide's data"
)

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


class Notes(Struct, frozen=True):
    """What WeasyPrint said of a handout that did not stop it: missing glyphs, and what the machine lacks."""

    glyphs: tuple[str, ...] = ()
    machine: tuple[str, ...] = ()


def weasyprint() -> Any:
    """WeasyPrint, or MachineError naming the package when it cannot start (Pango is missing)."""
    try:
        with warnings.catch_warnings():  # the same news as HARFBUZZ_SUBSET_NOTE, printed with a stack
            warnings.filterwarnings("ignore", "HarfBuzz-Subset will be required", DeprecationWarning)
            import weasyprint as module
    except OSError as err:  # cffi could not open Pango or one of its libraries
        reason = f"WeasyPrint cannot start ({str(err).splitlines()[0]})"
        raise MachineError("print the handouts", "libpango-1.0-0", reason) from None
    return module


def stylesheet_problems(path: Path, display: str) -> list[Problem]:
    """Everything WeasyPrint ignores in a print style sheet, at its line and column."""
    css = weasyprint().CSS
    with _collected() as log:
        css(filename=str(path))
    problems = []
    for message in log.messages:
        if _ABOUT_MACHINE.search(message):
            continue
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
) -> tuple[bytes, Notes]:
    """The PDF of one handout, and notes on characters no font has and on what the machine lacks.

    WeasyPrint's other complaints (an image it cannot read, a style it ignores) stop the build.
    """
    module = weasyprint()
    with _collected() as log:
        try:
            sheets = [module.CSS(filename=str(path)) for path in stylesheets] + [module.CSS(string=page_css)]
            document = module.HTML(string=html, base_url=base_url)
            pdf = document.write_pdf(stylesheets=sheets, pdf_forms=fillable, pdf_variant=PDF_VARIANT)
        except Exception as err:  # WeasyPrint failed: report it as a problem, never a traceback
            raise GuideError([locate(f"WeasyPrint could not print it: {err}")]) from None
    glyphs = [_glyph_note(m["text"]) for m in map(_MISSING_GLYPH.search, log.messages) if m]
    machine = [_machine_note(message) for message in log.messages if _ABOUT_MACHINE.search(message)]
    errors = [m for m in log.messages if not _MISSING_GLYPH.search(m) and not _ABOUT_MACHINE.search(m)]
    if errors:
        raise GuideError([locate(message) for message in errors])
    if not isinstance(pdf, bytes):
        raise GuideError([locate("WeasyPrint returned no PDF")])
    return pdf, Notes(tuple(sorted(set(glyphs))), tuple(sorted(set(machine))))


def _machine_note(message: str) -> str:
    """A note on a library WeasyPrint would rather have, saying what to install."""
    if "HarfBuzz-Subset" in message:
        return HARFBUZZ_SUBSET_NOTE
    return f"WeasyPrint says of this machine (not of the guide's data): {message}"


def _glyph_note(text: str) -> str:
    """A note for characters that print as empty boxes because no installed font has them."""
    codes = ", ".join(f"U+{ord(char):04X}" for char in text)
    return f'no installed font has "{text}" ({codes}); it prints as an empty box'


def image_problem(path: Path) -> str | None:
    """Why WeasyPrint cannot draw an image file, or None when it can."""
    html = weasyprint().HTML
    with _collected() as log:
        try:
            html(string=f'<img src="{path.resolve().as_uri()}" alt="">').render()
        except Exception as err:  # a broken image file: report it, never a traceback
            return str(err) or type(err).__name__
    return "; ".join(m for m in log.messages if not _ABOUT_MACHINE.search(m)) or None
