"""Instruction counts of the overhead ratio's two sides, with callgrind: the same on a busy machine.

Wall and CPU time move with whatever else the machine runs (other processes, shared caches, the
clock); the instructions a build executes do not. Each side's clean build runs once under
`valgrind --tool=callgrind` (about 50 times slower), with a fixed hash seed, and its total `Ir` is read
from callgrind's summary. Only the measured process is counted: its children (esbuild, when a script
changed) are not, and on a warm cache there are none. Needs valgrind (the Debian package `valgrind`).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from children import python_module, run_child

SUMMARY = re.compile(r"^summary:\s+(\d+)", re.MULTILINE)
VALGRIND = ("valgrind", "--tool=callgrind", "--dump-instr=no", "--compress-strings=no")


def build_instructions(folder: Path, code: Path | None = None) -> int:
    """The instructions of one clean `mkdocs build -q` in `folder` (a project or a staged tree)."""
    if shutil.which(VALGRIND[0]) is None:
        raise SystemExit("--instructions needs valgrind: install the Debian package valgrind")
    shutil.rmtree(folder / "site", ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="guide-callgrind-") as out:
        report = Path(out) / "callgrind.out"
        command = [*VALGRIND, f"--callgrind-out-file={report}", *python_module("mkdocs", "build", "-q")]
        run_child(command, folder, code=code, hash_seed="0")
        found = SUMMARY.search(report.read_text(encoding="utf-8", errors="replace"))
    if found is None:
        raise SystemExit(f"callgrind wrote no summary for the build in {folder}")
    return int(found[1])


def instruction_pair(store: dict[str, Any], project: Path, staged: Path) -> None:
    """One build with the plugin and one plain build of the staged tree, counted; their ratio."""
    plugin = build_instructions(project)
    plain = build_instructions(staged, code=project)
    store["instructions"] = {"plugin": plugin, "plain": plain}
    store["overhead_ratio_instructions"] = plugin / plain
    print(
        f"  overhead ratio (instructions) {plugin / plain:.3f}  ({plugin / 1e9:.2f} G with the plugin, "
        f"{plain / 1e9:.2f} G plain)",
        flush=True,
    )
