"""The guide's inputs: text and YAML read with positions, the parse cache, validation, loading into Guide."""

from .checklists import ITEM_SUFFIX
from .load import load_guide, load_project
from .project import DEFAULT_BANK, DEFAULT_PAPER, DEFAULT_TEMPLATES, PLUGIN_NAME, Project, read_project
from .prose import fill_placeholders, markdown_pages, outside_code
from .script_text import count, fill
from .source import Loc, YamlDocument

__all__ = [
    "DEFAULT_BANK",
    "DEFAULT_PAPER",
    "DEFAULT_TEMPLATES",
    "ITEM_SUFFIX",
    "PLUGIN_NAME",
    "Loc",
    "Project",
    "YamlDocument",
    "count",
    "fill",
    "fill_placeholders",
    "load_guide",
    "load_project",
    "markdown_pages",
    "outside_code",
    "read_project",
]
