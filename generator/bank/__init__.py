"""The guide's inputs: text and YAML read with positions, the parse cache, validation, loading into Guide."""

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
