"""The guide cache: a project's checked Guide, stored under a hash of everything it was read from.

Reading and checking the inputs imports pydantic and validates every entry (about 0.4 s at 10,000
questions); a build whose inputs and code are unchanged reads the Guide back instead. The key hashes
mkdocs.yml, the bank, visitors.yaml, every file of the scripts folder, the docs folder's file names
and pages, the generator's code (every file of the package, which includes what reads and checks
them), Python's version and the installed packages' names and versions. Only a Guide without problems
is stored. An entry is the Guide pickled, behind the SHA-256 of its bytes: a damaged entry fails that
check and the inputs are read afresh, and the unpickler makes nothing but the model's own classes.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from msgspec import Struct

from .. import model
from ..code import installed_digest, package_digest
from ..listing import relative_files
from ..model import Guide
from .project import Project

CACHE_DIR = Path(".cache") / "guide"
SUFFIX = ".pickle"
_CHECK = hashlib.sha256().digest_size
_MODEL_CLASSES = {
    name for name, value in vars(model).items() if isinstance(value, type) and issubclass(value, Struct)
}


def guide_key(project: Project) -> str | None:
    """The hash of every input and of the code; None when an input cannot be read (checking reports it)."""
    digest = hashlib.sha256()
    # The whole generator's code, hashed once per process for every cache (the site's pages and the
    # handouts key on it too), stands for the modules that read and check; the installed packages' names
    # and versions stand for pydantic's: asking importlib.metadata for one version reads every package's
    # metadata, which cost more than the rest of the key.
    for word in (sys.version, installed_digest(), package_digest()):
        digest.update(word.encode() + b"\0")
    try:
        for path in (project.config_file, project.bank):
            digest.update(path.read_bytes() + b"\0")
        visitors = project.visitors
        digest.update(visitors.read_bytes() if visitors.is_file() else b"(no visitors file)")
        for path in sorted(project.templates.iterdir()) if project.templates.is_dir() else ():
            digest.update(path.name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"") + b"\0")
        docs = project.docs_dir
        for name in relative_files(docs) if docs.is_dir() else ():
            digest.update(name.encode() + b"\0")
            if name.endswith(".md"):
                digest.update((docs / name).read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()[:32]


def read_cached(folder: Path, key: str) -> Guide | None:
    """The Guide stored under `key`, or None when there is none or it is damaged."""
    try:
        stored = (folder / f"{key}{SUFFIX}").read_bytes()
    except OSError:
        return None
    check, payload = stored[:_CHECK], stored[_CHECK:]
    if hashlib.sha256(payload).digest() != check:
        return None
    try:
        guide = _ModelUnpickler(io.BytesIO(payload)).load()
    except Exception:  # an entry that does not unpickle is read afresh, whatever it raised
        return None
    return guide if isinstance(guide, Guide) else None


def store(folder: Path, key: str, guide: Guide) -> None:
    """Write the entry atomically and remove older ones; a folder that cannot be written only costs time."""
    payload = pickle.dumps(guide, protocol=pickle.HIGHEST_PROTOCOL)
    target = folder / f"{key}{SUFFIX}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        temporary.write_bytes(hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, target)
        for old in folder.glob(f"*{SUFFIX}"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError:
        pass


# msgspec pickles a struct with keyword-only fields as a call of this function with its class (which
# comes through find_class too) and the fields by name; were it renamed, entries would be read afresh.
_REBUILD = ("msgspec._utils", "rebuild")


class _ModelUnpickler(pickle.Unpickler):
    """An unpickler that makes the model's classes and nothing else."""

    def find_class(self, module_name: str, name: str) -> Any:
        """The model class named (or msgspec's way of making one), or UnpicklingError for anything else."""
        if module_name == model.__name__ and name in _MODEL_CLASSES:
            return getattr(model, name)
        if (module_name, name) == _REBUILD:
            return super().find_class(module_name, name)
        raise pickle.UnpicklingError(f"the guide cache holds {module_name}.{name}, not a model class")
