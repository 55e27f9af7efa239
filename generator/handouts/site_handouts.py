"""The handouts as the site gets them: every PDF (printed or from the cache) and what it adds to pages."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct

from ..bank import Project, words_of
from ..errors import shown_path
from ..model import Guide
from ..site import refuse_clashes
from .build import make_handouts, reuse_handouts
from .cache import HandoutCache, plans_key
from .catalogue import HANDOUTS, Handout
from .pages import PageAdditions
from .preview import placeholder_pdf
from .settings import PrintSettings, print_settings

if TYPE_CHECKING:
    from .plan import Plan


class HandoutFile(Struct, frozen=True):
    """One handout as the site gets it: a cached PDF file, or (while serving) bytes to show meanwhile."""

    handout: Handout
    path: Path | None = None
    content: bytes | None = None

    @property
    def size(self) -> int:
        """The size in bytes."""
        return self.path.stat().st_size if self.path is not None else len(self.content or b"")


class SiteHandouts(Struct, frozen=True):
    """The handouts of one build, what they add to pages, and the line to log about them.

    `printed` is the folder that changes whenever handouts are printed, for a server to watch.
    """

    files: tuple[HandoutFile, ...]
    additions: PageAdditions
    summary: str
    printed: Path
    stale: bool = False

    def write_into(self, docs: Path) -> None:
        """Put the PDFs into a docs folder and make the additions to its Markdown pages (for `stage`)."""
        for item in self.files:
            target = docs / item.handout.uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.path.read_bytes() if item.path is not None else item.content or b"")
        for page in sorted(docs.rglob("*.md")):
            text = page.read_text(encoding="utf-8-sig")
            page.write_text(self.additions.apply(text, page.relative_to(docs).as_posix()), encoding="utf-8")


def build_handouts(project: Project, guide: Guide, inputs: str | None = None) -> SiteHandouts:
    """Every handout, printing those not in the cache; GuideError lists any that could not be made.

    `inputs`, the key of every input `guide` was read from, lets an unchanged project find its PDFs by
    the keys planned last time, without planning again (see cache.plans_key).
    """
    settings = _checked_settings(project)
    cache = HandoutCache.of(project.root, guide.language)
    known = _known_keys(inputs, guide, settings, cache)
    reused = reuse_handouts(known, cache, settings.root) if known is not None else None
    if reused is not None:
        made, summary = reused
    else:
        plans = _plans(guide, settings)
        made, summary = make_handouts(plans, settings, cache)
        _remember_keys(inputs, guide, settings, cache, plans)
    files = tuple(HandoutFile(item.handout, path=item.path) for item in made)
    return SiteHandouts(files, _additions(guide, settings, files), summary, cache.printed)


def preview_handouts(project: Project, guide: Guide, inputs: str | None = None) -> SiteHandouts:
    """The handouts without printing any: cached ones, else the last copy made, else a placeholder.

    `stale` says whether some are out of date, so that the caller can print them in the background.
    """
    settings = _checked_settings(project)
    cache = HandoutCache.of(project.root, guide.language)
    keys = _known_keys(inputs, guide, settings, cache)
    if keys is None:
        plans = _plans(guide, settings)
        _remember_keys(inputs, guide, settings, cache, plans)
        keys = {plan.handout.name: plan.key for plan in plans}
    files: list[HandoutFile] = []
    stale = 0
    words = words_of(guide)
    for handout in HANDOUTS:
        current = cache.lookup(handout.name, keys[handout.name])
        if current is not None:
            files.append(HandoutFile(handout, content=_read(current)))
            continue
        stale += 1
        previous = cache.latest(handout.name)
        content = _read(previous) if previous is not None else None
        files.append(HandoutFile(handout, content=content or placeholder_pdf(handout.title_in(words), words)))
    summary = (
        f"Handouts: {stale} out of date, shown as last printed; they are printed in the background "
        "once the sources have been quiet for a few seconds"
        if stale
        else f"Handouts: all {len(files)} PDFs unchanged, none rendered"
    )
    return SiteHandouts(tuple(files), _additions(guide, settings, files), summary, cache.printed, stale > 0)


def _plans(guide: Guide, settings: PrintSettings) -> list[Plan]:
    """Every handout planned: its context, templates and key (the templates parsed)."""
    from .plan import (
        plan_handouts,
    )  # the contexts, the printed guide's chapters and Jinja's parse, on a miss only

    return plan_handouts(guide, settings)


def _known_keys(
    inputs: str | None, guide: Guide, settings: PrintSettings, cache: HandoutCache
) -> dict[str, str] | None:
    """The handouts' keys as last planned for these inputs, if every handout has one."""
    if inputs is None:
        return None
    keys = cache.known_keys(plans_key(inputs, guide, settings))
    return keys if keys is not None and all(h.name in keys for h in HANDOUTS) else None


def _remember_keys(
    inputs: str | None, guide: Guide, settings: PrintSettings, cache: HandoutCache, plans: list[Plan]
) -> None:
    """Keep the planned keys for the next build with the same inputs."""
    if inputs is not None:
        keys = {plan.handout.name: plan.key for plan in plans}
        cache.remember_keys(plans_key(inputs, guide, settings), keys)


def _checked_settings(project: Project) -> PrintSettings:
    """The print settings, refusing a content file where a handout goes."""
    settings = print_settings(project)
    docs = shown_path(settings.docs_dir, settings.root)
    refuse_clashes(
        [handout.uri for handout in HANDOUTS], settings.docs_dir, docs, "a handout the build makes"
    )
    return settings


def _additions(guide: Guide, settings: PrintSettings, files: Sequence[HandoutFile]) -> PageAdditions:
    """What the handouts add to pages, with each PDF's size."""
    sizes = {item.handout.uri: item.size for item in files}
    return PageAdditions(
        guide.institution.name,
        settings.site_name,
        settings.site_url,
        settings.directory_urls,
        sizes,
        words_of(guide),
    )


def _read(path: Path) -> bytes | None:
    """A cached file's bytes, or None if another process just replaced it."""
    try:
        return path.read_bytes()
    except OSError:
        return None
