"""Benchmark: building both languages against English alone, on the real project (issue 15: at most 2.2x).

Run: .venv/bin/python benchmarks/languages.py [--runs N]

The project is copied into a temporary folder twice, once as it is (English and French) and once with
`translations` taken out of mkdocs.yml (English alone). Each is built once to warm its caches (PDFs,
parse cache, pages), then the two are built in turn, pair by pair, as `mkdocs build` in a child
process; the ratio is the median of the pairs' ratios of wall time, so that a busy moment of the
machine weighs on both sides of a pair.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).with_name("mkdocs")


def _copy(target: Path, translated: bool) -> Path:
    """The committed project in `target`; without its translations unless `translated`."""
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    for name in files.stdout.splitlines():
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / name)
    if not translated:
        config = target / "mkdocs.yml"
        lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
        config.write_text("".join(line for line in lines if "translations:" not in line), encoding="utf-8")
    return target


def _build(project: Path) -> float:
    """Seconds of one `mkdocs build` of the project."""
    started = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([str(MKDOCS), "build", "-q"], cwd=project, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    """Measure and print the two build times and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="pairs of builds to measure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        both = _copy(Path(folder) / "both", translated=True)
        english = _copy(Path(folder) / "english", translated=False)
        _build(both), _build(english)  # warm every cache
        pairs = [(_build(english), _build(both)) for _ in range(args.runs)]
    alone = statistics.median(pair[0] for pair in pairs)
    together = statistics.median(pair[1] for pair in pairs)
    ratio = statistics.median(pair[1] / pair[0] for pair in pairs)
    print(f"English alone: {alone:.2f} s; both: {together:.2f} s; ratio {ratio:.2f} (goal <= 2.2)")


if __name__ == "__main__":
    main()
