"""Benchmarks: the build with the guide plugin against plain MkDocs, at 100, 1,000 and 10,000 questions.

Run: .venv/bin/python benchmarks/run.py [--quick] [--runs N] [--markdown] [--profile]

For each size a synthetic project (benchmarks/synthetic.py) is made in a temporary folder and
measured, each step as a child process (wall and CPU time from `os.wait4`, peak memory as the child
reports it); the smallest size is the real bank itself, which already has more than 100 questions:
- `python -m generator check`;
- the PDF step on its own (`python -m generator.handouts`): clean (cache emptied) and cached;
- a clean build (site removed, PDF cache warm) interleaved pair by pair with plain MkDocs building
  the staged tree (`python -m generator stage`, no plugin): the overhead ratio is the median of the
  pairs' ratios;
- a rebuild with nothing changed;
- a rebuild after editing one question, as `mkdocs serve` does it: a real `mkdocs serve`, whose
  plugin never waits for PDFs (stale ones are printed in the background after a quiet period,
  pushed out of the measurement with GUIDE_HANDOUTS_QUIET_SECONDS);
then, in headless Chromium: on the smallest site, what each page fetches of our JavaScript and CSS
(weight.py), gzipped, against a 30 KB budget; on the largest, the picker's filter and search
(picker_speed.py's own functions) and the first render of the question bank page.

Like the PDF cache, the parse cache (.cache/yaml, filled by the first `check`) is warm for the
builds; the edit under `mkdocs serve` pays for parsing the edited bank.

--quick measures the smallest size once, without printing PDFs (the cache is seeded), and weighs
the pages (not with --no-browser) but runs no other browser measurement. --profile runs cProfile
on one build at 1,000 questions and prints the costs by package. --markdown writes the results
into benchmarks/README.md between the markers. Results are also saved, step by step, to
benchmarks/results.json (--results), so that a long run that is stopped still leaves its numbers;
--report-only prints (and with --markdown writes) the table from that file without measuring, and
--merge measures some sizes again and keeps the others.
"""

from __future__ import annotations

import argparse
import compileall
import gzip
import itertools
import json
import os
import platform
import pstats
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

BENCHMARKS = Path(__file__).resolve().parent
ROOT = BENCHMARKS.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCHMARKS))

from synthetic import seed_pdf_cache, synthetic_project  # noqa: E402

from generator.handouts.cache import CACHE_DIR  # noqa: E402
from generator.handouts.preview import QUIET_VARIABLE  # noqa: E402

SIZES = ((100, 20), (1000, 200), (10000, 200))
PROFILE_SIZE = (1000, 200)
PDF_MAX = 1000
README = BENCHMARKS / "README.md"
RESULTS = BENCHMARKS / "results.json"
START_MARKER = "<!-- results:start -->"
END_MARKER = "<!-- results:end -->"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", QUIET_VARIABLE: "86400"}
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "pydantic", "weasyprint")


@dataclass(frozen=True)
class Sample:
    """One child process: wall and CPU seconds, peak memory (MB) and its output."""

    wall: float
    cpu: float
    rss_mb: float
    output: str


# `python -m MODULE ARGS` that also prints its own peak memory when it exits. The child's ru_maxrss
# from os.wait4 counts the memory of the benchmark process it was forked from (Linux carries the
# high-water mark across fork and exec), so the child reads its own VmHWM instead.
PEAK_WRAPPER = """
import atexit, runpy, sys
def _peak():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    sys.stderr.write("\\n@@peak-kb " + line.split()[1] + "\\n")
                    sys.stderr.flush()
    except OSError:
        pass
atexit.register(_peak)
module = sys.argv[1]
sys.argv = [module, *sys.argv[2:]]
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""
PEAK = re.compile(r"@@peak-kb (\d+)")


def python_module(module: str, *args: str) -> list[str]:
    """The command line of `python -m module args` that reports its peak memory."""
    return [sys.executable, "-c", PEAK_WRAPPER, module, *args]


def peak_mb(output: str) -> float | None:
    """The peak memory a wrapped child reported, in MB."""
    found = PEAK.findall(output)
    return int(found[-1]) / 1024 if found else None


def run_child(command: list[str], cwd: Path) -> Sample:
    """Run a command to the end (wall and CPU time from os.wait4); fail loudly if it fails."""
    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=output, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read()
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)} in {cwd}\n{text[-3000:]}")
    rss = peak_mb(text) or usage.ru_maxrss / 1024
    return Sample(wall, usage.ru_utime + usage.ru_stime, rss, text)


def mkdocs_build(folder: Path, config: str = "mkdocs.yml") -> Sample:
    """`mkdocs build` of a project or staged tree, from an empty site folder."""
    shutil.rmtree(folder / "site", ignore_errors=True)
    return rebuild(folder, config)


def rebuild(folder: Path, config: str = "mkdocs.yml") -> Sample:
    """`mkdocs build`, leaving the site folder as it is; warns if the build printed handouts."""
    sample = run_child(python_module("mkdocs", "build", "-q", "-f", config), folder)
    if "Handouts: rendered" in sample.output:
        print("    (warning: this build printed handouts; the PDF cache was not warm)")
    return sample


STAGES = """
import json, sys, time
from pathlib import Path
from generator.data import render_data
from generator.handouts.plan import plan_handouts
from generator.handouts.settings import print_settings
from generator.load import load_guide, load_project
from generator.pages import render_pages
from generator.project import read_project

def best(step, runs=3):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - started)
    return min(times), result

project = read_project(Path("mkdocs.yml").resolve())
load, guide = best(lambda: load_project(project))
paths = (project.bank, project.templates, project.root, project.docs_dir)
cold, _ = best(lambda: load_guide(*paths, guide.institution))
pages, _ = best(lambda: render_pages(guide))
data, _ = best(lambda: render_data(guide))
plan, _ = best(lambda: plan_handouts(guide, print_settings(project)))
print(json.dumps({"load": load, "load_parsing": cold, "pages": pages, "data": data, "handout_plan": plan}))
"""


def our_stages(project: Path) -> dict[str, float]:
    """Our stages in one process, best of 3 each: what the plugin adds, without two builds' noise."""
    sample = run_child([sys.executable, "-c", STAGES], project)
    return json.loads(sample.output.strip().splitlines()[-1])  # type: ignore[no-any-return]


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


def measure_size(
    results: Results, size: tuple[int, int], source: Path, runs: int, pdf_runs: int, pdf_max: int
) -> Path:
    """Every build step at one size; returns the folder of the built project (kept for the browser)."""
    questions, scripts = size
    folder = Path(tempfile.mkdtemp(prefix=f"guide-bench-{questions}-"))
    project = synthetic_project(folder, questions, scripts, source=source)
    label = f"{questions}"
    store = results.size(label)
    check = [run_child(python_module("generator", "check"), project) for _ in range(runs)]
    counts = re.search(r"OK: (\d+) questions? in \d+ categor\w+ and (\d+)", check[0].output)
    store["questions"], store["scripts"] = (
        (int(counts[1]), int(counts[2])) if counts else (questions, scripts)
    )
    print(f"{store['questions']} questions, {store['scripts']} scripts ({project})", flush=True)
    record(store, "check", check)
    results.save()

    handouts = python_module("generator.handouts")
    if questions <= pdf_max:
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
    plugin: list[Sample] = []
    plain: list[Sample] = []
    for _ in range(runs):
        plugin.append(mkdocs_build(project))
        plain.append(mkdocs_build(staged))
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
    results.save()

    record(store, "rebuild_unchanged", [rebuild(project) for _ in range(runs)])
    results.save()
    store["serve_edit"] = serve_edits(project, runs)
    results.save()
    shutil.rmtree(staged, ignore_errors=True)
    return folder


def serve_edits(project: Path, runs: int) -> dict[str, Any]:
    """Edit one question's text `runs` times under a real `mkdocs serve`; time each rebuild."""
    bank = project / "question_bank.yaml"
    original = bank.read_text(encoding="utf-8")
    port = _free_port()
    command = python_module("mkdocs", "serve", "-a", f"127.0.0.1:{port}")
    process = subprocess.Popen(
        command, cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    events: list[tuple[str, float, float]] = []  # ("start" or "done", when, MkDocs' own seconds)
    peaks: list[float] = []
    served = threading.Event()
    lock = threading.Condition()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if "Serving on" in line:
                served.set()
            if peak := peak_mb(line):
                peaks.append(peak)
            found = re.search(r"Documentation built in ([\d.]+) seconds", line)
            if found or "Building documentation" in line:
                with lock:
                    kind = "done" if found else "start"
                    events.append((kind, time.perf_counter(), float(found[1]) if found else 0.0))
                    lock.notify_all()

    def quiet() -> bool:
        """No build running and none for two seconds (a rebuild the first build set off, say)."""
        return events[-1][0] == "done" and time.perf_counter() - events[-1][1] > 2

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    walls: list[float] = []
    reported: list[float] = []
    try:
        if not served.wait(timeout=1800):
            raise SystemExit("mkdocs serve did not start")
        for n in range(runs):
            with lock:
                while not quiet():
                    lock.wait(timeout=0.5)
            text = re.sub(r"^(\s*text: .*)$", rf"\1 Edit {n}.", original, count=1, flags=re.MULTILINE)
            started = time.perf_counter()
            bank.write_text(text, encoding="utf-8")
            with lock:
                if not lock.wait_for(lambda: _rebuilt(events, started) is not None, timeout=1800):  # noqa: B023
                    raise SystemExit("mkdocs serve did not rebuild after an edit")
                finished, seconds = _rebuilt(events, started) or (started, 0.0)
            walls.append(finished - started)
            reported.append(seconds)
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=600)
        reader.join(timeout=10)
        rss = peaks[-1] if peaks else float("nan")
        bank.write_text(original, encoding="utf-8")
    result = {
        "wall": median(walls),
        "build": median(reported),
        "rss_mb": rss,
        "runs": len(walls),
        "walls": [round(w, 3) for w in walls],
        "note": "edit to rebuilt, as `mkdocs serve` reports it; PDFs not waited for",
    }
    print(
        f"  {'serve_edit':<26} wall {result['wall']:8.2f} s  (mkdocs: built in {result['build']:.2f} s)  "
        f"serve peak {rss:6.0f} MB  ({len(walls)} runs)",
        flush=True,
    )
    return result


def _rebuilt(events: list[tuple[str, float, float]], edited: float) -> tuple[float, float] | None:
    """When the first build that started after an edit finished, and MkDocs' own time for it."""
    starts = [index for index, event in enumerate(events) if event[0] == "start" and event[1] > edited]
    done = [event for event in events[starts[0] :] if event[0] == "done"] if starts else []
    return (done[0][1], done[0][2]) if done else None


def _free_port() -> int:
    """A TCP port nobody listens on now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def browser(results: Results, site: Path, runs: int) -> None:
    """The picker's filter and search, and the first render of the bank page, in headless Chromium."""
    import picker_speed
    from playwright.sync_api import sync_playwright
    from sitebuild import CHROMIUM, CHROMIUM_ARGS, serve  # type: ignore[import-not-found]

    store = results.data["browser"]
    store["questions"] = len(json.loads((site / "questions.json").read_text(encoding="utf-8"))["questions"])
    store["bank_page_mb"] = (site / "questions" / "index.html").stat().st_size / 1e6
    print(f"browser: {store['questions']} questions, bank page {store['bank_page_mb']:.1f} MB", flush=True)
    timings = picker_speed.run(site, 1280)
    for kind, times in timings.items():
        store[kind] = {
            "median_ms": median([t[0] for t in times]),
            "p95_ms": sorted(t[0] for t in times)[max(0, int(len(times) * 0.95) - 1)] if times else None,
            "frame_ms": median([t[1] for t in times]),
            "n": len(times),
        }
    picker_speed.report(timings)
    results.save()
    renders = []
    with serve(site) as url, sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = chromium.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(url + "questions/", wait_until="load", timeout=600000)
            renders.append(page.evaluate(FIRST_RENDER))
            context.close()
        chromium.close()
    store["first_render"] = {
        key: median([r[key] for r in renders if r[key] is not None]) for key in renders[0]
    }
    first = store["first_render"]
    print(
        f"  bank page first render: first contentful paint {first['fcp']:.0f} ms, "
        f"DOMContentLoaded {first['dom_content_loaded']:.0f} ms, load {first['load']:.0f} ms",
        flush=True,
    )
    results.save()


FIRST_RENDER = """() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
        response_end: nav.responseEnd,
        dom_content_loaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        fcp: paint ? paint.startTime : null,
    };
}"""


def weight(results: Results, site: Path) -> None:
    """What each page fetches of our JavaScript and CSS as served (minified), gzipped, in Chromium."""
    from weight import BUDGET, page_weights

    pages = page_weights(site)
    served = sorted((site / "assets" / "javascripts").glob("*.js")) + sorted(
        (site / "assets" / "stylesheets").glob("*.css")
    )
    ours = [path for path in served if ".min." not in path.name]
    results.data["weight"] = {
        "budget": BUDGET,
        "pages": {
            path: {key: item[key] for key in ("js_gzip", "css_gzip", "raw", "gzip")}
            | {"files": len(item["files"])}
            for path, item in pages.items()
        },
        "all_files_gzip": sum(_gzipped(path)[1] for path in ours),
        "all_files_raw": sum(path.stat().st_size for path in ours),
        "all_files": len(ours),
    }
    heaviest = max(item["gzip"] for item in results.data["weight"]["pages"].values())
    print(f"our JS and CSS: at most {heaviest / 1000:.1f} KB gzipped a page (budget {BUDGET / 1000:.0f} KB)")
    results.save()


def _gzipped(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=9, mtime=0))


def profile() -> None:
    """CProfile one plugin build at 1,000 questions (PDF cache warm); print the costs by package."""
    questions, scripts = PROFILE_SIZE
    with tempfile.TemporaryDirectory() as folder:
        project = synthetic_project(Path(folder), questions, scripts)
        seed_pdf_cache(project)
        out = Path(folder) / "build.prof"
        command = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "-q"]
        sample = run_child(command, project)
        print(
            f"profiled build of {questions} questions, {scripts} scripts: {sample.wall:.1f} s under cProfile"
        )
        stats = pstats.Stats(str(out))
        print_profile(stats)


def package_of(filename: str) -> str | None:
    """The package a code file belongs to; None for built-ins and the standard library."""
    if filename.startswith("~") or filename.startswith("<"):
        return None
    parts = Path(filename).parts
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].removesuffix(".py")
    if "generator" in parts:
        return "generator (ours)"
    if "overrides" in parts:
        return "overrides (ours, theme templates)"
    if filename.endswith(".html"):
        return "material"
    return None


def print_profile(stats: pstats.Stats) -> None:
    """Own time per package; built-in and standard-library time goes to the package that called it."""
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    memo: dict[Any, dict[str, float]] = {}

    def shares(func: Any, depth: int = 0) -> dict[str, float]:
        """Which packages a function's time belongs to, as fractions."""
        if func in memo:
            return memo[func]
        own = package_of(func[0])
        if own is not None:
            memo[func] = {own: 1.0}
            return memo[func]
        memo[func] = {"python (stdlib, builtins)": 1.0}
        callers = table[func][4] if func in table else {}
        total = sum(c[2] for c in callers.values())
        if depth > 6 or not callers or total <= 0:
            return memo[func]
        mixed: dict[str, float] = defaultdict(float)
        for caller, values in callers.items():
            for package, fraction in shares(caller, depth + 1).items():
                mixed[package] += fraction * values[2] / total
        memo[func] = dict(mixed)
        return memo[func]

    by_package: dict[str, float] = defaultdict(float)
    for func, (_cc, _nc, tottime, _ct, _callers) in table.items():
        for package, fraction in shares(func).items():
            by_package[package] += tottime * fraction
    total = sum(by_package.values())
    print(f"{'package':<36}{'seconds':>9}{'share':>8}")
    for package, seconds in sorted(by_package.items(), key=lambda item: -item[1])[:14]:
        print(f"{package:<36}{seconds:9.2f}{seconds / total:8.1%}")
    hooks = [
        (values[3], func[2])
        for func, values in table.items()
        if func[0].endswith("generator/plugin.py") and func[2].startswith("on_")
    ]
    builds = [values[3] for func, values in table.items() if func[0].endswith("mkdocs/commands/build.py")]
    whole = max(builds, default=total)
    inclusive = sum(seconds for seconds, _name in hooks)
    print(
        f"\nthe guide plugin's hooks, everything they call included: {inclusive:.2f} s of the "
        f"{whole:.2f} s build ({inclusive / whole:.1%}): "
        + ", ".join(f"{name} {seconds:.2f} s" for seconds, name in sorted(hooks, reverse=True))
    )
    print("\nour costliest functions (cumulative):")
    ours = [(values[3], func) for func, values in table.items() if package_of(func[0]) == "generator (ours)"]
    for cumulative, func in sorted(ours, reverse=True)[:15]:
        where = Path(func[0]).as_posix().split("generator/", 1)[-1]
        print(f"  {cumulative:7.2f} s  generator/{where}:{func[1]} {func[2]}")


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
        "load_start": _load(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": versions,
    }


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def table(data: dict[str, Any]) -> str:
    """The results as a Markdown table (readable as text too)."""
    sizes = data["sizes"]
    labels = list(sizes)
    lines = [
        "| step (median, wall seconds) | " + " | ".join(_size_title(sizes[k]) for k in labels) + " |",
        "|---|" + "---:|" * len(labels),
    ]
    steps = [
        ("clean build (site removed, PDFs cached)", "build_clean", "wall"),
        ("plain MkDocs, staged tree (the floor)", "plain_build", "wall"),
        ("rebuild, nothing changed", "rebuild_unchanged", "wall"),
        ("rebuild after editing one question (serve)", "serve_edit", "wall"),
        ("`python -m generator check`", "check", "wall"),
        ("PDF step, clean (cache emptied)", "pdf_clean", "wall"),
        ("PDF step, cached", "pdf_cached", "wall"),
    ]
    for title, step, key in steps:
        lines.append(f"| {title} | " + " | ".join(_cell(sizes[k].get(step), key) for k in labels) + " |")
    lines.append(
        "| CPU seconds: clean build / plain | " + " | ".join(_pair(sizes[k], "cpu") for k in labels) + " |"
    )
    lines.append(
        "| **overhead ratio** (plugin / plain, median of pairs) | "
        + " | ".join(_ratio(sizes[k]) for k in labels)
        + " |"
    )
    lines.append(
        "| peak memory, clean build / plain (MB) | "
        + " | ".join(_pair(sizes[k], "rss_mb") for k in labels)
        + " |"
    )
    lines.append(
        "| build ms per question, CPU (wall): clean build / questions | "
        + " | ".join(_per_question(sizes[k]) for k in labels)
        + " |"
    )
    lines.append(
        "| ours ms per question, CPU (wall): (plugin - plain) / questions | "
        + " | ".join(_ours_per_question(sizes[k]) for k in labels)
        + " |"
    )
    lines.append(
        "| ours in one process, best of 3 (ms): load / pages / JSON / handout plan | "
        + " | ".join(_stages(sizes[k]) for k in labels)
        + " |"
    )
    lines.append(
        "| the same, parsing the bank (parse cache not used): load, ms | "
        + " | ".join(
            f"{sizes[k]['stages']['load_parsing'] * 1000:.0f}" if "stages" in sizes[k] else "not measured"
            for k in labels
        )
        + " |"
    )
    text = "\n".join(lines)
    return text + "\n\n" + scaling(sizes) + stage_scaling(sizes) + browser_table(data)


def _stages(size: dict[str, Any]) -> str:
    stages = size.get("stages")
    if not stages:
        return "not measured"
    parts = [stages[key] * 1000 for key in ("load", "pages", "data", "handout_plan")]
    return " / ".join(f"{part:.0f}" for part in parts) + f" (sum {sum(parts):.0f})"


def stage_scaling(sizes: dict[str, Any]) -> str:
    """Our in-process stages' cost per added question between sizes: steady means linear."""
    points = [(s["questions"], s["stages"]) for s in sizes.values() if "stages" in s]
    if len(points) < 2:
        return ""
    keys = ("load", "pages", "data", "handout_plan")
    lines = [
        "Ours in one process (load with the parse cache, pages, JSON, handout plan), per added question:",
        "",
    ]
    for (n1, a), (n2, b) in itertools.pairwise(points):
        total = sum(b[k] - a[k] for k in keys) * 1000 / (n2 - n1)
        cold = (b["load_parsing"] - a["load_parsing"]) * 1000 / (n2 - n1)
        lines.append(
            f"- {n1:,} to {n2:,} questions: **{total:.3f} ms** per question "
            f"(parsing the bank instead of reading the parse cache: {cold:.3f} ms more for loading alone)"
        )
    return "\n".join(lines) + "\n\n"


def _size_title(size: dict[str, Any]) -> str:
    return f"{size.get('questions', '?'):,} q / {size.get('scripts', '?')} scripts"


def _cell(step: dict[str, Any] | None, key: str) -> str:
    if not step:
        return "not measured"
    if "skipped" in step:
        return str(step["skipped"])
    value = step.get(key)
    extra = f" ({step['runs']} run{'s' if step['runs'] != 1 else ''})" if step.get("runs", 0) < 2 else ""
    if "build" in step and step.get("build") == step.get("build"):
        return f"{value:.2f} (mkdocs: {step['build']:.2f}){extra}"
    return f"{value:.2f}{extra}" if isinstance(value, float) else "?"


def _pair(size: dict[str, Any], key: str) -> str:
    plugin, plain = size.get("build_clean"), size.get("plain_build")
    if not plugin or not plain:
        return "not measured"
    return (
        f"{plugin[key]:.1f} / {plain[key]:.1f}" if key == "cpu" else f"{plugin[key]:.0f} / {plain[key]:.0f}"
    )


def _ratio(size: dict[str, Any]) -> str:
    if "overhead_ratio" not in size:
        return "not measured"
    return f"**{size['overhead_ratio']:.2f}** (CPU {size['overhead_ratio_cpu']:.2f})"


def _per_question(size: dict[str, Any]) -> str:
    build = size.get("build_clean")
    if not build:
        return "not measured"
    return f"{build['cpu'] * 1000 / size['questions']:.1f} ({build['wall'] * 1000 / size['questions']:.1f})"


def _ours_per_question(size: dict[str, Any]) -> str:
    plugin, plain = size.get("build_clean"), size.get("plain_build")
    if not plugin or not plain:
        return "not measured"
    cpu = (plugin["cpu"] - plain["cpu"]) * 1000 / size["questions"]
    wall = (plugin["wall"] - plain["wall"]) * 1000 / size["questions"]
    return f"{cpu:.2f} ({wall:.2f})"


def scaling(sizes: dict[str, Any]) -> str:
    """Marginal cost per added question between sizes, flagged when ours grows (worse than linear).

    CPU time decides the flag: on a busy machine it is far steadier than wall time.
    """
    points = [
        (s["questions"], s["scripts"], s["build_clean"], s["plain_build"])
        for s in sizes.values()
        if "build_clean" in s and "plain_build" in s
    ]
    if len(points) < 2:
        return ""
    lines = ["Marginal cost per added question, clean build, in ms (ours = with the plugin minus plain):", ""]
    previous: float | None = None
    for (n1, s1, b1, p1), (n2, s2, b2, p2) in itertools.pairwise(points):
        cpu = _marginal("cpu", n2 - n1, (b1, b2), (p1, p2))
        wall = _marginal("wall", n2 - n1, (b1, b2), (p1, p2))
        flag = ""
        if previous is not None and cpu[2] > 1.25 * max(previous, 0.05):
            flag = "; ours grew by more than 25%: **worse than linear**"
        elif previous is not None:
            flag = f"; ours {cpu[2] / previous:.2f}x the previous step's: linear"
        scripts = f" (and {s2 - s1} more scripts)" if s2 != s1 else ""
        lines.append(
            f"- {n1:,} to {n2:,} questions{scripts}: CPU {cpu[0]:.2f} with the plugin, {cpu[1]:.2f} plain, "
            f"**{cpu[2]:.2f} ours**{flag} (wall {wall[0]:.2f}, {wall[1]:.2f}, {wall[2]:.2f})"
        )
        previous = cpu[2]
    return "\n".join(lines) + "\n\n"


def _marginal(key: str, added: int, plugin: tuple[Any, Any], plain: tuple[Any, Any]) -> tuple[float, ...]:
    """Milliseconds per added question: with the plugin, plain, and the difference (ours)."""
    with_plugin = (plugin[1][key] - plugin[0][key]) * 1000 / added
    without = (plain[1][key] - plain[0][key]) * 1000 / added
    return with_plugin, without, with_plugin - without


def browser_table(data: dict[str, Any]) -> str:
    """The browser measurements and the weight of our JavaScript and CSS."""
    lines = []
    found = data.get("browser") or {}
    if found.get("questions"):
        lines += [
            f"Browser (headless Chromium, 1280 px, {found['questions']:,} questions, bank page "
            f"{found['bank_page_mb']:.1f} MB):",
            "",
        ]
        for kind in ("search keystroke", "filter change"):
            if kind in found:
                item = found[kind]
                lines.append(
                    f"- {kind}: median {item['median_ms']:.1f} ms to filter and lay out, "
                    f"p95 {item['p95_ms']:.1f} ms, {item['frame_ms']:.1f} ms to the next frame "
                    f"(n={item['n']})"
                )
        if "first_render" in found:
            first = found["first_render"]
            lines.append(
                f"- first render of the question bank page: first contentful paint {first['fcp']:.0f} ms, "
                f"DOMContentLoaded {first['dom_content_loaded']:.0f} ms, load {first['load']:.0f} ms"
            )
        lines.append("")
    weights = data.get("weight")
    if weights and "pages" in weights:
        budget = weights["budget"]
        heaviest = max(item["gzip"] for item in weights["pages"].values())
        verdict = "within" if heaviest <= budget else "**over**"
        lines += [
            "Our JavaScript and CSS as each page fetches them (as served: CSS minified, JavaScript "
            "as written; each file gzip -9): "
            f"**at most {heaviest / 1000:.1f} KB** a page, {verdict} the {budget / 1000:.0f} KB budget. "
            f"All {weights['all_files']} of our files together: {weights['all_files_gzip'] / 1000:.1f} KB "
            f"gzipped ({weights['all_files_raw'] / 1000:.1f} KB as served); no page fetches them all.",
            "",
            "| page | files | JS gzip | CSS gzip | total gzip | bytes as served |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for path, item in weights["pages"].items():
            lines.append(
                f"| {path} | {item['files']} | {item['js_gzip']:,} | {item['css_gzip']:,} | "
                f"**{item['gzip']:,}** | {item['raw']:,} |"
            )
        lines.append("")
    return "\n".join(lines)


def _runs(data: dict[str, Any]) -> str:
    """How many runs each size's builds had, and when it was measured."""
    return ", ".join(
        f"{size.get('questions', label)} questions {size.get('build_clean', {}).get('runs', '?')}"
        + (f" (measured {size['measured']})" if "measured" in size else "")
        for label, size in data["sizes"].items()
    )


def write_readme(data: dict[str, Any]) -> None:
    """Put the table (and the machine line) between the markers in benchmarks/README.md."""
    m = data["machine"]
    versions = ", ".join(f"{name} {v}" for name, v in m["versions"].items())
    block = (
        f"{START_MARKER}\n"
        f"Measured {m['date']} on {m['cpus']} CPUs, {m['memory']} memory, load average at the start "
        f"{m['load_start']} (end {data.get('load_end', '?')}); Python {m['python']}; {versions}. "
        f"Medians; runs per size: {_runs(data)}.\n\n"
        f"{table(data)}"
        f"{END_MARKER}"
    )
    text = (
        README.read_text(encoding="utf-8")
        if README.exists()
        else f"# Benchmarks\n\n{START_MARKER}\n{END_MARKER}\n"
    )
    if START_MARKER not in text:
        text += f"\n{START_MARKER}\n{END_MARKER}\n"
    start, end = text.index(START_MARKER), text.index(END_MARKER) + len(END_MARKER)
    README.write_text(text[:start] + block + text[end:], encoding="utf-8")
    print(f"wrote the table into {README}")


@contextmanager
def step(name: str) -> Iterator[None]:
    """Print a heading and the time a part took."""
    started = time.perf_counter()
    print(f"\n== {name} ==", flush=True)
    yield
    print(f"   ({name}: {time.perf_counter() - started:.0f} s)", flush=True)


def main() -> None:
    """Measure, print the table, and optionally write it into the README."""
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument(
        "--quick", action="store_true", help="the smallest size, one run, no PDF printing, no browser"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per step (the median is reported)")
    parser.add_argument("--runs-largest", type=int, help="runs at the largest size")
    parser.add_argument("--pdf-runs", type=int, default=1, help="runs of the clean PDF step (it is slow)")
    parser.add_argument(
        "--pdf-max", type=int, default=PDF_MAX, help="largest bank whose PDFs are really printed"
    )
    parser.add_argument("--sizes", help="questions/scripts pairs, e.g. 100/20,1000/200")
    parser.add_argument("--no-browser", action="store_true", help="skip headless Chromium")
    parser.add_argument("--markdown", action="store_true", help="write the table into benchmarks/README.md")
    parser.add_argument("--profile", action="store_true", help="profile one build at 1,000 questions")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to save the raw results")
    parser.add_argument("--report-only", action="store_true", help="print the saved results; measure nothing")
    parser.add_argument("--merge", action="store_true", help="keep saved results not measured again")
    args = parser.parse_args()
    if args.profile:
        profile()
        return
    if args.report_only:
        data = json.loads(args.results.read_text(encoding="utf-8"))
        print(table(data))
        if args.markdown:
            write_readme(data)
        return
    sizes: tuple[tuple[int, int], ...] = SIZES[:1] if args.quick else SIZES
    if args.sizes:
        sizes = tuple((int(q), int(s)) for q, s in (pair.split("/") for pair in args.sizes.split(",")))
    runs = 1 if args.quick and args.runs == 3 else args.runs
    pdf_max = 0 if args.quick and args.pdf_max == PDF_MAX else args.pdf_max
    with_browser = not (args.no_browser or args.quick)
    results = Results(args.results, runs, merge=args.merge)
    folders: list[Path] = []
    # One snapshot of the project for every size: the working tree may change while this runs.
    snapshot = synthetic_project(Path(tempfile.mkdtemp(prefix="guide-bench-source-")), 0, 0)
    compileall.compile_dir(snapshot / "generator", quiet=1)  # no build pays for compiling our code
    folders.append(snapshot.parent)
    try:
        for questions, scripts in sizes:
            largest = questions == max(q for q, _s in sizes)
            count = args.runs_largest if args.runs_largest and largest else runs
            with step(f"{questions} questions, {scripts} scripts, {count} runs"):
                built = measure_size(results, (questions, scripts), snapshot, count, args.pdf_runs, pdf_max)
            if not args.no_browser and questions == sizes[0][0]:
                with step("weight of our JavaScript and CSS, page by page"):
                    weight(results, built / "project" / "site")
            if len(folders) > 1:
                shutil.rmtree(folders.pop(), ignore_errors=True)
            folders.append(built)
        if with_browser:
            with step("browser"):
                browser(results, folders[-1] / "project" / "site", runs)
    finally:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
        results.data["load_end"] = _load()
        results.save()
    print()
    print(table(results.data))
    if args.markdown:
        write_readme(results.data)


if __name__ == "__main__":
    main()
