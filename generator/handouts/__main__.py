"""`python -m generator.handouts [-f mkdocs.yml]`: print the out-of-date handouts (every language)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..bank import load_project, read_project
from ..bank.translations import load_translation
from ..errors import GuideError, MachineError
from ..site.languages import translated_project
from . import build_handouts


def main(argv: list[str] | None = None) -> int:
    """Make every handout that is not in the cache; report problems one per line."""
    parser = argparse.ArgumentParser(prog="python -m generator.handouts", description=__doc__)
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path, help="the site's mkdocs.yml")
    args = parser.parse_args(argv)
    try:
        project = read_project(args.config_file)
        guide = load_project(project)
        summaries = [build_handouts(project, guide).summary]
        for language in project.translations:
            translation = load_translation(project, guide, language)
            made = build_handouts(translated_project(project, translation), translation.guide)
            summaries.append(f"{language}: {made.summary}")
    except GuideError as err:
        print(err.report(), file=sys.stderr)
        print(f"{err}; no handout was made.", file=sys.stderr)
        return 1
    except MachineError as err:
        print(f"error: {err}. No handout was made.", file=sys.stderr)
        return 1
    print("\n".join(summaries), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
