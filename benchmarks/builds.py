"""The build steps at one bank size, each a child process: check, PDFs, our stages, builds in pairs, rebuilds.

The clean builds with the plugin alternate with plain MkDocs building the staged tree, pair by pair,
so that a machine that slows down or speeds up weighs on both alike; the overhead ratio is the median
of the pairs' ratios.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from children import BENCHMARKS, Sample, mkdocs_build, python_module, rebuild, run_child
from instructions import instruction_pair
from results import Results, median, record
from serve_edit import serve_edits
from synthetic import seed_pdf_cache, synthetic_project

from generator.handouts.cache import CACHE_DIR

STAGES_SCRIPT = BENCHMARKS / "stages.py"


def our_stages(project: Path) -> dict[str, float]:
    """Our stages in one process, best of 3 each (stages.py, run in the project's folder)."""
    sample = run_child([sys.executable, str(STAGES_SCRIPT)], project)
    return json.loads(sample.output.strip().splitlines()[-1])  # type: ignore[no-any-return]


def measure_size(
    results: Results,
    size: tuple[int, int],
    source: Path,
    runs: int,
    pdf: tuple[int, int],
    instructions: bool = False,
) -> Path:
    """Every build step at one size; returns the folder of the built project (kept for the browser)."""
    questions, scripts = size
    pdf_runs, pdf_max = pdf
    folder = Path(tempfile.mkdtemp(prefix=f"guide-bench-{questions}-"))
    project = synthetic_project(folder, questions, scripts, source=source)
    store = results.size(f"{questions}")
    check(store, project, size, runs)
    results.save()
    pdf_step(store, project, runs, pdf_runs if questions <= pdf_max else 0, pdf_max)
    results.save()
    store["stages"] = our_stages(project)
    print(
        "  our stages (best of 3, ms) "
        + ", ".join(f"{name} {seconds * 1000:.0f}" for name, seconds in store["stages"].items()),
        flush=True,
    )
    results.save()
    staged = folder / "staged"
    run_child(python_module("generator", "stage", str(staged)), project)
    build_pairs(store, project, staged, runs)
    results.save()
    if instructions:
        instruction_pair(store, project, staged)
        results.save()
    record(store, "rebuild_unchanged", [rebuild(project) for _ in range(runs)])
    results.save()
    store["serve_edit"] = serve_edits(project, runs)
    results.save()
    shutil.rmtree(staged, ignore_errors=True)
    return folder


def check(store: dict[str, Any], project: Path, size: tuple[int, int], runs: int) -> None:
    """`python -m generator check`, which also tells how many questions and scripts the project has."""
    samples = [run_child(python_module("generator", "check"), project) for _ in range(runs)]
    counts = re.search(r"OK: (\d+) questions? in \d+ categor\w+ and (\d+)", samples[0].output)
    store["questions"], store["scripts"] = (int(counts[1]), int(counts[2])) if counts else size
    print(f"{store['questions']} questions, {store['scripts']} scripts ({project})", flush=True)
    record(store, "check", samples)


def pdf_step(store: dict[str, Any], project: Path, runs: int, pdf_runs: int, pdf_max: int) -> None:
    """The PDF step alone, clean (`pdf_runs` times; none: the cache is seeded instead) and cached."""
    handouts = python_module("generator.handouts")
    if pdf_runs:
        clean = []
        for _ in range(pdf_runs):
            shutil.rmtree(project / CACHE_DIR, ignore_errors=True)
            clean.append(run_child(handouts, project))
        record(store, "pdf_clean", clean)
    else:
        seed_pdf_cache(project)
        store["pdf_clean"] = {"skipped": f"not printed above {pdf_max} questions (cache seeded)"}
        print(
            f"  pdf_clean                  skipped above {pdf_max} questions; cache seeded with placeholders"
        )
    record(store, "pdf_cached", [run_child(handouts, project) for _ in range(runs)])


def build_pairs(store: dict[str, Any], project: Path, staged: Path, runs: int) -> None:
    """Clean builds with the plugin and plain MkDocs on the staged tree, in turn; the ratios of the pairs."""
    plugin: list[Sample] = []
    plain: list[Sample] = []
    mkdocs_build(project)  # not counted: it fills the pages' and handout keys' caches, as a first build does
    for _ in range(runs):
        plugin.append(mkdocs_build(project))
        plain.append(mkdocs_build(staged, code=project))  # the project's generator, as the plugin's side
    record(store, "build_clean", plugin, "site removed, PDF cache warm")
    record(store, "plain_build", plain, "plain MkDocs, staged tree, no plugin")
    store["ratios"] = [p.wall / q.wall for p, q in zip(plugin, plain, strict=True)]
    store["cpu_ratios"] = [p.cpu / q.cpu for p, q in zip(plugin, plain, strict=True)]
    store["overhead_ratio"] = median(store["ratios"])
    store["overhead_ratio_cpu"] = median(store["cpu_ratios"])
    print(
        f"  overhead ratio (wall)      {store['overhead_ratio']:.3f}  pairs "
        + ", ".join(f"{r:.3f}" for r in store["ratios"])
        + f"   (CPU {store['overhead_ratio_cpu']:.3f})",
        flush=True,
    )
