"""Benchmarks: the build with the guide plugin against plain MkDocs, at 100, 1,000 and 10,000 questions.

Run: .venv/bin/python benchmarks/run.py [--quick] [--runs N] [--markdown] [--profile] [--instructions]

For each size a synthetic project (benchmarks/synthetic.py) is made in a temporary folder and
measured, each step as a child process (wall and CPU time from `os.wait4`, peak memory as the child
reports it); the smallest size is the real bank itself, which already has more than 100 questions:
- `python -m generator check`;
- the PDF step on its own (`python -m generator.handouts`): clean (cache emptied) and cached;
- a clean build (site removed, PDF cache warm) interleaved pair by pair with plain MkDocs building
  the staged tree (`python -m generator stage`, no plugin): the overhead ratio is the median of the
  pairs' ratios;
- with --instructions, one more clean build on each side under callgrind: the ratio of the
  instructions they execute, which other work on the machine does not change (instructions.py);
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
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
ROOT = BENCHMARKS.parent
# The benchmarks' modules import each other, the generator and the tests' site server by name.
sys.path[:0] = [str(BENCHMARKS), str(ROOT), str(ROOT / "tests")]

from browser_steps import browser, weigh_pages  # noqa: E402
from builds import measure_size  # noqa: E402
from profiling import profile  # noqa: E402
from report import table, write_readme  # noqa: E402
from results import Results, load_average  # noqa: E402
from synthetic import synthetic_project  # noqa: E402

SIZES = ((100, 20), (1000, 200), (10000, 200))
PDF_MAX = 1000
RESULTS = BENCHMARKS / "results.json"


@contextmanager
def step(name: str) -> Iterator[None]:
    """Print a heading and the time a part took."""
    started = time.perf_counter()
    print(f"\n== {name} ==", flush=True)
    yield
    print(f"   ({name}: {time.perf_counter() - started:.0f} s)", flush=True)


def arguments() -> argparse.Namespace:
    """The command line (see the module's docstring)."""
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
    parser.add_argument(
        "--instructions", action="store_true", help="count each side's instructions once (valgrind)"
    )
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to save the raw results")
    parser.add_argument("--report-only", action="store_true", help="print the saved results; measure nothing")
    parser.add_argument("--merge", action="store_true", help="keep saved results not measured again")
    return parser.parse_args()


def measure(args: argparse.Namespace) -> Results:
    """Every size asked for, then the browser; the results are saved as they come."""
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
                pdf = (args.pdf_runs, pdf_max)
                built = measure_size(results, (questions, scripts), snapshot, count, pdf, args.instructions)
            if not args.no_browser and questions == sizes[0][0]:
                with step("weight of our JavaScript and CSS, page by page"):
                    weigh_pages(results, built / "project" / "site")
            if len(folders) > 1:  # keep the snapshot and the latest size's site (for the browser)
                shutil.rmtree(folders.pop(), ignore_errors=True)
            folders.append(built)
        if with_browser:
            with step("browser"):
                browser(results, folders[-1] / "project" / "site", runs)
    finally:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
        results.data["load_end"] = load_average()
        results.save()
    return results


def main() -> None:
    """Measure (or profile, or only report), print the table, and optionally write it into the README."""
    args = arguments()
    if args.profile:
        profile()
        return
    if args.report_only:
        data = json.loads(args.results.read_text(encoding="utf-8"))
    else:
        data = measure(args).data
        print()
    print(table(data))
    if args.markdown:
        write_readme(data)


if __name__ == "__main__":
    main()
