"""Bundle the browser tools' modules with esbuild: a page fetches a few chunks, not dozens of modules.

The modules stay small and one-purpose in `assets/javascripts/` (as people read them); the site gets
each entry (the scripts mkdocs.yml loads and each tool of `tools.js`) at its own path, the code the
entries share in `chunks/`, and each module loaded on demand (`import("./x.js")`) as a chunk of its own,
fetched only when used. A tool's preloads become its entry and the chunks it imports statically.

One esbuild run does a language: English from the docs folder, a translation with its messages modules
in place of the English ones. Each result is kept in `.cache/bundle/`, keyed by esbuild's version, its
arguments, the entries and every module's path and text. Without esbuild, or while serving (where
people read and edit the modules), there is no bundle and the site publishes the modules as written.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from msgspec import Struct
from msgspec.structs import replace

from ..errors import GeneratorError, GuideError, MachineError
from .minify import ESBUILD, ESBUILD_ARGS, SCRIPTS, esbuild_version, script_problems
from .preload import Tool

CACHE_DIR = Path(".cache") / "bundle"
CHUNKS = "chunks"
# The shared code of several entries, in one folder one level down: a module that works out a URL
# from `import.meta.url` (core/page.js finds the site's root that way) must land as deep as it is
# written, which bundle() checks.
BUNDLE_ARGS = (
    "--bundle",
    "--splitting",
    "--format=esm",
    "--entry-names=[dir]/[name]",
    f"--chunk-names={CHUNKS}/[name]-[hash]",
)


class BundleError(GeneratorError):
    """The scripts cannot be read, or esbuild placed one where it no longer works (for developers to mend)."""


class Bundle(Struct, frozen=True):
    """What esbuild made of the modules: its files, the modules it took in, each entry's static imports.

    Paths are under `assets/javascripts/`. `closures[entry]` is the entry and every chunk it imports
    statically, at any depth (what a page with it should preload), entry first.
    """

    files: dict[str, str]
    inputs: frozenset[str]
    closures: dict[str, tuple[str, ...]]


def bundle_scripts(
    scripts_dir: Path,
    entries: Sequence[str],
    overlay: Mapping[str, str],
    cache_dir: Path | None,
    docs: str,
) -> Bundle | None:
    """The entries bundled (`overlay`'s texts in place of those modules), or None without esbuild.

    `docs` is the docs folder as shown to people: a module esbuild refuses is reported there.
    """
    version = esbuild_version(cache_dir)
    if version is None or not entries:
        return None
    sources = _sources(scripts_dir, overlay)
    key = _key(version, entries, sources)
    cached = _from_cache(cache_dir, key)
    if cached is not None:
        return cached
    made = _run(sources, entries, docs)
    _to_cache(cache_dir, key, made)
    return made


def _sources(scripts_dir: Path, overlay: Mapping[str, str]) -> dict[str, bytes]:
    """Every module under `scripts_dir` by its path there, with the overlay's in place of its own."""
    try:
        found = {
            path.relative_to(scripts_dir).as_posix(): path.read_bytes()
            for path in sorted(scripts_dir.rglob("*.js"))
        }
    except OSError as err:
        raise BundleError(f"cannot read the scripts in {scripts_dir}: {err.strerror}") from None
    return found | {path: text.encode() for path, text in overlay.items()}


def _key(version: str, entries: Sequence[str], sources: Mapping[str, bytes]) -> str:
    digest = hashlib.sha256("\0".join([version, *ESBUILD_ARGS, *BUNDLE_ARGS, *entries, ""]).encode())
    for path, text in sorted(sources.items()):
        digest.update(f"{path}\0{len(text)}\0".encode())
        digest.update(text)
    return digest.hexdigest()[:32]


def _run(sources: Mapping[str, bytes], entries: Sequence[str], docs: str) -> Bundle:
    """One esbuild run over a copy of the modules, in a folder of its own."""
    with tempfile.TemporaryDirectory(prefix="guide-bundle-") as folder:
        root = Path(folder)
        for path, text in sources.items():
            (root / "src" / path).parent.mkdir(parents=True, exist_ok=True)
            (root / "src" / path).write_bytes(text)
        args = [
            ESBUILD,
            *ESBUILD_ARGS,
            *BUNDLE_ARGS,
            "--outbase=src",
            "--outdir=out",
            "--metafile=meta.json",
            *(f"src/{entry}" for entry in entries),
        ]
        try:
            done = subprocess.run(args, cwd=root, capture_output=True, text=True, check=False)
        except OSError as err:
            raise MachineError(
                "bundle the scripts", "esbuild", f"esbuild does not run ({err.strerror})"
            ) from None
        if done.returncode != 0:
            raise GuideError(
                script_problems(done.stderr, docs, lambda path: f"{SCRIPTS}/{_under(path, 'src/')}")
            )
        meta = json.loads((root / "meta.json").read_text(encoding="utf-8"))
        files = {
            path.relative_to(root / "out").as_posix(): path.read_text(encoding="utf-8")
            for path in sorted((root / "out").rglob("*.js"))
        }
    outputs = {_under(name, "out/"): output for name, output in meta["outputs"].items()}
    _check_depths(outputs, sources)
    inputs = frozenset(_under(name, "src/") for name in meta["inputs"])
    closures = {entry: _closure(outputs, entry) for entry in entries}
    return Bundle(files, inputs, closures)


def _under(path: str, folder: str) -> str:
    """`path` without its leading `folder`, as esbuild's metafile names files from the working folder."""
    return path[len(folder) :] if path.startswith(folder) else path


def _check_depths(outputs: Mapping[str, dict[str, object]], sources: Mapping[str, bytes]) -> None:
    """Refuse a bundle that moved a module using `import.meta` to another depth, where its URLs break."""
    for name, output in outputs.items():
        taken: Iterable[str] = output.get("inputs", {})  # type: ignore[assignment]  # esbuild's metafile
        for source in taken:
            module = _under(source, "src/")
            if b"import.meta" in sources.get(module, b"") and module.count("/") != name.count("/"):
                raise BundleError(
                    f"esbuild put assets/javascripts/{module}, which reads import.meta.url, into {name}, "
                    f"at another depth: its relative URLs would point elsewhere ({__name__})"
                )


def _closure(outputs: Mapping[str, dict[str, object]], entry: str) -> tuple[str, ...]:
    """`entry` and every chunk it imports statically, at any depth, entry first."""
    found: dict[str, None] = {}
    waiting = [entry]
    while waiting:
        name = waiting.pop(0)
        if name in found:
            continue
        found[name] = None
        imports: Iterable[dict[str, str]] = outputs[name].get("imports", [])  # type: ignore[assignment]
        waiting += [_under(i["path"], "out/") for i in imports if i.get("kind") == "import-statement"]
    return tuple(found)


def _from_cache(cache_dir: Path | None, key: str) -> Bundle | None:
    """The bundle kept under `key`; None if there is none or it cannot be read (then it is made again)."""
    if cache_dir is None:
        return None
    try:
        kept = json.loads((cache_dir / f"{key}.json").read_text(encoding="utf-8"))
        return Bundle(
            {str(k): str(v) for k, v in kept["files"].items()},
            frozenset(str(path) for path in kept["inputs"]),
            {str(k): tuple(str(p) for p in v) for k, v in kept["closures"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _to_cache(cache_dir: Path | None, key: str, made: Bundle) -> None:
    """Keep the bundle; a cache that cannot be written only costs time next build."""
    if cache_dir is None:
        return
    kept = {"files": made.files, "inputs": sorted(made.inputs), "closures": made.closures}
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        temporary = cache_dir / f".{key}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, cache_dir / f"{key}.json")
    except OSError:
        pass


def bundle_entries(extra_javascript: Iterable[object], tools: Iterable[Tool]) -> list[str]:
    """What to bundle, under assets/javascripts/: the module scripts mkdocs.yml loads, then each tool."""
    scripts = [
        str(getattr(script, "path", script))
        for script in extra_javascript
        if getattr(script, "type", "") == "module"
    ]
    loaded = [script[len(SCRIPTS) + 1 :] for script in scripts if script.startswith(f"{SCRIPTS}/")]
    return list(dict.fromkeys([*loaded, *(tool.modules[0] for tool in tools)]))


def bundled_tools(tools: Iterable[Tool], made: Bundle | None) -> list[Tool]:
    """The tools with the bundle's files to preload in place of their modules (as they are without one)."""
    if made is None:
        return list(tools)
    return [replace(tool, modules=made.closures[tool.modules[0]]) for tool in tools]
