"""Measure how the build scales with the size of the question bank.

Run: .venv/bin/python benchmarks/build_speed.py [--questions N] [--scripts N]
Prints the time to validate, to render pages and JSON, and to run a full `mkdocs build`,
for the real project and for a synthetic bank of the given size.
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
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.data import render_data  # noqa: E402
from generator.load import load_guide  # noqa: E402
from generator.pages import render_pages  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(action: Callable[[], object], repeat: int = 3) -> float:
    """The median wall time of an action, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def synthetic_project(folder: Path, questions: int, scripts: int) -> Path:
    """A copy of the real project with a generated bank and extra scripts."""
    project = folder / "project"
    shutil.copytree(
        ROOT, project, ignore=shutil.ignore_patterns(".venv", "site", ".git", "tools", ".site*", ".cache")
    )
    bank = yaml.safe_load((project / "question_bank.yaml").read_text(encoding="utf-8"))
    categories = [category["id"] for category in bank["categories"]]
    bank["questions"] += [
        {
            "id": f"generated-{n}",
            "text": f"What would you tell someone about part {n} of this work?",
            "category": categories[n % len(categories)],
            "tags": {"purpose": ["exploring"], "tiara": ["insights"]},
            "why": "Generated to measure the build.",
            "follow_ups": ["What else?"],
        }
        for n in range(max(0, questions - len(bank["questions"])))
    ]
    (project / "question_bank.yaml").write_text(yaml.safe_dump(bank, allow_unicode=True), encoding="utf-8")
    template = sorted((project / "email_templates").glob("*.txt"))[0]
    for n in range(scripts):
        text = template.read_text(encoding="utf-8").replace(f"id: {template.stem}", f"id: copy-{n}", 1)
        (project / "email_templates" / f"copy-{n}.txt").write_text(text, encoding="utf-8")
    return project


def measure(project: Path, label: str) -> None:
    """Print the timings for one project."""
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
        real = synthetic_project(Path(folder) / "real", 0, 0)
        shutil.copy(ROOT / "question_bank.yaml", real / "question_bank.yaml")
        measure(real, "project")
        measure(synthetic_project(Path(folder) / "big", args.questions, args.scripts), "synthetic")


if __name__ == "__main__":
    main()
