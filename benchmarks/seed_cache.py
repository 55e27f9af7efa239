"""Store a placeholder PDF under each handout's current cache key, as if the PDF step had run.

Run from a project's folder (as synthetic.seed_pdf_cache does): python benchmarks/seed_cache.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# The keys must come from the code the builds in that folder use: its own copy of the generator.
sys.path[0] = os.getcwd()

from generator.bank.load import load_project  # noqa: E402
from generator.bank.project import read_project  # noqa: E402
from generator.handouts.cache import HandoutCache  # noqa: E402
from generator.handouts.plan import plan_handouts  # noqa: E402
from generator.handouts.preview import placeholder_pdf  # noqa: E402
from generator.handouts.settings import print_settings  # noqa: E402


def main() -> None:
    """Fill the handout cache of the project in the current folder with placeholders."""
    loaded = read_project(Path("mkdocs.yml"))
    cache = HandoutCache.of(Path.cwd(), "en")
    for plan in plan_handouts(load_project(loaded), print_settings(loaded)):
        cache.store(plan.handout.name, plan.key, placeholder_pdf(plan.handout.title))


if __name__ == "__main__":
    main()
