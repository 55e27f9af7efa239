"""Write the merged docs tree and a plugin-free mkdocs.yml that plain MkDocs builds."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from msgspec.structs import replace

from .bank import PLUGIN_NAME, Project, fill_placeholders, markdown_pages, named_entries
from .bank.translations import Translation
from .errors import StageError, shown_path
from .handouts import build_handouts
from .model import TRANSLATIONS, Guide
from .site import apply_guide, generated_files, markdown_settings
from .site.checklist_html import MARKDOWN_EXTENSIONS, task_lists_as_html
from .site.languages import (
    borrowed_files,
    home_alternates,
    site_settings,
    translated_modules,
    translated_settings,
)
from .site.navigation import expand_nav

MARKER = ".guide-stage"
STAGED_DOCS = "docs"
# The theme's overrides, copied in: the staged tree builds anywhere, with nothing of the project's.
STAGED_OVERRIDES = "overrides"


def stage(project: Project, guide: Guide, out: Path, translations: Sequence[Translation] = ()) -> int:
    """Fill `out` with docs/ and mkdocs.yml, and each translation's; return how many files were generated.

    A translation is staged as `docs-<language>/` and `mkdocs.<language>.yml`, which builds into
    `site/<language>/`: build the English first, since MkDocs empties its site folder.
    """
    _prepare(out)
    _stage_overrides(project, out)
    count = _stage_docs(project, guide, out / STAGED_DOCS, project.docs_dir)
    languages = ("en", *(translation.language for translation in translations))
    english = staged_config(project, guide)
    _switch_to_homes(english, "en", languages)
    config_text = yaml.safe_dump(english, sort_keys=False, allow_unicode=True)
    (out / "mkdocs.yml").write_text(config_text, encoding="utf-8")
    for translation in translations:
        language = translation.language
        docs = out / f"{STAGED_DOCS}-{language}"
        source = project.docs_dir / language
        words = site_settings(project.config, translation)  # the handouts print the site's name
        translated = replace(
            project, config={**project.config, **words, "docs_dir": shown_path(source, project.root)}
        )
        count += _stage_docs(translated, translation.guide, docs, source)
        for uri in borrowed_files(project.docs_dir, translation, _files_in(docs)):
            (docs / uri).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(project.docs_dir / uri, docs / uri)
        for uri, text in translated_modules(translation).items():
            (docs / uri).write_text(text, encoding="utf-8")
        config = staged_config(translated, translation.guide)
        config.update(translated_settings(project.config, translation, Path(f"site/{language}")))
        config["docs_dir"] = docs.name
        _switch_to_homes(config, language, languages)
        theme = config.get("theme")
        if isinstance(theme, dict) and theme.get("custom_dir"):  # the translation's theme is the project's
            theme["custom_dir"] = STAGED_OVERRIDES
        config["nav"] = (
            expand_nav(config["nav"], translation.guide) if config.get("nav") else config.get("nav")
        )
        config_text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
        (out / f"mkdocs.{language}.yml").write_text(config_text, encoding="utf-8")
    (out / MARKER).write_text("Made by `python -m generator stage`; safe to delete.\n")
    return count


def _switch_to_homes(config: dict[str, Any], language: str, languages: tuple[str, ...]) -> None:
    """Without the plugin, which points the switch at the same page, it leads to each language's home."""
    if len(languages) > 1:
        extra = config.setdefault("extra", {})
        extra["alternate"] = home_alternates(language, languages)


def _files_in(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def _stage_docs(project: Project, guide: Guide, docs: Path, source: Path) -> int:
    """Copy one language's pages into `docs`, fill them in, and add its generated files and handouts."""
    files = generated_files(guide, source, shown_path(source, project.root), project.directory_urls)
    shutil.copytree(source, docs, ignore=lambda folder, names: _translations_in(source, folder, names))
    settings = markdown_settings(guide)
    for path, text in files.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    generated = {docs / path for path in files}
    for page in markdown_pages(docs):
        text = page.read_text(encoding="utf-8-sig")
        # The plugin fills in the advisors' pages, not the generated ones; both get the checklist markup.
        filled = text if page in generated else fill_placeholders(text, settings)
        page.write_text(task_lists_as_html(filled), encoding="utf-8")
    build_handouts(project, guide).write_into(docs)
    return len(files)


def _translations_in(source: Path, folder: str, names: list[str]) -> list[str]:
    """The translations' own folders at the top of the English docs, which their own staging copies."""
    return [name for name in names if Path(folder) == source and name in TRANSLATIONS]


def staged_config(project: Project, guide: Guide) -> dict[str, Any]:
    """The project's MkDocs settings without the guide plugin, pointing at the staged docs."""
    config = copy.deepcopy(project.config)
    config["docs_dir"] = STAGED_DOCS
    config["site_dir"] = "site"
    config["plugins"] = _without_guide(config.get("plugins"))
    apply_guide(config, guide, None)  # the checklists are written out as HTML (checklist_html.py)
    extensions = config["markdown_extensions"]
    names = {next(iter(item)) if isinstance(item, dict) else item for item in extensions}
    extensions += [name for name in MARKDOWN_EXTENSIONS if name not in names]
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = STAGED_OVERRIDES
    return config


def _stage_overrides(project: Project, out: Path) -> None:
    """Copy the theme's overrides folder, if the project has one, into the staged tree."""
    theme = project.config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        shutil.copytree(project.root / theme["custom_dir"], out / STAGED_OVERRIDES)


def _without_guide(plugins: Any) -> Any:
    """The plugins setting without the guide plugin, in the form it was given."""
    guide = {where for where, name, _options in named_entries(plugins) if name == PLUGIN_NAME}
    if isinstance(plugins, dict):
        return {name: options for name, options in plugins.items() if name not in guide}
    if isinstance(plugins, list):
        return [item for index, item in enumerate(plugins) if index not in guide]
    return plugins


def _prepare(out: Path) -> None:
    """Make `out` an empty folder, refusing to wipe one that stage did not make."""
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).exists():
            raise StageError(f"{out} is not empty and was not made by 'stage'; choose a new folder")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
