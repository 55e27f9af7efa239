"""Handouts while `mkdocs serve` runs: never wait for them; print stale ones in the background."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from ..bank import english_words
from ..model import Words

QUIET_SECONDS = 15.0
QUIET_VARIABLE = "GUIDE_HANDOUTS_QUIET_SECONDS"


class BackgroundPrinter:
    """Prints out-of-date handouts in a separate process once the sources have been quiet for a while.

    Waiting for quiet keeps live rebuilds fast while an advisor is typing; the separate process keeps
    WeasyPrint off the server's own thread. One print runs at a time.
    """

    def __init__(self, quiet: float | None = None) -> None:
        """Start idle; `quiet` seconds without changes start a print (default from the environment)."""
        self.quiet = quiet if quiet is not None else float(os.environ.get(QUIET_VARIABLE, QUIET_SECONDS))
        self.process: subprocess.Popen[bytes] | None = None
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    @property
    def running(self) -> bool:
        """Whether a print has started and not finished."""
        return self.process is not None and self.process.poll() is None

    def schedule(self, config_file: Path) -> None:
        """Print after `quiet` seconds, unless another change comes first and restarts the wait."""
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(self.quiet, self._print, (config_file,))
            self.timer.daemon = True
            self.timer.start()

    def stop(self) -> None:
        """Cancel a pending print and end a running one (when the server stops)."""
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
            if self.process is not None and self.running:
                self.process.terminate()
                self.process.wait(timeout=10)
            self.process = None

    def _print(self, config_file: Path) -> None:
        """Start `python -m generator.handouts`, or wait again if a print is still running."""
        if self.running:
            self.schedule(config_file)
            return
        with self.lock:
            command = [sys.executable, "-m", "generator.handouts", "--config-file", str(config_file)]
            self.process = subprocess.Popen(command, cwd=config_file.parent, stdin=subprocess.DEVNULL)


def placeholder_pdf(title: str, words: Words | None = None) -> bytes:
    """A one-page PDF that says the handout is on its way (plain PDF, no fonts to embed).

    Its words are `handout.placeholder` of `words` (the generator's English without them), in the
    Windows-1252 encoding of PDF's standard fonts, which has the accented letters of French.
    """
    words = words or english_words()
    line = f"{title}{words('label.colon')}{words('handout.placeholder')}"
    text = line.encode("cp1252", "replace")
    text = text.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    stream = b"BT /F1 11 Tf 56 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    pdf = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    pdf += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    pdf += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return pdf
