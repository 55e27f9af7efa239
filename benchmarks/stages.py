"""Our stages in one process, best of 3 each: what the plugin adds to a build, without two builds' noise.

Run from a project's folder (as builds.py does): python benchmarks/stages.py
Prints one line of JSON: seconds for loading the guide (with the parse cache, and parsing the bank
afresh), rendering the pages, rendering the JSON data and planning the handouts.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

# The project measured is the current folder, with its own copy of the generator: that copy must be
# imported, not the one beside this script or the installed one.
sys.path[0] = os.getcwd()

from generator.bank.checked import load_guide  # noqa: E402
from generator.bank.load import load_project  # noqa: E402
from generator.bank.project import read_project  # noqa: E402
from generator.handouts.plan import plan_handouts  # noqa: E402
from generator.handouts.settings import print_settings  # noqa: E402
from generator.site.data import render_data  # noqa: E402
from generator.site.pages import render_pages  # noqa: E402

T = TypeVar("T")


def best(step: Callable[[], T], runs: int = 3) -> tuple[float, T]:
    """The shortest of `runs` timings of a step, and its last result."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - started)
    return min(times), result


def main() -> None:
    """Time each stage on the project in the current folder; print the seconds as JSON."""
    project = read_project(Path("mkdocs.yml").resolve())
    load, guide = best(lambda: load_project(project))
    paths = (project.bank, project.templates, project.root, project.docs_dir)
    cold, _ = best(lambda: load_guide(*paths, guide.institution))
    pages, _ = best(lambda: render_pages(guide))
    data, _ = best(lambda: render_data(guide))
    plan, _ = best(lambda: plan_handouts(guide, print_settings(project)))
    seconds = {"load": load, "load_parsing": cold, "pages": pages, "data": data, "handout_plan": plan}
    print(json.dumps(seconds))


if __name__ == "__main__":
    main()
