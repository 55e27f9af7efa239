"""The website's share of a build: pages, browser JSON, navigation, checklist markup, styles, minifying, preloads, publishing."""

from .checklist_markdown import ChecklistExtension
from .generate import branding, generated_files, markdown_settings
from .minify import CACHE_DIR as MINIFY_CACHE
from .minify import minify_assets
from .navigation import expand_nav
from .pages import CHANNEL_LABELS, MOMENT_LABELS, QUESTIONS_INDEX, SCRIPTS_INDEX, site_url
from .preload import SCRIPTS, PreloadError, Tool, preload_links, read_tools
from .publish import discard, publish, staging_dir
from .selection import recommended_first_questions
from .styles import INSTITUTION_CSS, PRINT_MARGIN_CSS

__all__ = [
    "MINIFY_CACHE",
    "SCRIPTS",
    "PreloadError",
    "Tool",
    "minify_assets",
    "preload_links",
    "read_tools",
    "CHANNEL_LABELS",
    "INSTITUTION_CSS",
    "MOMENT_LABELS",
    "PRINT_MARGIN_CSS",
    "QUESTIONS_INDEX",
    "SCRIPTS_INDEX",
    "ChecklistExtension",
    "branding",
    "discard",
    "expand_nav",
    "generated_files",
    "markdown_settings",
    "publish",
    "recommended_first_questions",
    "site_url",
    "staging_dir",
]
