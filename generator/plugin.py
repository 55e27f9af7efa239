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
    read_project,
)
from .bank.guide_cache import CACHE_DIR as GUIDE_CACHE
from .bank.guide_cache import guide_key, read_cached
from .errors import GuideError, MachineError, shown_path
from .handouts import BackgroundPrinter, SiteHandouts, build_handouts, preview_handouts
from .model import TRANSLATIONS, Guide
from .site import (
    BUNDLE_CACHE,
    MINIFY_CACHE,
    SCRIPTS,
    SITE_CACHE,
    Bundle,
    BundleError,
    ChecklistExtension,
    PreloadError,
    Tool,
    apply_guide,
    bundle_entries,
    bundle_scripts,
    bundled_tools,
    cached_generated_files,
    discard,
    markdown_settings,
    minify_assets,
    preload_tags,
    publish,
    read_tools,
    staging_dir,
    tools_in,
)
from .site.csp import with_policy
from .site.offline import CACHE_DIR as OFFLINE_CACHE
from .site.offline import DEFAULT_COLOUR, app_language, write_offline, write_remover

# What only some builds use is imported where it is used: loading and checking the data (a build whose
# guide is in the guide cache), the translations (a guide in English alone), the panel of problems
# (the server) and the server itself. Each costs a build that does not need it its modules' start.
if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.utils.templates import TemplateContext

    from .bank.translations import Translation
    from .site.preview_problems import PreviewProblems

log = logging.getLogger("mkdocs.plugins.guide")


def _load(project: Project) -> tuple[Guide, str | None]:
    """The guide and the key of its inputs, with which an unchanged project reads its pages back too.

    The key is worked out once: on a hit the guide cache is read under it here (load_project would
    hash every input again), and only a miss goes through load_project, which reads and checks.
    """
    key = guide_key(project)
    cached = read_cached(project.root / GUIDE_CACHE, key) if key is not None else None
    if cached is not None:
        return cached, key
    from .bank.load import load_project

    return load_project(project), key


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
    translations = c.Type(list, default=[])
    """The languages the guide is also published in, each at /<language>/ (checked by read_project)."""
    offline = c.Type(bool, default=True)
    """Keep the whole guide for use offline after one visit, and make it installable (site/offline.py)."""


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
        self._present: dict[str, tuple[Tool, ...]] = {}
        """The tools each page's content has a place for, by its source, until the page is written."""
        self._bundle: Bundle | None = None
        self._bundled: dict[str, frozenset[str]] = {}
        """The bundle's files of each translation's build, which are minified already."""
        self._warnings = CountHandler()
        self._serving = False
        self._handouts: SiteHandouts | None = None
        self._printer = BackgroundPrinter()
        self._translations: list[Translation] = []
        self._languages: tuple[str, ...] = ("en",)
        self._translated: set[str] = set()
        self._english_docs = Path()
        self.translation: Translation | None = None
        """Set on the plugin of a translation's own build, by the English build that starts it."""
        self._last_good: Guide | None = None
        self._preview: PreviewProblems | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is a dirty build, which must write in place, or a server's."""
        self._dirty = dirty
        self._serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and validate the data; stop the build with every problem if it is wrong."""
        if self.translation is not None:
            return self._translated_config(config, self.translation)
        docs_dir = Path(config.docs_dir)
        try:
            guide = self._read_data(config)
            self._preview = None
        except GuideError as err:
            from .site.preview_problems import data_problems

            if not self._serving or self._last_good is None:
                for problem in err.problems:
                    log.error(str(problem))
                raise PluginError(f"{err}; nothing was built and the last site was kept.") from None
            # The server would answer no request after a failed rebuild: it serves the last good data,
            # with the problems in each page. A strict server would stop at logged errors, so there
            # they are logged as information.
            guide = self._last_good
            self._preview = data_problems(str(err), [str(problem) for problem in err.problems])
            shown = log.info if config.strict else log.error
            for problem in err.problems:
                shown(str(problem))
            shown(f"{err}: the preview shows them in each page, over the last version that built.")
        except MachineError as err:
            raise PluginError(f"{err}. Nothing was built and the last site was kept.") from None
        self._last_good = guide
        warnings = [str(warning) for translation in self._translations for warning in translation.warnings]
        if self._serving and self._preview is None and warnings:
            from .site.preview_problems import translation_warnings

            self._preview = translation_warnings(warnings)
        try:
            self._tools = read_tools(docs_dir / SCRIPTS)
            self._bundle_scripts(config, docs_dir / SCRIPTS, {}, self._docs_display)
        except (GuideError, PreloadError, BundleError) as err:
            for problem in getattr(err, "problems", ()):
                log.error(str(problem))
            raise PluginError(f"{err}; nothing was built and the last site was kept.") from None
        except MachineError as err:
            raise PluginError(f"{err}. Nothing was built and the last site was kept.") from None
        handouts = self._handouts
        assert handouts is not None  # made by _read_data, by now or by the last build that could
        for line in handouts.summary.splitlines():  # each note on a line of its own
            log.info(line)
        if handouts.stale:
            self._printer.schedule(Path(config.config_file_path))
        self._settings = markdown_settings(guide)
        apply_guide(
            config, guide, ChecklistExtension()
        )  # MkDocs takes an extension instance as well as a name
        self._name_worker(config, guide, "sw.js")
        self._start_staging(config)
        for translation in self._translations:  # counted by strict mode, which then keeps the last site
            for warning in translation.warnings:
                # While serving they are in each page instead: a strict server that stopped at them
                # would answer no request.
                (log.info if self._serving else log.warning)(str(warning))
        return config

    def _read_data(self, config: MkDocsConfig) -> Guide:
        """Read and check the data, and make what it makes; the plugin keeps it only if all of it is good."""
        root = Path(config.config_file_path).parent
        docs_dir = Path(config.docs_dir)
        project = read_project(Path(config.config_file_path))
        guide, inputs = _load(project)
        translations = []
        if project.translations:
            from .bank.translations import load_translation

            translations = [load_translation(project, guide, language) for language in project.translations]
        docs_display = shown_path(docs_dir, root)
        files = cached_generated_files(
            guide, docs_dir, docs_display, config.use_directory_urls, root / SITE_CACHE, inputs
        )
        handouts = (preview_handouts if self._serving else build_handouts)(project, guide, inputs)
        self._translations = translations
        self._languages = ("en", *project.translations)
        self._translated = {page for translation in translations for page in translation.pages}
        self._files = files
        self._docs_display = docs_display
        self._handouts = handouts
        return guide

    def _translated_config(self, config: MkDocsConfig, translation: Translation) -> MkDocsConfig:
        """A translation's build: its generated pages and handouts, the English build's tools and checks."""
        from .site.languages import translated_modules, translated_project

        project = read_project(Path(config.config_file_path))
        english = project.docs_dir
        docs_dir = Path(config.docs_dir)
        guide = translation.guide
        translated = translated_project(project, translation)  # the handouts print the site's name
        try:
            self._files = cached_generated_files(
                guide,
                docs_dir,
                shown_path(docs_dir, project.root),
                config.use_directory_urls,
                project.root / SITE_CACHE,
                None,
            )
            self._handouts = (preview_handouts if self._serving else build_handouts)(translated, guide, None)
            self._tools = read_tools(english / SCRIPTS)
            overlay = {uri[len(SCRIPTS) + 1 :]: text for uri, text in translated_modules(translation).items()}
            self._bundle_scripts(config, english / SCRIPTS, overlay, shown_path(english, project.root))
        except (GuideError, PreloadError, BundleError) as err:
            for problem in getattr(err, "problems", ()):
                log.error(str(problem))
            raise PluginError(f"{err}; nothing was built and the last site was kept.") from None
        except MachineError as err:
            raise PluginError(f"{err}. Nothing was built and the last site was kept.") from None
        for line in self._handouts.summary.splitlines():
            log.info(line)
        self._settings = markdown_settings(guide)
        self._languages = ("en", translation.language)
        self._english_docs = english
        apply_guide(config, guide, ChecklistExtension())
        self._name_worker(config, guide, "../sw.js")  # the worker is at the root, above this language
        return config

    def _name_worker(self, config: MkDocsConfig, guide: Guide, worker: str) -> None:
        """Have each page link the app's manifest and name the offline worker (not while serving)."""
        if self.config.offline and not self._serving:
            colour = guide.institution.colours.primary or DEFAULT_COLOUR
            config.extra["guide_offline"] = {"worker": worker, "theme_color": colour}

    def _bundle_scripts(
        self, config: MkDocsConfig, scripts_dir: Path, overlay: dict[str, str], docs: str
    ) -> None:
        """Bundle the tools' modules (not while serving, where people read them) and preload the bundle's."""
        self._bundle = None
        if not self._serving:
            entries = bundle_entries(config.extra_javascript, self._tools)
            root = Path(config.config_file_path).parent
            self._bundle = bundle_scripts(scripts_dir, entries, overlay, root / BUNDLE_CACHE, docs)
        self._tools = bundled_tools(self._tools, self._bundle)

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Point the language switch and the hreflang links at this page in the other languages."""
        if len(self._languages) > 1:
            from .site.languages import ALTERNATES, alternates, home_alternates

            language = self.translation.language if self.translation is not None else "en"
            config.extra[ALTERNATES] = alternates(
                page.url, page.file.src_uri, language, self._translated | set(self._files), self._languages
            )
            # Each language's home, as Material's own switch and hreflang links want them (it finds
            # the same page through each home's sitemap.xml); overrides/ links this very page instead.
            config.extra["alternate"] = home_alternates(language, self._languages)
        return context

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Note which tools the page's content has a place for, to preload their modules."""
        self._present[page.file.src_uri] = tools_in(html, self._tools)
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Preload the tools' modules; add the security policy, or (while serving) the data's problems."""
        links = preload_tags(self._present.pop(page.file.src_uri, ()), page.url)
        if self._serving:  # the server adds its own inline script to reload the page, which no hash allows
            output = output.replace("</head>", links + "</head>", 1) if links else output
            if self._preview is None:
                return output
            from .site.preview_problems import with_problems

            return with_problems(output, page.url, self._preview)
        return with_policy(output, links)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """The 404 page (a template of its own, not a page) gets the same security policy."""
        return (
            output_content
            if self._serving or not template_name.endswith(".html")
            else with_policy(output_content)
        )

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Fill in `{{ institution.name }}` and the like; add handout sizes and the line shown in print."""
        markdown = fill_placeholders(markdown, self._settings)
        return self._handouts.additions.apply(markdown, page.file.src_uri) if self._handouts else markdown

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add the generated pages and JSON files to the build, in memory, and the handouts."""
        if self.translation is not None:
            from .site.languages import borrowed_files, translated_modules

            own = {file.src_uri for file in files}
            for uri in borrowed_files(self._english_docs, self.translation, own):
                files.append(File(uri, str(self._english_docs), config.site_dir, config.use_directory_urls))
            for uri, text in translated_modules(self.translation).items():
                if (english := files.get_file_from_path(uri)) is not None:
                    files.remove(english)
                files.append(File.generated(config, uri, content=text))
        else:
            # A translation's folder is its own build's, and never English pages, whether or not it is on.
            for file in [file for file in files if file.src_uri.split("/")[0] in TRANSLATIONS]:
                files.remove(file)  # a translation's own pages, which its own build makes
        if self._bundle is not None:  # the bundle's files in place of the modules it was made of
            for uri in (f"{SCRIPTS}/{module}" for module in self._bundle.inputs):
                if (module_file := files.get_file_from_path(uri)) is not None:
                    files.remove(module_file)
            for path, text in self._bundle.files.items():
                files.append(File.generated(config, f"{SCRIPTS}/{path}", content=text))
        for path, content in self._files.items():
            files.append(File.generated(config, path, content=content))
        if self._serving:  # the panel of problems' style and script, for the server's pages only
            from .site.preview_problems import preview_assets

            for path, content in preview_assets().items():
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
        for language in self._languages[1:]:  # the translations beside the bank and the visitors file
            for path in (
                root / f"interface.{language}.yaml",
                *(
                    (root / name).with_name(f"{(root / name).stem}.{language}{(root / name).suffix}")
                    for name in (self.config.bank, self.config.visitors)
                ),
            ):
                if path.is_file():
                    server.watch(str(path))
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
        for translation in self._translations:
            self._build_translation(config, translation)
        if config.strict and self._warnings.get_counts():
            self._abandon(config)
            return
        if not self._serving:  # our styles and scripts as served; `mkdocs serve` keeps them readable
            root = Path(config.config_file_path).parent
            try:
                bundled = {self._staging: frozenset(self._bundle.files if self._bundle else ())}
                bundled |= {self._staging / language: files for language, files in self._bundled.items()}
                notes = {
                    note
                    for site, files in bundled.items()
                    for note in minify_assets(site, root / MINIFY_CACHE, self._docs_display, files)
                }
            except GuideError as err:
                self._abandon(config)
                for problem in err.problems:
                    log.error(str(problem))
                raise PluginError(f"{err}; nothing was built and the last site was kept.") from None
            for note in sorted(notes):
                log.info(note)
            if not self.config.offline:
                write_remover(self._staging)
            elif self._last_good is not None:
                self._write_offline(config, self._last_good)
        publish(self._staging, self._site_dir)
        log.info(f"Published the finished build to {self._site_dir}")
        config.site_dir = str(self._site_dir)
        self._staging = None

    def _write_offline(self, config: MkDocsConfig, guide: Guide) -> None:
        """Write the service worker, the manifests and the icons into the finished build."""
        assert self._staging is not None
        languages = [app_language(config, guide, "")]
        if self._translations:
            from .site.languages import site_settings

            project = read_project(Path(config.config_file_path))
            for translation in self._translations:
                words = site_settings(project.config, translation)
                languages.append(app_language({**config, **words}, translation.guide, translation.language))
        institution = guide.institution
        logo = Path(config.docs_dir) / institution.logo if institution.logo else None
        root = Path(config.config_file_path).parent
        colour = institution.colours.primary
        files, size, version = write_offline(self._staging, languages, colour, logo, root / OFFLINE_CACHE)
        log.info(f"Offline: the service worker keeps {files} files ({size / 1e6:.1f} MB), version {version}")

    def on_build_error(self, *, error: Exception) -> None:
        """Throw the partial build away; the last good site stays as it was."""
        logging.getLogger("mkdocs").removeHandler(self._warnings)
        if self._staging is not None:
            discard(self._staging)
            self._staging = None

    def _build_translation(self, config: MkDocsConfig, translation: Translation) -> None:
        """Build a translation into `<language>/` of this build's folder, with its own settings."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        from .site.languages import translated_settings

        project = read_project(Path(config.config_file_path))
        settings = translated_settings(
            project.config, translation, Path(config.site_dir) / translation.language
        )
        settings["docs_dir"] = str(project.docs_dir / translation.language)
        # MkDocs keeps one instance of each plugin with startup hooks, for `serve` to reuse; this build
        # needs its own (ours, and search with its own index), so it loads with that cache empty.
        cache = MkDocsConfig.plugins.plugin_cache  # type: ignore[attr-defined]  # c.Plugins' own cache
        kept = dict(cache)
        cache.clear()
        try:
            translated = load_config(config.config_file_path, strict=config.strict, **settings)
        finally:
            cache.clear()
            cache.update(kept)
        translated.plugins.on_startup(command="serve" if self._serving else "build", dirty=True)
        plugin = translated.plugins["guide"]
        assert isinstance(plugin, GuidePlugin)
        plugin.translation = translation
        plugin._serving = self._serving
        plugin._translated = self._translated
        plugin._preview = self._preview
        try:
            build(translated, dirty=self._dirty)
        finally:
            translated.plugins.on_shutdown()
        # The server's background print, which this build's printer starts, does every language.
        if plugin._handouts is not None and plugin._handouts.stale:
            self._printer.schedule(Path(config.config_file_path))
        self._bundled[translation.language] = frozenset(plugin._bundle.files if plugin._bundle else ())

    def _start_staging(self, config: MkDocsConfig) -> None:
        """Point the build at an empty staging folder and start counting warnings."""
        if self._dirty or self.translation is not None:
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
