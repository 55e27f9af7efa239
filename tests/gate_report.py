"""A pytest plugin that times each quality gate and prints what the gates covered at the end of a run.

The facts a gate notes travel with its test's report, so that they reach the process that prints the
summary when pytest-xdist runs the tests in workers.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sitebuild import REPORTS

GATE_FOLDERS = ("browser", "quality")


@dataclass
class GateStats:
    """Seconds per gate (test module) and free-form facts the gates recorded."""

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    tests: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    facts: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    pending: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    started: float = field(default_factory=time.time)


STATS_KEY = pytest.StashKey[GateStats]()
FACTS = "gate-facts"


def stats(config: pytest.Config) -> GateStats:
    """The run's gate statistics."""
    if STATS_KEY not in config.stash:
        config.stash[STATS_KEY] = GateStats()
    return config.stash[STATS_KEY]


def note(config: pytest.Config, fact: str, *values: str) -> None:
    """Remember values under a fact name (a set: recording twice counts once); sent with the next report."""
    stats(config).pending[fact].update(values)


def _gate_of(nodeid: str) -> str | None:
    """`tests/browser/test_axe.py::x` -> `browser/test_axe`; None for tests outside the gate folders."""
    path = Path(nodeid.split("::", 1)[0])
    if len(path.parts) >= 2 and path.parts[-2] in GATE_FOLDERS:
        return f"{path.parts[-2]}/{path.stem}"
    return None


class GateReport:
    """Hook implementations; registered once per process by tests/conftest.py."""

    def __init__(self, config: pytest.Config) -> None:
        """Keep the config to reach the run's statistics."""
        self.config = config

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        """Attach the facts noted since the last report to this one."""
        report = yield
        pending = stats(self.config).pending
        if pending:
            report.user_properties.append((FACTS, {fact: sorted(values) for fact, values in pending.items()}))
            pending.clear()
        return report

    @pytest.hookimpl
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Add each test phase's duration to its gate, and the facts it carries."""
        run = stats(self.config)
        gate = _gate_of(report.nodeid)
        if gate is not None:
            run.seconds[gate] += report.duration
            run.tests[gate].add(report.nodeid)
        for name, facts in report.user_properties:
            if name == FACTS:
                for fact, values in facts.items():
                    run.facts[fact].update(values)

    @pytest.hookimpl
    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        """Print the gates' times and coverage."""
        run = stats(self.config)
        if not run.seconds:
            return
        terminalreporter.section("quality gates")
        for gate, seconds in sorted(run.seconds.items()):
            terminalreporter.write_line(f"{gate:32} {len(run.tests[gate]):5} tests {seconds:8.1f} s")
        total = sum(run.seconds.values())
        terminalreporter.write_line(
            f"{'all gates':32} {sum(len(t) for t in run.tests.values()):5} tests {total:8.1f} s"
        )
        for fact, values in sorted(run.facts.items()):
            terminalreporter.write_line(f"{fact}: {len(values)}")
        written = sorted(p for p in REPORTS.glob("*") if p.is_file() and p.stat().st_mtime >= run.started)
        for path in written:
            terminalreporter.write_line(f"report: {path}")


def register(config: pytest.Config) -> None:
    """Register the plugin once, however many conftest files ask."""
    if not config.pluginmanager.has_plugin("gate_report"):
        config.pluginmanager.register(GateReport(config), "gate_report")
