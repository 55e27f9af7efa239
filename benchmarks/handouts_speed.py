"""Measure what the printed handouts cost a build: cold, cached, and one handout at a time.

Run: .venv/bin/python benchmarks/handouts_speed.py [--paper letter|a4]
Copies the project to a temporary folder (so the real cache is left alone), then prints:
- a full `mkdocs build --strict` with an empty handout cache, and the same build again (cached);
- the time to plan the handouts (contexts and cache keys) when nothing needs printing;
- the time to print each handout on its own, with its pages, form fields and size.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS.parent))
sys.path.insert(0, str(BENCHMARKS))

from synthetic import synthetic_project  # noqa: E402

from generator.bank.load import load_project  # noqa: E402
from generator.bank.project import read_project  # noqa: E402
from generator.handouts.plan import plan_handouts  # noqa: E402
from generator.handouts.printing import render_pdf  # noqa: E402
from generator.handouts.settings import print_settings  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def copy_project(folder: Path, paper: str) -> Path:
    """The project in a fresh folder (no site, no cache), with the paper size asked for."""
    project = synthetic_project(folder, 0, 0)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(\n  - guide:\n)", rf"\1      paper: {paper}\n", text, count=1)
    config.write_text(text, encoding="utf-8")
    return project


def build(project: Path) -> tuple[float, str]:
    """Run a strict build; return its wall time and the handouts' log line."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"the build failed:\n{done.stdout}{done.stderr}")
    lines = [line.split("Handouts: ", 1)[1] for line in done.stderr.splitlines() if "Handouts: " in line]
    return seconds, "; ".join(lines)


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--paper", default="letter", choices=("letter", "a4"))
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs; paper {args.paper}")
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder), args.paper)
        cold, first = build(project)
        warm, second = build(project)
        print(f"full build, empty handout cache: {cold:6.2f} s   ({first})")
        print(f"same build again, cached:        {warm:6.2f} s   ({second})")

        loaded = read_project(project / "mkdocs.yml")
        guide = load_project(loaded)
        settings = print_settings(loaded)
        started = time.perf_counter()
        plans = plan_handouts(guide, settings)
        print(f"planning (contexts and keys):    {time.perf_counter() - started:6.2f} s")
        print(f"{'handout':<22}{'print':>8}{'pages':>7}{'fields':>8}{'size':>10}")
        for plan in plans:
            started = time.perf_counter()
            pdf, _notes = render_pdf(plan, settings)
            seconds = time.perf_counter() - started
            path = Path(folder) / plan.handout.filename
            path.write_bytes(pdf)
            reader = PdfReader(path)
            fields = len(reader.get_fields() or {})
            print(
                f"{plan.handout.filename:<22}{seconds:7.2f}s{len(reader.pages):>7}{fields:>8}"
                f"{len(pdf) / 1000:>8.0f} KB"
            )


if __name__ == "__main__":
    main()
