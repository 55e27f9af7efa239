"""The institution settings (`extra.institution`), checked: the logo is a file, the colours are legible."""

from __future__ import annotations

from ..errors import Problem
from ..model import Institution
from . import schema
from .source import Loc, YamlDocument
from .validate import validate_entry

SETTINGS: Loc = ("extra", "institution")
MINIMUM_CONTRAST = 4.5


def load_institution(doc: YamlDocument | None, docs_exists: set[str]) -> tuple[Institution, list[Problem]]:
    """Read and check the settings; report a missing logo file or a colour too light to read."""
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    extra = data.get("extra")
    if doc is None or not isinstance(extra, dict) or "institution" not in extra:
        return Institution(), []
    checked, problems = validate_entry(schema.Institution, doc, SETTINGS, "institution")
    if checked is None:
        return Institution(), problems
    institution: Institution = schema.to_model(checked)
    if institution.logo and institution.logo not in docs_exists:
        message = f"institution: the logo '{institution.logo}' is not a file in the docs folder"
        problems.append(doc.problem((*SETTINGS, "logo"), message))
    for role, colour in (("primary", institution.colours.primary), ("accent", institution.colours.accent)):
        if colour is None:
            continue
        ratio = contrast(colour, "#ffffff")
        if ratio < MINIMUM_CONTRAST:
            message = (
                f"institution: colours.{role} {colour} has a contrast of {ratio:.1f}:1 with white; "
                f"WCAG AA needs {MINIMUM_CONTRAST}:1, so choose a darker colour"
            )
            problems.append(doc.problem((*SETTINGS, "colours", role), message))
    return institution, problems


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour."""
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
