"""The MkDocs adapter: load the guide, add its pages and data, publish the site only when whole."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from .bank import (
    DEFAULT_BANK,
    DEFAULT_PAPER,
    DEFAULT_TEMPLATES,
    DEFAULT_VISITORS,
    Project,
    fill_placeholders,
    load_project,
    read_project,
)
from .bank.guide_cache import CACHE_DIR as GUIDE_CACHE
from .bank.guide_cache import guide_key, read_cached
from .errors import GuideError, MachineError, shown_path
from .handouts import BackgroundPrinter, SiteHandouts, build_handouts, preview_handouts
from .model import Guide
from .site import (
    MINIFY_CACHE,
    SCRIPTS,
    SITE_CACHE,
    ChecklistExtension,
    PreloadError,
    Tool,
    apply_guide,
    cached_generated_files,
    discard,
    markdown_settings,
    minify_assets,
    preload_links,
    publish,
    read_tools,
    staging_dir,
)

if TYPE_CHECKING:  # the server's module costs 30 ms to import, and a build never needs it
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.guide")


def _load(project: Project) -> tuple[Guide, str | None]:
    """The guide and the key of its inputs, with which an unchanged project reads its pages back too.

    The key is worked out once: on a hit the guide cache is read under it here (load_project would
    hash every input again), and only a miss goes through load_project, which reads and checks.
    """
    key = guide_key(project)
    cached = read_cached(project.root / GUIDE_CACHE, key) if key is not None else None
    return (cached if cached is not None else load_project(project)), key


class GuideConfig(base.Config):  # type: ignore[no-untyped-call]
    """Options of the `guide` plugin in mkdocs.yml."""

    bank = c.Type(str, default=DEFAULT_BANK)
    """The question bank file, relative to mkdocs.yml."""
    templates = c.Type(str, default=DEFAULT_TEMPLATES)
    """The folder of outreach script files, relative to mkdocs.yml."""
    paper = c.Type(str, default=DEFAULT_PAPER)
    """The paper size of the printed handouts: letter or a4."""
    visitors = c.Type(str, default=DEFAULT_VISITORS)
    """The kinds of visitor and their introductions, relative to mkdocs.yml (optional)."""


class GuidePlugin(BasePlugin[GuideConfig]):  # type: ignore[no-untyped-call]
    """Turns question_bank.yaml and email_templates/ into pages and JSON."""

    def __init__(self) -> None:
        self._files: dict[str, str] = {}
        self._settings: dict[str, str] = {}
        self._dirty = False
        self._site_dir: Path | None = None
        self._staging: Path | None = None
        self._docs_display = "docs"
        self._tools: list[Tool] = []
        self._warnings = CountHandler()
        self._serving = False
        self._handouts: SiteHandouts | None = None
        self._printer = BackgroundPrinter()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is a dirty build, which must write in place, or a server's."""
        self._dirty = dirty
        self._serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and validate the data; stop the build with every problem if it is wrong."""
        root = Path(config.config_file_path).parent
        docs_dir = Path(config.docs_dir)
        try:
            project = read_project(Path(config.config_file_path))
            guide, inputs = _load(project)
            docs_display = shown_path(docs_dir, root)
            self._files = cached_generated_files(
                guide, docs_dir, docs_display, config.use_directory_urls, root / SITE_CACHE, inputs
            )
            self._docs_display = docs_display
            self._handouts = (preview_handouts if self._serving else build_handouts)(project, guide, inputs)
        except GuideError as err:
            for problem in err.problems:
                log.error(str(problem))
            raise PluginError(f"{err}; nothing was built and the last site was kept.") from None
        except MachineError as err:
            raise PluginError(f"{err}. Nothing was built and the last site was kept.") from None
        try:
            self._tools = read_tools(docs_dir / SCRIPTS)
        except PreloadError as err:
            raise PluginError(f"{err}; nothing was built and the last site was kept.") from None
        for line in self._handouts.summary.splitlines():  # each note on a line of its own
            log.info(line)
        if self._handouts.stale:
            self._printer.schedule(Path(config.config_file_path))
        self._settings = markdown_settings(guide)
        apply_guide(
            config, guide, ChecklistExtension()
        )  # MkDocs takes an extension instance as well as a name
        self._start_staging(config)
        return config

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Preload the modules of the tools the page has."""
        return preload_links(output, page.url, self._tools)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Fill in `{{ institution.name }}` and the like; add handout sizes and the line shown in print."""
        markdown = fill_placeholders(markdown, self._settings)
        return self._handouts.additions.apply(markdown, page.file.src_uri) if self._handouts else markdown

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add the generated pages and JSON files to the build, in memory, and the handouts."""
        for path, content in self._files.items():
            files.append(File.generated(config, path, content=content))
        for item in self._handouts.files if self._handouts else ():
            if item.path is not None:
                files.append(File.generated(config, item.handout.uri, abs_src_path=str(item.path)))
            else:
                files.append(File.generated(config, item.handout.uri, content=item.content or b""))
        return files

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        """Rebuild when the question bank, the kinds of visitor or any outreach script changes."""
        root = Path(config.config_file_path).parent
        server.watch(str(root / self.config.bank))
        server.watch(str(root / self.config.templates))
        if (root / self.config.visitors).is_file():
            server.watch(str(root / self.config.visitors))
        if self._handouts is not None:
            self._handouts.printed.mkdir(parents=True, exist_ok=True)
            server.watch(str(self._handouts.printed))  # handouts printed in the background reload the site
        return server

    def on_shutdown(self) -> None:
        """Stop printing handouts in the background when the server stops."""
        self._printer.stop()

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Swap the finished build into place, unless strict mode is about to abort it."""
        logging.getLogger("mkdocs").removeHandler(self._warnings)
        if self._staging is None or self._site_dir is None:
            return
        if config.strict and self._warnings.get_counts():
            self._abandon(config)
            return
        if not self._serving:  # our styles and scripts as served; `mkdocs serve` keeps them readable
            root = Path(config.config_file_path).parent
            try:
                notes = minify_assets(self._staging, root / MINIFY_CACHE, self._docs_display)
            except GuideError as err:
                self._abandon(config)
                for problem in err.problems:
                    log.error(str(problem))
                raise PluginError(f"{err}; nothing was built and the last site was kept.") from None
            for note in notes:
                log.info(note)
        publish(self._staging, self._site_dir)
        log.info(f"Published the finished build to {self._site_dir}")
        config.site_dir = str(self._site_dir)
        self._staging = None

    def on_build_error(self, *, error: Exception) -> None:
        """Throw the partial build away; the last good site stays as it was."""
        logging.getLogger("mkdocs").removeHandler(self._warnings)
        if self._staging is not None:
            discard(self._staging)
            self._staging = None

    def _start_staging(self, config: MkDocsConfig) -> None:
        """Point the build at an empty staging folder and start counting warnings."""
        if self._dirty:
            return
        self._site_dir = Path(config.site_dir)
        self._staging = staging_dir(self._site_dir)
        config.site_dir = str(self._staging)
        self._warnings = CountHandler()
        self._warnings.setLevel(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(self._warnings)

    def _abandon(self, config: MkDocsConfig) -> None:
        if self._staging is not None:
            discard(self._staging)
        config.site_dir = str(self._site_dir)
        self._staging = None
