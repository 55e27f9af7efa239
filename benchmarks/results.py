"""What the build benchmarks measured: kept in results.json after each step, with the machine they ran on."""

from __future__ import annotations

import json
import os
import platform
import re
import statistics
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from children import Sample

PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "pydantic", "weasyprint")


def median(values: list[float]) -> float:
    """The median, or NaN for nothing."""
    return statistics.median(values) if values else float("nan")


class Results:
    """Everything measured so far, saved to JSON after each step."""

    def __init__(self, path: Path, runs: int, merge: bool = False) -> None:
        """Start empty, or from the saved results (to measure some sizes again); describe the machine."""
        self.path = path
        self.data: dict[str, Any] = {"machine": machine(), "runs": runs, "sizes": {}, "browser": {}}
        if merge and path.exists():
            saved = json.loads(path.read_text(encoding="utf-8"))
            self.data["sizes"] = saved.get("sizes", {})
            self.data["browser"] = saved.get("browser", {})
            self.data["earlier"] = [*saved.get("earlier", []), saved["machine"]]

    def size(self, label: str) -> dict[str, Any]:
        """The results of one size, measured afresh."""
        self.data["sizes"][label] = {"measured": machine()["date"]}
        return self.data["sizes"][label]  # type: ignore[no-any-return]

    def save(self) -> None:
        """Write the JSON file."""
        self.path.write_text(json.dumps(self.data, indent=1) + "\n", encoding="utf-8")


def record(store: dict[str, Any], step: str, samples: list[Sample], note: str = "") -> None:
    """Store the medians of some samples under a step's name and print one line."""
    store[step] = {
        "wall": median([s.wall for s in samples]),
        "cpu": median([s.cpu for s in samples]),
        "rss_mb": max((s.rss_mb for s in samples), default=float("nan")),
        "runs": len(samples),
        "walls": [round(s.wall, 3) for s in samples],
        "note": note,
    }
    print(
        f"  {step:<26} wall {store[step]['wall']:8.2f} s  cpu {store[step]['cpu']:8.2f} s  "
        f"peak {store[step]['rss_mb']:6.0f} MB  ({len(samples)} runs){'  ' + note if note else ''}",
        flush=True,
    )


def machine() -> dict[str, Any]:
    """The machine and the versions: cores, memory, load, Python and libraries."""
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"MemTotal:\s+(\d+) kB", meminfo.read_text())
        memory = f"{int(found[1]) / 1024 / 1024:.1f} GB" if found else ""
    versions = {}
    for package in PACKAGES:
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = "?"
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "memory": memory,
        "load_start": load_average(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": versions,
    }


def load_average() -> str:
    """The machine's load averages over 1, 5 and 15 minutes, as /proc/loadavg gives them."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"
