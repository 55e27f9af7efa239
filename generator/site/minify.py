"""Minify our own style sheets and scripts in a built site, as they are served.

Style sheets: rCSSmin (comments and spaces only). Scripts: esbuild, Debian's `esbuild` package, run
once over every file that changed since the last build (each result is kept in `.cache/minify/`,
keyed by the file's text and esbuild's version). Without esbuild the scripts are published as written,
larger but the same; the build says so once, as a note about the machine.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Collection
from pathlib import Path

import rcssmin  # type: ignore[import-untyped]  # rcssmin ships no type information

from ..errors import GuideError, Problem
from .styles import INSTITUTION_CSS, PRINT_MARGIN_CSS

STYLESHEETS = "assets/stylesheets"
SCRIPTS = "assets/javascripts"
CACHE_DIR = Path(".cache") / "minify"
# Generated style sheets are a few lines each, and read by people who check what the build made.
GENERATED = {INSTITUTION_CSS, PRINT_MARGIN_CSS}
# Material's own scripts, already minified: its bundle, its search worker and lunr's languages.
MATERIAL_SCRIPTS = ("lunr", "workers")

# Why esbuild: no JavaScript minifier on PyPI was safe for these ES modules. rJSmin breaks nested
# template literals (as its documentation says), and minify-go (tdewolff/minify 2.24) reordered
# declarations: in sheets.js `moveQuestion` it moved a `splice` before the line that read the list's
# length, which the browser tests caught. esbuild parses the modules fully; the browser tests run on
# its output, since every test site is built as it is published.
ESBUILD = "esbuild"
# UTF-8 out, as the modules are written: esbuild's default writes "é" as "\\xE9", which made each
# French messages module about a fifth larger. Module scripts are always read as UTF-8.
ESBUILD_ARGS = ("--minify", "--charset=utf8", "--legal-comments=none", "--log-level=error", "--color=false")
# esbuild's report of a mistake: "✘ [ERROR] Expected ";" but found "c"", then "    path.js:2:6:"
# (a 0-based column).
_ESBUILD_ERROR = re.compile(r"\[ERROR\] (?P<message>.+?)\n\s*\n\s+(?P<path>\S+?):(?P<line>\d+):(?P<col>\d+):")
NO_ESBUILD_NOTE = (
    "Scripts: published as written, not minified: this machine has no esbuild "
    "(install the Debian package esbuild); the site works the same, its pages are larger"
)


def our_stylesheets(site_dir: Path) -> list[Path]:
    """Our style sheets in the built site: not Material's (*.min.css), not the generated ones."""
    return [
        path
        for path in sorted((site_dir / STYLESHEETS).glob("*.css"))
        if not path.name.endswith(".min.css") and f"{STYLESHEETS}/{path.name}" not in GENERATED
    ]


def our_scripts(site_dir: Path, bundled: Collection[str] = ()) -> list[Path]:
    """Our scripts in the built site: every module of the browser tools, none of Material's.

    `bundled` are the paths (under assets/javascripts/) that bundle.py made, minified already.
    """
    root = site_dir / SCRIPTS
    return [
        path
        for path in sorted(root.rglob("*.js"))
        if not path.name.endswith(".min.js")
        and path.relative_to(root).parts[0] not in MATERIAL_SCRIPTS
        and path.relative_to(root).as_posix() not in bundled
    ]


def minify_assets(
    site_dir: Path, cache_dir: Path | None = None, docs: str = "content", bundled: Collection[str] = ()
) -> list[str]:
    """Rewrite our style sheets and scripts in `site_dir` minified; notes about the machine, if any.

    `docs` is the docs folder as shown to people: a script esbuild refuses is reported there. The
    `bundled` scripts (paths under assets/javascripts/) are left as bundle.py made them.
    """
    for path in our_stylesheets(site_dir):
        text = path.read_text(encoding="utf-8")
        path.write_text(rcssmin.cssmin(text), encoding="utf-8")
    return minify_scripts(site_dir, our_scripts(site_dir, frozenset(bundled)), cache_dir, docs)


def minify_scripts(site_dir: Path, paths: list[Path], cache_dir: Path | None, docs: str) -> list[str]:
    """Replace each script by its esbuild-minified text, from the cache when its text was seen before."""
    version = esbuild_version(cache_dir)
    if version is None:
        return [NO_ESBUILD_NOTE] if paths else []
    keys = {path: _key(path.read_bytes(), version) for path in paths}
    missing = [path for path in paths if not _from_cache(path, cache_dir, keys[path])]
    if missing:
        _run_esbuild(site_dir, missing, docs)
        for path in missing:
            _to_cache(path, cache_dir, keys[path])
    return []


def esbuild_version(cache_dir: Path | None = None) -> str | None:
    """The version of the esbuild on this machine, or None when it has none that runs.

    Kept in `cache_dir` (when given) under the program's path, time and size: asking esbuild costs a
    process, 5 ms of CPU, in every build, and the same file always says the same.
    """
    found = shutil.which(ESBUILD)
    if found is None:
        return None
    try:
        file = os.stat(found)
    except OSError:
        return None
    return _version_of(found, file.st_mtime_ns, file.st_size, cache_dir)


@functools.lru_cache(maxsize=8)
def _version_of(path: str, mtime_ns: int, size: int, cache_dir: Path | None) -> str | None:
    """What the esbuild at `path` says its version is: asked once a build (bundle and minify, each language).

    Keyed by the file's time and size as well, so a server that runs for days sees an upgrade.
    """
    name = hashlib.sha256(f"{path}\0{mtime_ns}\0{size}".encode()).hexdigest()[:16]
    kept = cache_dir / f"esbuild-{name}.version" if cache_dir is not None else None
    try:
        if kept is not None and (known := kept.read_text(encoding="utf-8").strip()):
            return known
    except OSError:
        pass  # not asked before, or a cache that cannot be read: ask
    try:
        done = subprocess.run([path, "--version"], capture_output=True, text=True, check=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    version = done.stdout.strip() or None
    if kept is not None and version is not None:
        try:
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.write_text(version + "\n", encoding="utf-8")
        except OSError:
            pass  # a cache that cannot be written only costs the question next build
    return version


def _run_esbuild(site_dir: Path, paths: list[Path], docs: str) -> None:
    """Minify the files in place with one esbuild run; a script it refuses is a located problem."""
    common = Path(os.path.commonpath([path.parent for path in paths]))
    with tempfile.TemporaryDirectory(prefix="guide-minify-") as out:
        args = [ESBUILD, *ESBUILD_ARGS, f"--outbase={common}", f"--outdir={out}"]
        relative = [path.relative_to(site_dir).as_posix() for path in paths]
        done = subprocess.run([*args, *relative], cwd=site_dir, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise GuideError(script_problems(done.stderr, docs, lambda path: path))
        for path in paths:
            shutil.copyfile(Path(out) / path.relative_to(common), path)


def script_problems(report: str, docs: str, in_docs: Callable[[str], str]) -> list[Problem]:
    """The scripts esbuild refused, as problems at their place in the docs folder (as browsers would).

    `in_docs` turns a path as esbuild names it (from its working folder) into one in the docs folder.
    """
    problems = [
        Problem(
            f"{docs}/{in_docs(m['path'])}",
            int(m["line"]),
            int(m["col"]) + 1,
            f"JavaScript error: {m['message']}",
        )
        for m in _ESBUILD_ERROR.finditer(report)
    ]
    unlocated = f"esbuild could not minify or bundle the scripts: {report.strip()}"
    return problems or [Problem(f"{docs}/{SCRIPTS}", 1, 1, unlocated)]


def _key(text: bytes, version: str) -> str:
    digest = hashlib.sha256(version.encode() + b"\0" + " ".join(ESBUILD_ARGS).encode() + b"\0")
    digest.update(text)
    return digest.hexdigest()[:32]


def _from_cache(path: Path, cache_dir: Path | None, key: str) -> bool:
    """Put the cached minified text in place of `path`; whether there was one."""
    if cache_dir is None:
        return False
    try:
        shutil.copyfile(cache_dir / f"{key}.js", path)
    except OSError:
        return False
    return True


def _to_cache(path: Path, cache_dir: Path | None, key: str) -> None:
    """Keep the minified text; a cache that cannot be written only costs time next build."""
    if cache_dir is None:
        return
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        temporary = cache_dir / f".{key}.{os.getpid()}.tmp"
        shutil.copyfile(path, temporary)
        os.replace(temporary, cache_dir / f"{key}.js")
    except OSError:
        pass
