"""Printed handouts: six PDFs made from the guide's model with WeasyPrint, cached by content hash."""

from .catalogue import HANDOUTS, Handout
from .preview import BackgroundPrinter
from .site_handouts import HandoutFile, SiteHandouts, build_handouts, preview_handouts

__all__ = [
    "HANDOUTS",
    "BackgroundPrinter",
    "Handout",
    "HandoutFile",
    "SiteHandouts",
    "build_handouts",
    "preview_handouts",
]
