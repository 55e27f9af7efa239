"""The institution's name in the margin of every printed page of the site (a generated style sheet)."""

from __future__ import annotations

PRINT_MARGIN_CSS = "assets/stylesheets/print-margin.css"


def print_margin_css(name: str) -> str:
    """CSS that prints the centre's name at the foot of every page, beside print.css's page numbers."""
    quoted = " ".join(name.split()).replace("\\", "\\\\").replace('"', '\\"')
    return (
        "@media print {\n"
        "  @page {\n"
        "    @bottom-left {\n"
        f'      content: "{quoted}";\n'
        "      font: 8pt sans-serif;\n"
        "      color: #555;\n"
        "    }\n"
        "  }\n"
        "}\n"
    )
