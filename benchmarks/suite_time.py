"""How long `python3 tasks.py test` takes on a fresh clone, and whether it passes, run after run.

    .venv/bin/python benchmarks/suite_time.py --runs 3                 # HEAD, as tasks.py runs it
    .venv/bin/python benchmarks/suite_time.py --pytest-args="-n 0"     # the same, in one process
    .venv/bin/python benchmarks/suite_time.py --commit 6538637         # an older commit
    .venv/bin/python benchmarks/suite_time.py --busy                   # with one core kept busy

Each run clones the commit into a new folder, so every run pays for the .venv, the npm tools and
the site build as a newcomer does (the system packages are the machine's). The whole command's
wall time and pytest's own count and time are appended to benchmarks/suite.json; its output goes
to reports/suite-<commit>-<time>.log.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "suite.json"
LOGS = ROOT / "reports"
# The Python the venv was made from, as a newcomer types `python3 tasks.py test` (not the venv's).
BASE_PYTHON: str = getattr(sys, "_base_executable", sys.executable)
SUMMARY = re.compile(r"^=+ (?P<counts>.*?) in (?P<seconds>[\d.]+)s\b", re.MULTILINE)


def git(*args: str) -> str:
    """A git command's output in this repository."""
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True).stdout


def one_run(commit: str, pytest_args: list[str], busy: bool) -> dict[str, object]:
    """Clone `commit`, run the README's test command there, and say how long it took and what passed."""
    with tempfile.TemporaryDirectory(prefix="guide-suite-") as folder:
        os.chmod(folder, 0o755)  # a checkout others can read, as a clone in a home folder is (see test_links)
        clone = Path(folder) / "guide"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", commit], check=True)
        load = subprocess.Popen([sys.executable, "-c", "while True: pass"]) if busy else None
        started = time.perf_counter()
        try:
            done = subprocess.run(
                [BASE_PYTHON, "tasks.py", "test", *pytest_args],
                cwd=clone,
                capture_output=True,
                text=True,
                check=False,
            )
        finally:
            if load is not None:
                load.kill()
        seconds = time.perf_counter() - started
    LOGS.mkdir(exist_ok=True)
    log = LOGS / f"suite-{commit}-{time.strftime('%H%M%S')}.log"
    log.write_text(done.stdout + done.stderr, encoding="utf-8")
    summary = SUMMARY.findall(done.stdout)
    counts, pytest_seconds = summary[-1] if summary else ("no pytest summary", "0")
    failed = re.findall(r"^(?:FAILED|ERROR) (\S+)", done.stdout, re.MULTILINE)
    return {
        "commit": commit,
        "pytest_args": pytest_args,
        "busy_core": busy,
        "exit": done.returncode,
        "seconds": round(seconds, 1),
        "pytest_seconds": float(pytest_seconds),
        "counts": counts,
        "failed": failed,
        "log": str(log.relative_to(ROOT)),
        "when": time.strftime("%Y-%m-%d %H:%M"),
    }


def main() -> int:
    """Run the suite as often as asked; print and save one line per run."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--commit", default="HEAD", help="what to clone and test (default HEAD)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--pytest-args", default="", help="extra arguments for pytest, as one string")
    parser.add_argument("--busy", action="store_true", help="keep one core busy while the suite runs")
    args = parser.parse_args()
    commit = git("rev-parse", "--short", args.commit).strip()
    saved = json.loads(RESULTS.read_text()) if RESULTS.exists() else []
    for number in range(1, args.runs + 1):
        result = one_run(commit, shlex.split(args.pytest_args), args.busy)
        saved.append(result)
        RESULTS.write_text(json.dumps(saved, indent=2) + "\n")
        minutes, seconds = divmod(float(str(result["seconds"])), 60)
        print(
            f"run {number}: {commit} {args.pytest_args or '(as tasks.py runs it)'}"
            f"{' with a busy core' if args.busy else ''}: exit {result['exit']}, "
            f"{int(minutes)} min {seconds:.0f} s; {result['counts']}; failed: {result['failed'] or 'none'}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
