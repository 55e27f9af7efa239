"""Where a build's time goes: cProfile of one plugin build at 1,000 questions, by package.

Built-in and standard-library time is given to the package that called it; the guide plugin's hooks
and our costliest functions are listed after.
"""

from __future__ import annotations

import pstats
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from children import run_child
from synthetic import seed_pdf_cache, synthetic_project

PROFILE_SIZE = (1000, 200)


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
