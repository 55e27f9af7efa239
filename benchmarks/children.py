"""Child processes for the build benchmarks, each run to the end: wall and CPU time, peak memory."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generator.handouts.preview import QUIET_VARIABLE

BENCHMARKS = Path(__file__).resolve().parent
ROOT = BENCHMARKS.parent
PEAK_SCRIPT = BENCHMARKS / "peak.py"
PEAK = re.compile(r"@@peak-kb (\d+)")
# As on an advisor's machine, Python keeps the modules it compiles: where PYTHONDONTWRITEBYTECODE is set
# (it was on the machine these numbers come from), the generator, and only the generator, would be
# compiled again in every build (installed packages are compiled when installed), 0.1 s of each.
# `mkdocs serve` prints stale PDFs in the background after this quiet period: a day, so that none is
# printed while a rebuild is being timed.
ENV = {
    **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
    "NO_MKDOCS_2_WARNING": "1",
    QUIET_VARIABLE: "86400",
}


@dataclass(frozen=True)
class Sample:
    """One child process: wall and CPU seconds, peak memory (MB) and its output."""

    wall: float
    cpu: float
    rss_mb: float
    output: str


def python_module(module: str, *args: str) -> list[str]:
    """The command line of `python -m module args` that reports its peak memory (peak.py)."""
    return [sys.executable, str(PEAK_SCRIPT), module, *args]


def peak_mb(output: str) -> float | None:
    """The peak memory a child run through peak.py reported, in MB."""
    found = PEAK.findall(output)
    return int(found[-1]) / 1024 if found else None


def run_child(command: list[str], cwd: Path, code: Path | None = None, hash_seed: str = "") -> Sample:
    """Run a command to the end (wall and CPU time from os.wait4); fail loudly if it fails.

    `code` is a project whose copy of the generator the child imports (a staged tree has none, and would
    otherwise import the one installed in .venv: this working tree's); `hash_seed` fixes PYTHONHASHSEED.
    """
    env = dict(ENV)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    if hash_seed:
        env["PYTHONHASHSEED"] = hash_seed
    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read()
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)} in {cwd}\n{text[-3000:]}")
    rss = peak_mb(text) or usage.ru_maxrss / 1024
    return Sample(wall, usage.ru_utime + usage.ru_stime, rss, text)


def mkdocs_build(folder: Path, config: str = "mkdocs.yml", code: Path | None = None) -> Sample:
    """`mkdocs build` of a project or staged tree (with `code`'s generator), from an empty site folder."""
    shutil.rmtree(folder / "site", ignore_errors=True)
    return rebuild(folder, config, code)


def rebuild(folder: Path, config: str = "mkdocs.yml", code: Path | None = None) -> Sample:
    """`mkdocs build`, leaving the site folder as it is; warns if the build printed handouts."""
    sample = run_child(python_module("mkdocs", "build", "-q", "-f", config), folder, code)
    if "Handouts: rendered" in sample.output:
        print("    (warning: this build printed handouts; the PDF cache was not warm)")
    return sample
