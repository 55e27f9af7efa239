"""The generator in layers: each module imports on its own, no import cycle, no layer imports one above it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"
# What each part may import of the generator, from the bottom up; the adapters at the top may import anything.
# `generator.exports` (the packages' lazy re-exports) and `generator.listing` (a folder's files) are at the
# bottom with the errors.
BOTTOM = {"generator.errors", "generator.exports", "generator.listing"}
LAYERS = {
    "generator.errors": set(),
    "generator.exports": set(),
    "generator.listing": set(),
    "generator.code": {"generator.errors", "generator.listing"},
    "generator.model": set(),
    "generator.bank": {*BOTTOM, "generator.code", "generator.model"},
    "generator.site": {*BOTTOM, "generator.code", "generator.model", "generator.bank"},
    "generator.handouts": {*BOTTOM, "generator.code", "generator.model", "generator.bank", "generator.site"},
}
MKDOCS_ADAPTER = "generator.plugin"


def _modules() -> dict[str, Path]:
    """Every module of the generator by its dotted name (a package by its own name)."""
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def _imports(name: str, path: Path, known: set[str], top_level_only: bool) -> set[str]:
    """The generator's modules that importing `name` imports (parent packages included), or every import."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in _top_level(tree) if top_level_only else ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            targets = [module] + [f"{module}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            found |= {target} if not target.startswith("generator") else _with_parents(target, name, known)
    return found


def _top_level(tree: ast.Module) -> list[ast.stmt]:
    """The module's own statements, and those under `if TYPE_CHECKING:` (a cycle for the type checker too)."""
    statements: list[ast.stmt] = []
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            statements.extend(node.body)
        else:
            statements.append(node)
    return statements


def _with_parents(target: str, importer: str, known: set[str]) -> set[str]:
    """A module and the packages above it that importing it runs (not those the importer is inside)."""
    parts = target.split(".")
    names = {".".join(parts[:end]) for end in range(1, len(parts) + 1)}
    return {n for n in names if n in known and n != "generator" and not importer.startswith(n + ".")} - {
        importer
    }


def _graph() -> dict[str, set[str]]:
    """Module-level imports between the generator's modules (what runs when a module is imported)."""
    modules = _modules()
    known = set(modules)
    return {
        name: {target for target in _imports(name, path, known, True) if target in known}
        for name, path in modules.items()
    }


def _part(name: str) -> str:
    """The layer a module belongs to: its subpackage, or itself for a top-level module."""
    return ".".join(name.split(".")[:2])


def test_every_module_imports_on_its_own() -> None:
    names = sorted(_modules())
    program = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    for loaded in [m for m in sys.modules if m == 'generator' or m.startswith('generator.')]:\n"
        "        del sys.modules[loaded]\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception as err:\n"
        "        print(f'{name}: {err!r}')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "", result.stdout


def test_no_module_imports_itself_through_others() -> None:
    graph = _graph()
    cycles = []
    for start in graph:
        pending = [(start, [start])]
        seen: set[str] = set()
        while pending:
            current, trail = pending.pop()
            for target in graph[current]:
                if target == start:
                    cycles.append(" -> ".join([*trail, start]))
                elif target not in seen:
                    seen.add(target)
                    pending.append((target, [*trail, target]))
    assert cycles == []


def test_no_layer_imports_one_above_it() -> None:
    graph = _graph()
    wrong = [
        f"{name} imports {target}"
        for name, targets in graph.items()
        if _part(name) in LAYERS
        for target in targets
        if _part(target) != _part(name) and _part(target) not in LAYERS[_part(name)]
    ]
    assert wrong == []


def test_only_the_plugin_imports_mkdocs() -> None:
    modules = _modules()
    users = sorted(
        name
        for name, path in modules.items()
        if any(target.split(".")[0] == "mkdocs" for target in _imports(name, path, set(modules), False))
    )
    assert users == [MKDOCS_ADAPTER]
