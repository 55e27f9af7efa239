"""`python -m generator.handouts [-f mkdocs.yml]`: print the out-of-date handouts into the cache."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..bank import load_project, read_project
from ..errors import GuideError, MachineError
from . import build_handouts


def main(argv: list[str] | None = None) -> int:
    """Make every handout that is not in the cache; report problems one per line."""
    parser = argparse.ArgumentParser(prog="python -m generator.handouts", description=__doc__)
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path, help="the site's mkdocs.yml")
    args = parser.parse_args(argv)
    try:
        project = read_project(args.config_file)
        handouts = build_handouts(project, load_project(project))
    except GuideError as err:
        print(err.report(), file=sys.stderr)
        print(f"{err}; no handout was made.", file=sys.stderr)
        return 1
    except MachineError as err:
        print(f"error: {err}. No handout was made.", file=sys.stderr)
        return 1
    print(handouts.summary, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
