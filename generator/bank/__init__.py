"""The guide's inputs: text and YAML read with positions, the parse cache, validation, loading into Guide.

The names are re-exported lazily, as in `generator.site`: a build whose guide comes from the guide cache
asks for the project's settings and the guide's words, and imports neither the loading and checking
modules nor the scripts' Jinja sandbox.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..exports import lazy_exports

if TYPE_CHECKING:
    from .checklists import ITEM_SUFFIX
    from .load import load_project
    from .project import (
        DEFAULT_BANK,
        DEFAULT_PAPER,
        DEFAULT_TEMPLATES,
        DEFAULT_VISITORS,
        PLUGIN_NAME,
        Project,
        named_entries,
        read_project,
    )
    from .prose import fill_placeholders, front_matter_end, markdown_pages, outside_code
    from .script_text import count, fill
    from .source import Loc, YamlDocument
    from .words import english_words, words_of

# Each re-exported name: the module it lives in and its name there.
_ORIGINS = {
    "ITEM_SUFFIX": ("checklists", "ITEM_SUFFIX"),
    "load_project": ("load", "load_project"),
    "DEFAULT_BANK": ("project", "DEFAULT_BANK"),
    "DEFAULT_PAPER": ("project", "DEFAULT_PAPER"),
    "DEFAULT_TEMPLATES": ("project", "DEFAULT_TEMPLATES"),
    "DEFAULT_VISITORS": ("project", "DEFAULT_VISITORS"),
    "PLUGIN_NAME": ("project", "PLUGIN_NAME"),
    "Project": ("project", "Project"),
    "named_entries": ("project", "named_entries"),
    "read_project": ("project", "read_project"),
    "fill_placeholders": ("prose", "fill_placeholders"),
    "front_matter_end": ("prose", "front_matter_end"),
    "markdown_pages": ("prose", "markdown_pages"),
    "outside_code": ("prose", "outside_code"),
    "count": ("script_text", "count"),
    "fill": ("script_text", "fill"),
    "Loc": ("source", "Loc"),
    "YamlDocument": ("source", "YamlDocument"),
    "english_words": ("words", "english_words"),
    "words_of": ("words", "words_of"),
}

__all__ = [
    "DEFAULT_BANK",
    "DEFAULT_PAPER",
    "DEFAULT_TEMPLATES",
    "DEFAULT_VISITORS",
    "ITEM_SUFFIX",
    "PLUGIN_NAME",
    "Loc",
    "Project",
    "YamlDocument",
    "count",
    "english_words",
    "fill",
    "fill_placeholders",
    "front_matter_end",
    "load_project",
    "markdown_pages",
    "named_entries",
    "outside_code",
    "read_project",
    "words_of",
]

__getattr__ = lazy_exports(__name__, _ORIGINS)
