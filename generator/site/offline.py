"""The guide offline and installable: its service worker, with the list of files it keeps, and its app.

Written into the finished build (every language in it), before it is published: `sw.js` at the root
(worker.js with the list of the site's files and a version made from their contents, so that the same
content is the same worker), a `manifest.webmanifest` in each language's folder, and the app's icons.
While serving there is none of it; with `offline: false` in mkdocs.yml, `sw.js` is a worker that
removes itself (worker-off.js), for the browsers that kept the guide before.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from ..bank.words import words_of
from ..listing import relative_files
from ..model import Guide
from .pages import PREP_SHEET, site_url

if TYPE_CHECKING:  # Pillow is imported when the icons are drawn, not by every build that imports this
    from PIL.Image import Image as Picture

WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
ICONS = {192: "assets/images/app-icon-192.png", 512: "assets/images/app-icon-512.png"}
WORKER_SOURCE = Path(__file__).with_name("worker.js")
REMOVER_SOURCE = Path(__file__).with_name("worker-off.js")
PLACEHOLDER = '"__PRECACHE__"'
CACHE_DIR = Path(".cache") / "offline"
DEFAULT_COLOUR = "#283593"  # the header's colour in theme.css when the institution sets none
# Not kept: source maps (read only by a developer's tools), the compressed sitemaps beside the plain
# ones, and search's word lists for languages the site is not in.
SKIPPED_SUFFIXES = (".map", ".gz")
LUNR = "assets/javascripts/lunr/"
LUNR_SHARED = ("lunr.stemmer.support", "lunr.multi")


class AppLanguage(Struct, frozen=True):
    """One language of the installed app: its folder in the site ("" for English) and its words."""

    folder: str
    lang: str
    name: str
    short_name: str
    description: str
    shortcut: str
    shortcut_url: str


def app_language(settings: Mapping[str, Any], guide: Guide, folder: str) -> AppLanguage:
    """A language of the app from its site's settings (name, description) and its guide's words."""
    words = words_of(guide)
    language = folder or "en"
    name = (
        f"{settings['site_name']} – {guide.institution.name}"
        if guide.institution.name
        else settings["site_name"]
    )
    return AppLanguage(
        folder=folder,
        lang=f"{language}-CA",
        name=name,
        short_name=words("app.shortName"),
        description=str(settings.get("site_description") or ""),
        shortcut=words("app.shortcut.prepSheet"),
        shortcut_url=site_url(PREP_SHEET, bool(settings.get("use_directory_urls", True))),
    )


def write_offline(
    site: Path,
    languages: Sequence[AppLanguage],
    colour: str | None,
    logo: Path | None,
    cache_dir: Path | None = None,
) -> tuple[int, int, str]:
    """Write the icons, each language's manifest and the worker into `site`: files kept, bytes, version.

    The icons are kept in `cache_dir` under a key of their size, colour and logo, so that a build with
    the same ones draws nothing (nor imports Pillow).
    """
    theme = colour or DEFAULT_COLOUR
    for size, path in ICONS.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(_icon_png(size, theme, logo, cache_dir))
    for language in languages:
        text = json.dumps(manifest(language, theme), ensure_ascii=False, indent=1)
        (site / language.folder / MANIFEST).write_text(text + "\n", encoding="utf-8")
    files = precache(site, [language.lang.split("-")[0] for language in languages])
    version = precache_version(files)
    folders = [language.folder for language in languages if language.folder]
    listed = {"version": version, "files": [path for path, _digest, _size in files], "languages": folders}
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    (site / WORKER).write_text(source.replace(PLACEHOLDER, json.dumps(listed, ensure_ascii=False)), "utf-8")
    return len(files), sum(size for _path, _digest, size in files), version


def write_remover(site: Path) -> None:
    """With offline turned off: a worker that removes itself and what it kept from browsers that had it."""
    (site / WORKER).write_text(REMOVER_SOURCE.read_text(encoding="utf-8"), encoding="utf-8")


def manifest(language: AppLanguage, colour: str) -> dict[str, object]:
    """The web app manifest of one language, its paths relative to its own folder."""
    up = "../" if language.folder else ""
    return {
        "name": language.name,
        "short_name": language.short_name,
        "description": language.description,
        "lang": language.lang,
        "dir": "ltr",
        "start_url": "./",
        "scope": up or "./",
        "display": "standalone",
        "theme_color": colour,
        "background_color": "#ffffff",
        "icons": [
            {"src": f"{up}{path}", "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
            for size, path in ICONS.items()
        ],
        "shortcuts": [{"name": language.shortcut, "url": language.shortcut_url}],
    }


def precache(site: Path, languages: Sequence[str]) -> list[tuple[str, str, int]]:
    """Every file the worker keeps, by its path in the site, with a checksum of its content and its size.

    The checksum is CRC-32: the version must change when a file does, not withstand someone forging a
    file, and over the whole site CRC-32 takes a fraction of SHA-256's time (benchmarks/README.md). A
    change it missed would also have to keep the file's size. In path order, folder by folder
    (`relative_files`); hidden files and folders are not kept.
    """
    wanted_lunr = (*LUNR_SHARED, *(f"lunr.{language}" for language in languages if language != "en"))
    lunr_names = tuple(f"{stem}." for stem in wanted_lunr)
    found = []
    for name in relative_files(site, lambda folder: folder.startswith(".")):
        file_name = name.rpartition("/")[2]
        if file_name.startswith(".") or name == WORKER or name.endswith(SKIPPED_SUFFIXES):
            continue
        if name.startswith(LUNR) and not file_name.startswith(lunr_names):
            continue
        with open(os.path.join(site, name), "rb") as file:
            content = file.read()
        found.append((name, f"{zlib.crc32(content):08x}", len(content)))
    return found


def precache_version(files: Sequence[tuple[str, str, int]]) -> str:
    """One version for the whole list: the same files with the same contents give the same one."""
    digest = hashlib.sha256()
    for name, checksum, size in files:
        digest.update(f"{name}\0{size}\0{checksum}\n".encode())
    return digest.hexdigest()[:16]


def _icon_png(size: int, colour: str, logo: Path | None, cache_dir: Path | None) -> bytes:
    """The icon as PNG bytes: from the cache when it was drawn before, else drawn (and kept)."""
    try:
        picture = logo.read_bytes() if logo is not None else b""
    except OSError:
        picture, logo = b"", None  # a logo that cannot be read: the guide's own mark
    key = hashlib.sha256(f"{size}\0{colour}\0".encode() + picture).hexdigest()[:16]
    kept = cache_dir / f"icon-{key}.png" if cache_dir is not None else None
    if kept is not None and kept.is_file():
        return kept.read_bytes()
    drawn = io.BytesIO()
    icon(size, colour, logo).save(drawn, format="PNG", optimize=True)
    if kept is not None:
        try:
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.write_bytes(drawn.getvalue())
        except OSError:
            pass  # a cache that cannot be written only costs time next build
    return drawn.getvalue()


def icon(size: int, colour: str, logo: Path | None) -> Picture:
    """A square icon: the institution's logo (a picture Pillow reads) on white, else the guide's mark."""
    from PIL import Image

    if logo is not None:
        try:
            with Image.open(logo) as picture:
                picture.load()
                mark = picture.convert("RGBA")
        except (OSError, ValueError):  # an SVG logo, or none Pillow reads: the guide's own mark
            mark = None
        if mark is not None:
            canvas = Image.new("RGBA", (size, size), "#ffffff")
            mark.thumbnail((round(size * 0.8), round(size * 0.8)))
            canvas.alpha_composite(mark, ((size - mark.width) // 2, (size - mark.height) // 2))
            return canvas.convert("RGB")
    return _mark(size, colour)


def _mark(size: int, colour: str) -> Picture:
    """The guide's own mark: two speech bubbles, a conversation, in white on the site's colour."""
    from PIL import Image, ImageDraw

    canvas = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(canvas)
    unit = size / 16
    draw.rounded_rectangle((2 * unit, 3 * unit, 11 * unit, 9 * unit), radius=1.5 * unit, fill="#ffffff")
    draw.polygon([(4 * unit, 8.5 * unit), (4 * unit, 11 * unit), (6.5 * unit, 8.5 * unit)], fill="#ffffff")
    draw.rounded_rectangle((6 * unit, 7 * unit, 14 * unit, 12.5 * unit), radius=1.5 * unit, fill="#c5cae9")
    draw.polygon([(12 * unit, 12 * unit), (12 * unit, 14 * unit), (10 * unit, 12 * unit)], fill="#c5cae9")
    return canvas
