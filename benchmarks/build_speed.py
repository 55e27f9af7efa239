"""Measure how the build scales with the size of the question bank (a quick look; run.py is the full one).

Run: .venv/bin/python benchmarks/build_speed.py [--questions N] [--scripts N]
Prints the time to validate, to render pages and JSON, and to run a full `mkdocs build`,
for the real project and for a synthetic bank of the given size (benchmarks/synthetic.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS.parent))
sys.path.insert(0, str(BENCHMARKS))

from synthetic import synthetic_project  # noqa: E402

from generator.bank.checked import load_guide  # noqa: E402
from generator.site.data import render_data  # noqa: E402
from generator.site.pages import render_pages  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(action: Callable[[], object], repeat: int = 3) -> float:
    """The median wall time of an action, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(project: Path, label: str) -> None:
    """Print the timings for one project (its first build also prints the handouts into its cache)."""
    bank, templates = project / "question_bank.yaml", project / "email_templates"
    guide = load_guide(bank, templates, project)
    load = timed(lambda: load_guide(bank, templates, project))
    render = timed(lambda: (render_pages(guide), render_data(guide)))
    build_cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    build = timed(lambda: subprocess.run(build_cmd, cwd=project, env=ENV, check=True), repeat=1)
    pages = sum(1 for _ in (project / "site").rglob("*.html"))
    size = sum(p.stat().st_size for p in (project / "site").rglob("*") if p.is_file())
    print(
        f"{label}: {len(guide.questions)} questions, {len(guide.scripts)} scripts | "
        f"validate {load * 1000:.0f} ms | render {render * 1000:.0f} ms | "
        f"mkdocs build {build:.2f} s | {pages} pages, {size / 1e6:.1f} MB"
    )


def main() -> None:
    """Measure the real project, then a synthetic large one."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--scripts", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        measure(synthetic_project(Path(folder) / "real", 0, 0), "project")
        measure(synthetic_project(Path(folder) / "big", args.questions, args.scripts), "synthetic")


if __name__ == "__main__":
    main()
