"""Set-up for the whole run (gate report, shared site build) and fixtures for tests outside the browser."""

from __future__ import annotations

from pathlib import Path

import gate_report
import pytest
from sitebuild import start_run
from support import copy_minimal


def pytest_configure(config: pytest.Config) -> None:
    """Time the gates and report their coverage; make the folder for the run's one site build."""
    gate_report.register(config)
    start_run(config)


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A fresh copy of the small valid project."""
    return copy_minimal(tmp_path)
