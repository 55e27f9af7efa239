"""Remember what a YAML file parsed to, keyed by its text, so an unchanged bank is not parsed again.

Parsing is a pure function of the text, like Python compiling a module to a .pyc: a build with an
unchanged `question_bank.yaml` reads the stored data (0.1 s at 10,000 questions instead of 1.5 s)
and validates and generates everything from it as usual. Only text that parsed without a problem
is stored; the positions of its keys and values are found again from the text when a problem needs
one. The store is plain `marshal` data (dicts, lists, text, numbers), one file per source file.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from ..code import code_digest
from . import source
from .source import YamlDocument, parse_yaml

CACHE_DIR = Path(".cache") / "yaml"


def parse_yaml_cached(text: str, display: str, folder: Path | None) -> YamlDocument:
    """`parse_yaml(text, display)`, from the store in `folder` when this text was parsed before."""
    if folder is None:
        return parse_yaml(text, display)
    path = folder / f"{_slug(display)}-{_key(text)}.marshal"
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        doc = parse_yaml(text, display)  # a problem raises SourceError here, and nothing is stored
        _store(folder, path, doc.data, display)
        return doc
    return YamlDocument(display, data, text=text)


def _key(text: str) -> str:
    """A hash of the text and of everything that decides what it parses to."""
    digest = hashlib.sha256()
    for part in (sys.version, yaml.__version__, code_digest(source)):
        digest.update(part.encode() + b"\0")
    digest.update(text.encode())
    return digest.hexdigest()[:24]


def _slug(display: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.]+", "_", display)


def _store(folder: Path, path: Path, data: Any, display: str) -> None:
    """Write the data atomically and remove the file's older entries; a read-only project is fine."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(data))
        os.replace(temporary, path)
        prefix = f"{_slug(display)}-"
        for old in folder.glob(f"{prefix}*.marshal"):
            if old != path and len(old.stem) == len(path.stem):
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass
