"""The website's share of a build: pages, browser JSON, settings, checklist markup, styles, preloads, publishing."""

from .checklist_markdown import ChecklistExtension
from .config import apply_guide
from .generate import generated_files, markdown_settings, refuse_clashes
from .minify import CACHE_DIR as MINIFY_CACHE
from .minify import minify_assets
from .navigation import expand_nav
from .pages import CHANNEL_LABELS, MOMENT_LABELS, QUESTIONS_INDEX, SCRIPTS_INDEX, site_url
from .preload import SCRIPTS, PreloadError, Tool, preload_links, read_tools
from .publish import discard, publish, staging_dir
from .selection import recommended_first_questions
from .styles import INSTITUTION_CSS, PRINT_MARGIN_CSS

__all__ = [
    "CHANNEL_LABELS",
    "INSTITUTION_CSS",
    "MINIFY_CACHE",
    "MOMENT_LABELS",
    "PRINT_MARGIN_CSS",
    "QUESTIONS_INDEX",
    "SCRIPTS",
    "SCRIPTS_INDEX",
    "ChecklistExtension",
    "PreloadError",
    "Tool",
    "apply_guide",
    "discard",
    "expand_nav",
    "generated_files",
    "markdown_settings",
    "minify_assets",
    "preload_links",
    "publish",
    "read_tools",
    "recommended_first_questions",
    "refuse_clashes",
    "site_url",
    "staging_dir",
]
