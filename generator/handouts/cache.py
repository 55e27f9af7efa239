"""The handouts' cache: each PDF stored under the hash of everything it was made from."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from ..code import installed_digest, package_digest

if TYPE_CHECKING:
    from ..model import Guide
    from .settings import PrintSettings

ENGINE_PACKAGES = ("informational-interviews-guide", "weasyprint", "pydyf", "markdown", "pymdown-extensions")
CACHE_DIR = Path(".cache") / "handouts"
PRINTED = "printed"
KEYS = "keys"


def fingerprint(data: Any, files: Iterable[Path], extra: Iterable[str] = ()) -> str:
    """A short hash of some JSON-able data, the bytes of some files and some extra words."""
    digest = hashlib.sha256()
    digest.update(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode())
    for path in files:
        digest.update(b"\0" + path.name.encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"(missing)")
    for word in extra:
        digest.update(b"\0" + word.encode())
    return digest.hexdigest()[:20]


def engine_versions() -> list[str]:
    """The versions of the packages that print: this one, WeasyPrint, pydyf, Markdown and its extensions."""
    versions = []
    for package in ENGINE_PACKAGES:
        try:
            versions.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            versions.append(f"{package} ?")
    return versions


def plans_key(inputs: str, guide: Guide, settings: PrintSettings) -> str:
    """A key for the handouts' keys: what planning reads, without planning (no template is parsed).

    `inputs` is the key of every input the guide was read from (the guide cache's); with it the
    generator's code and templates, the installed packages (the engine's versions among them), the
    project's folder, the logo's bytes, and the guide's language and words (a French guide read from
    the same inputs prints other handouts).
    """
    logo = [settings.docs_dir / guide.institution.logo] if guide.institution.logo else []
    words = None
    if guide.words is not None:
        messages = {
            key: text if isinstance(text, str) else dict(text) for key, text in guide.words.messages.items()
        }
        words = [guide.words.language, messages]
    return fingerprint(
        [str(settings.root), guide.language, words], logo, [inputs, package_digest(), installed_digest()]
    )


class HandoutCache(Struct, frozen=True):
    """A folder of PDFs named `<handout>-<key>.pdf`, one per language, and the `printed` marker they share.

    Each language keeps its own folder because storing a PDF removes that handout's other versions: in
    one folder, the French prep sheet would replace the English one, and every build would print both.
    """

    folder: Path
    printed: Path

    @classmethod
    def of(cls, root: Path, language: str) -> HandoutCache:
        """The cache of a project's handouts in one language: English in `.cache/handouts/`, others below."""
        shared = root / CACHE_DIR
        return cls(shared if language == "en" else shared / language, shared / PRINTED)

    def path(self, name: str, key: str) -> Path:
        """Where the PDF of a handout with a given key is (or would be) stored."""
        return self.folder / f"{name}-{key}.pdf"

    def mark_printed(self, names: list[str]) -> None:
        """Record that some handouts were just printed (a server watching `printed` reloads)."""
        self.printed.mkdir(parents=True, exist_ok=True)
        (self.printed / "last.txt").write_text("\n".join(names) + "\n", encoding="utf-8")

    def known_keys(self, plans_key: str) -> dict[str, str] | None:
        """The handouts' keys last planned under `plans_key` (see plan.plans_key), or None."""
        try:
            keys = json.loads((self.folder / KEYS / f"{plans_key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(keys, dict) or not all(isinstance(v, str) and v.isalnum() for v in keys.values()):
            return None
        return keys

    def remember_keys(self, plans_key: str, keys: dict[str, str]) -> None:
        """Keep the handouts' keys under `plans_key`, replacing older ones; a failure only costs time."""
        folder = self.folder / KEYS
        target = folder / f"{plans_key}.json"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            temporary.write_text(json.dumps(keys, sort_keys=True), encoding="utf-8")
            os.replace(temporary, target)
            for old in folder.glob("*.json"):
                if old != target:
                    old.unlink(missing_ok=True)
        except OSError:
            pass

    def lookup(self, name: str, key: str) -> Path | None:
        """The stored PDF for this key, if there is one."""
        path = self.path(name, key)
        return path if path.is_file() else None

    def latest(self, name: str) -> Path | None:
        """The most recently stored PDF of a handout, whatever its key."""
        stored = sorted(self._versions(name), key=lambda path: path.stat().st_mtime, reverse=True)
        return stored[0] if stored else None

    def store(self, name: str, key: str, pdf: bytes) -> Path:
        """Write a PDF atomically, then remove the handout's older versions."""
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path(name, key)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        temporary.write_bytes(pdf)
        os.replace(temporary, target)
        for old in self._versions(name):
            if old != target:
                old.unlink(missing_ok=True)
        return target

    def _versions(self, name: str) -> list[Path]:
        """Every stored PDF of one handout (not of another whose name starts the same way)."""
        return [
            path
            for path in self.folder.glob(f"{name}-*.pdf")
            if path.stem.removeprefix(f"{name}-").isalnum() and path.stem.count("-") == name.count("-") + 1
        ]
