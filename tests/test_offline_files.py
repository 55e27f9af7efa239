"""The offline worker's list of files, its version, the app's manifests and icons, and turning it off."""

from __future__ import annotations

import json
import re
from pathlib import Path

from PIL import Image
from support import copy_minimal, mkdocs_build

from generator.site.offline import ICONS, MANIFEST, WORKER, AppLanguage, write_offline

ENGLISH = AppLanguage("", "en-CA", "Guide – Centre", "Guide", "A guide.", "Prep sheet", "prep-sheet/")
FRENCH = AppLanguage("fr", "fr-CA", "Guide – Centre", "Guide", "Un guide.", "Fiche", "prep-sheet/")


def site(root: Path) -> Path:
    """A small built site: pages in two languages, a handout, a source map and search's word lists."""
    for name in (
        "index.html",
        "research/index.html",
        "fr/index.html",
        "fr/404.html",
        "downloads/guide.pdf",
        "search/search_index.json",
        "assets/javascripts/bundle.1234.min.js",
        "assets/javascripts/bundle.1234.min.js.map",
        "sitemap.xml",
        "sitemap.xml.gz",
        "assets/javascripts/lunr/min/lunr.fr.min.js",
        "assets/javascripts/lunr/min/lunr.de.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/javascripts/lunr/min/lunr.multi.min.js",
        ".cache-note",
    ):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(f"the text of {name}", encoding="utf-8")
    return root


def listed(root: Path) -> dict[str, object]:
    """The list the worker was given."""
    found = re.search(r"^const PRECACHE = (\{.*\});$", (root / WORKER).read_text(encoding="utf-8"), re.M)
    assert found, "sw.js holds no list"
    return dict(json.loads(found.group(1)))


def test_the_worker_keeps_the_site_s_own_files_and_nothing_it_does_not_need(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    files, size, version = write_offline(root, [ENGLISH, FRENCH], "#00558c", None)
    kept = listed(root)
    names = kept["files"]
    assert isinstance(names, list) and files == len(names) and size > 0
    assert {
        "index.html",
        "fr/404.html",
        "downloads/guide.pdf",
        "search/search_index.json",
        "sitemap.xml",
    } <= set(names)
    assert {MANIFEST, f"fr/{MANIFEST}", *ICONS.values()} <= set(names)
    assert not [name for name in names if name.endswith((".map", ".gz")) or name.startswith(".")]
    lunr = sorted(name.rsplit("/", 1)[1] for name in names if "/lunr/" in name)
    assert lunr == ["lunr.fr.min.js", "lunr.multi.min.js", "lunr.stemmer.support.min.js"]
    assert WORKER not in names and kept["languages"] == ["fr"] and kept["version"] == version


def test_the_same_content_is_the_same_worker_and_a_change_is_a_new_version(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    first = write_offline(root, [ENGLISH], None, None)[2]
    worker = (root / WORKER).read_bytes()
    assert write_offline(root, [ENGLISH], None, None)[2] == first
    assert (root / WORKER).read_bytes() == worker  # the browser finds nothing new to download
    (root / "research/index.html").write_text("changed", encoding="utf-8")
    assert write_offline(root, [ENGLISH], None, None)[2] != first


def test_each_language_has_a_manifest_and_the_icons_are_drawn(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    write_offline(root, [ENGLISH, FRENCH], "#00558c", None)
    english = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    french = json.loads((root / "fr" / MANIFEST).read_text(encoding="utf-8"))
    assert (english["start_url"], english["scope"], french["start_url"], french["scope"]) == (
        "./",
        "./",
        "./",
        "../",
    )
    assert english["theme_color"] == "#00558c" and english["display"] == "standalone"
    assert french["lang"] == "fr-CA" and french["shortcuts"] == [{"name": "Fiche", "url": "prep-sheet/"}]
    assert [icon["src"] for icon in french["icons"]] == [f"../{path}" for path in ICONS.values()]
    for size, path in ICONS.items():
        with Image.open(root / path) as picture:
            assert picture.size == (size, size) and picture.format == "PNG"
            assert picture.getpixel((1, 1))[:3] == (0x00, 0x55, 0x8C)  # the institution's colour


def test_a_logo_pillow_reads_becomes_the_icon(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 20), "#ff0000").save(logo)
    write_offline(root, [ENGLISH], None, logo)
    with Image.open(root / ICONS[512]) as picture:
        assert picture.getpixel((256, 256))[:3] == (255, 0, 0) and picture.getpixel((2, 2))[:3] == (
            255,
            255,
            255,
        )
    svg = tmp_path / "logo.svg"
    svg.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    write_offline(root, [ENGLISH], None, svg)  # not a picture Pillow reads: the guide's own mark
    with Image.open(root / ICONS[192]) as picture:
        assert picture.getpixel((1, 1))[:3] == (0x28, 0x35, 0x93)


def test_offline_false_in_mkdocs_yml_writes_a_worker_that_removes_itself(tmp_path: Path) -> None:
    project = copy_minimal(tmp_path)
    assert mkdocs_build(project).returncode == 0
    assert (project / "site" / WORKER).is_file() and (project / "site" / MANIFEST).is_file()
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - guide\n", "  - guide:\n      offline: false\n")
    )
    assert mkdocs_build(project).returncode == 0
    assert not (project / "site" / MANIFEST).exists()
    remover = (project / "site" / WORKER).read_text(encoding="utf-8")  # for browsers that kept the guide
    assert "self.registration.unregister()" in remover and "PRECACHE" not in remover


def test_icons_drawn_once_come_from_the_cache(tmp_path: Path) -> None:
    root, cache = site(tmp_path / "site"), tmp_path / "cache"
    write_offline(root, [ENGLISH], "#00558c", None, cache)
    kept = sorted(cache.glob("icon-*.png"))
    assert len(kept) == 2
    for path in kept:
        path.write_bytes(path.read_bytes() + b"kept")  # marked, to see it is what the next build uses
    write_offline(root, [ENGLISH], "#00558c", None, cache)
    assert all((root / path).read_bytes().endswith(b"kept") for path in ICONS.values())
    write_offline(root, [ENGLISH], "#123456", None, cache)  # another colour: drawn anew
    assert len(list(cache.glob("icon-*.png"))) == 4
