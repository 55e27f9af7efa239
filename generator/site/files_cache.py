"""The files a build generates (pages, browser JSON, styles), kept in `.cache/site/` for the next build.

Rendering every question and script page is most of what the plugin adds to a build at 10,000
questions (about 0.7 s), and an unchanged project makes the same files again. They depend only on the
checked Guide, which the guide cache's key identifies (every input, and the code that reads them), on
the generator's own code and templates, on the installed packages' versions (Jinja, MarkupSafe and
Markdown render them) and on `use_directory_urls`: an entry is stored under a hash of all of those.
Only files made without a problem are stored, and the key covers the docs folder's file names, so an
entry never hides a clash with a content file. An entry is the files pickled, behind a CRC-32 of its
bytes (a SHA-256 of 20 MB at 10,000 questions would cost a tenth of what it saves; the unpickler
makes strings and dictionaries only, so an entry cannot run anything); a damaged one is made afresh.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import zlib
from pathlib import Path
from typing import Any

from ..code import installed_digest, package_digest
from ..model import Guide
from .generate import generated_files

CACHE_DIR = Path(".cache") / "site"
SUFFIX = ".pickle"
_CHECK = 4  # bytes of the CRC-32 in front of an entry


def cached_generated_files(
    guide: Guide, docs_dir: Path, docs_display: str, directory_urls: bool, folder: Path, inputs: str | None
) -> dict[str, str]:
    """`generated_files`, read back when `inputs` (the key of the inputs `guide` was read from) was seen.

    With `inputs` None (an input could not be read for a key) the files are made and nothing is kept.
    """
    key = files_key(inputs, directory_urls) if inputs is not None else None
    files = read_entry(folder, key) if key is not None else None
    if files is None:
        files = generated_files(guide, docs_dir, docs_display, directory_urls)
        if key is not None:
            store_entry(folder, key, files)
    return files


def files_key(inputs: str, directory_urls: bool) -> str:
    """The entry's key: the inputs, the generator's code, the installed packages, the URL style."""
    digest = hashlib.sha256()
    for word in [inputs, package_digest(), installed_digest(), f"directory_urls={directory_urls}"]:
        digest.update(word.encode() + b"\0")
    return digest.hexdigest()[:32]


def read_entry(folder: Path, key: str) -> dict[str, str] | None:
    """The files stored under `key`, or None when there are none or the entry is damaged."""
    try:
        stored = (folder / f"{key}{SUFFIX}").read_bytes()
    except OSError:
        return None
    check, payload = stored[:_CHECK], stored[_CHECK:]
    if _checksum(payload) != check:
        return None
    try:
        files = _PlainUnpickler(io.BytesIO(payload)).load()
    except Exception:  # an entry that does not unpickle is made afresh, whatever it raised
        return None
    if not isinstance(files, dict) or not all(isinstance(k, str) for k in files):
        return None
    if not all(isinstance(v, str) for v in files.values()):
        return None
    return files


def store_entry(folder: Path, key: str, files: dict[str, str]) -> None:
    """Write the entry atomically and remove older ones; a folder that cannot be written only costs time."""
    payload = pickle.dumps(files, protocol=pickle.HIGHEST_PROTOCOL)
    target = folder / f"{key}{SUFFIX}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        temporary.write_bytes(_checksum(payload) + payload)
        os.replace(temporary, target)
        for old in folder.glob(f"*{SUFFIX}"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def _checksum(payload: bytes) -> bytes:
    """A CRC-32 of an entry, against damage: an entry can hold nothing but text, so it need not be a hash."""
    return zlib.crc32(payload).to_bytes(_CHECK, "big")


class _PlainUnpickler(pickle.Unpickler):
    """An unpickler that makes no object of any class: strings and dictionaries need none."""

    def find_class(self, module_name: str, name: str) -> Any:
        """Refuse every class."""
        raise pickle.UnpicklingError(f"the site cache holds {module_name}.{name}, not only text")
