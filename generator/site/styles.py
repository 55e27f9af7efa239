"""The generated style sheets: the institution's colours, and its name in the margin of every printed page."""

from __future__ import annotations

from ..bank import english_words
from ..model import Institution, Words

INSTITUTION_CSS = "assets/stylesheets/institution.css"
PRINT_MARGIN_CSS = "assets/stylesheets/print-margin.css"


def print_margin_css(name: str, words: Words | None = None) -> str:
    """CSS that prints the centre's name at the foot of every page, beside print.css's page numbers.

    The line is the word `print.margin` of `words` (the generator's English without them).
    """
    line = (words or english_words())("print.margin", name=" ".join(name.split()))
    quoted = " ".join(line.split()).replace("\\", "\\\\").replace('"', '\\"')
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


def colours_css(institution: Institution) -> str:
    """CSS that applies the brand colours over the default palette, or nothing when none are set."""
    rules = []
    primary, accent = institution.colours.primary, institution.colours.accent
    if primary:
        rules.append(
            '[data-md-color-primary="custom"] {\n'
            f"  --md-primary-fg-color: {primary};\n  --md-primary-fg-color--dark: {primary};\n"
            f"  --md-typeset-a-color: {primary};\n}}\n"
        )
    if accent:
        rules.append(
            '[data-md-color-accent="custom"] {\n'
            f"  --md-accent-fg-color: {accent};\n  --md-accent-fg-color--transparent: {accent}1a;\n}}\n"
            f'[data-md-color-scheme="default"] {{\n  --guide-focus-ring: {accent};\n}}\n'
        )
    return "".join(rules)
