"""Rebuilds after an edit as a writer sees them: under a real `mkdocs serve`, one question edited at a time.

The plugin never waits for PDFs while serving (stale ones are printed in the background after a quiet
period, which children.ENV makes a day long).
"""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

from children import ENV, peak_mb, python_module
from results import median


def serve_edits(project: Path, runs: int) -> dict[str, Any]:
    """Edit one question's text `runs` times under a real `mkdocs serve`; time each rebuild."""
    bank = project / "question_bank.yaml"
    original = bank.read_text(encoding="utf-8")
    port = free_port()
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


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
