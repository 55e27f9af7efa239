"""The website's share of a build: pages, browser JSON, settings, checklists, styles, scripts, publishing.

The names are re-exported lazily: each module is imported when one of its names is first asked for, so
that plain MkDocs, which imports only the checklist extension (`checklist_markdown`) from a staged
tree, runs none of the others. `publish` is imported at once: it is both a module and its function,
and the function must be what `site.publish` names, whichever is imported first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..exports import lazy_exports
from .publish import discard, publish, staging_dir

if TYPE_CHECKING:
    from .bundle import CACHE_DIR as BUNDLE_CACHE
    from .bundle import Bundle, BundleError, bundle_entries, bundle_scripts, bundled_tools
    from .checklist_markdown import ChecklistExtension
    from .config import apply_guide
    from .files_cache import CACHE_DIR as SITE_CACHE
    from .files_cache import cached_generated_files
    from .generate import generated_files, markdown_settings, refuse_clashes
    from .minify import CACHE_DIR as MINIFY_CACHE
    from .minify import minify_assets
    from .navigation import expand_nav
    from .pages import CHANNELS, MOMENTS, QUESTIONS_INDEX, SCRIPTS_INDEX, site_url
    from .preload import SCRIPTS, PreloadError, Tool, preload_links, preload_tags, read_tools, tools_in
    from .selection import recommended_first_questions
    from .styles import INSTITUTION_CSS, PRINT_MARGIN_CSS

# Each re-exported name: the module it lives in and its name there.
_ORIGINS = {
    "BUNDLE_CACHE": ("bundle", "CACHE_DIR"),
    "Bundle": ("bundle", "Bundle"),
    "BundleError": ("bundle", "BundleError"),
    "bundle_entries": ("bundle", "bundle_entries"),
    "bundle_scripts": ("bundle", "bundle_scripts"),
    "bundled_tools": ("bundle", "bundled_tools"),
    "ChecklistExtension": ("checklist_markdown", "ChecklistExtension"),
    "apply_guide": ("config", "apply_guide"),
    "SITE_CACHE": ("files_cache", "CACHE_DIR"),
    "cached_generated_files": ("files_cache", "cached_generated_files"),
    "generated_files": ("generate", "generated_files"),
    "markdown_settings": ("generate", "markdown_settings"),
    "refuse_clashes": ("generate", "refuse_clashes"),
    "MINIFY_CACHE": ("minify", "CACHE_DIR"),
    "minify_assets": ("minify", "minify_assets"),
    "expand_nav": ("navigation", "expand_nav"),
    "CHANNELS": ("pages", "CHANNELS"),
    "MOMENTS": ("pages", "MOMENTS"),
    "QUESTIONS_INDEX": ("pages", "QUESTIONS_INDEX"),
    "SCRIPTS_INDEX": ("pages", "SCRIPTS_INDEX"),
    "site_url": ("pages", "site_url"),
    "SCRIPTS": ("preload", "SCRIPTS"),
    "PreloadError": ("preload", "PreloadError"),
    "Tool": ("preload", "Tool"),
    "preload_links": ("preload", "preload_links"),
    "preload_tags": ("preload", "preload_tags"),
    "tools_in": ("preload", "tools_in"),
    "read_tools": ("preload", "read_tools"),
    "recommended_first_questions": ("selection", "recommended_first_questions"),
    "INSTITUTION_CSS": ("styles", "INSTITUTION_CSS"),
    "PRINT_MARGIN_CSS": ("styles", "PRINT_MARGIN_CSS"),
}

__all__ = [
    "BUNDLE_CACHE",
    "CHANNELS",
    "INSTITUTION_CSS",
    "MINIFY_CACHE",
    "MOMENTS",
    "PRINT_MARGIN_CSS",
    "QUESTIONS_INDEX",
    "SCRIPTS",
    "SCRIPTS_INDEX",
    "SITE_CACHE",
    "Bundle",
    "BundleError",
    "ChecklistExtension",
    "PreloadError",
    "Tool",
    "apply_guide",
    "bundle_entries",
    "bundle_scripts",
    "bundled_tools",
    "cached_generated_files",
    "discard",
    "expand_nav",
    "generated_files",
    "markdown_settings",
    "minify_assets",
    "preload_links",
    "preload_tags",
    "publish",
    "read_tools",
    "recommended_first_questions",
    "refuse_clashes",
    "site_url",
    "staging_dir",
    "tools_in",
]


__getattr__ = lazy_exports(__name__, _ORIGINS)
