"""Make the handouts: reuse each cached PDF whose key is unchanged, print the others, say what was done."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct, field

from ..errors import GuideError, shown_path
from .cache import HandoutCache
from .catalogue import HANDOUTS, Handout
from .pdf import Notes

if TYPE_CHECKING:
    from .plan import Plan
    from .printing import Printed
    from .settings import PrintSettings


class Made(Struct, frozen=True):
    """A handout ready for the site: its cached PDF, and whether this build printed it."""

    handout: Handout
    path: Path
    rendered: bool
    notes: Notes = field(default_factory=Notes)

    @property
    def size(self) -> int:
        """The PDF's size in bytes."""
        return self.path.stat().st_size


def make_handouts(plans: list[Plan], settings: PrintSettings, cache: HandoutCache) -> tuple[list[Made], str]:
    """Each handout's PDF, printing only those whose key is not in the cache; and a one-line summary."""
    started = time.perf_counter()
    stale = [plan for plan in plans if cache.lookup(plan.handout.name, plan.key) is None]
    printed: dict[str, Printed] = {}
    if stale:  # WeasyPrint's side of the handouts is imported only to print one
        from .printing import check_logo, check_stylesheets, print_handouts

        check_stylesheets({sheet for plan in stale for sheet in plan.stylesheets})
        check_logo(stale[0].context["institution"]["logo"], settings)
        printed = print_handouts(stale, settings)
    problems = sorted({problem for result in printed.values() for problem in result.problems})
    if problems:
        raise GuideError(problems)
    made: list[Made] = []
    for plan in plans:
        result = printed.get(plan.handout.name)
        if result is None:
            made.append(Made(plan.handout, cache.path(plan.handout.name, plan.key), rendered=False))
        else:
            path = cache.store(plan.handout.name, plan.key, result.pdf)
            made.append(Made(plan.handout, path, rendered=True, notes=result.notes))
    if printed:
        cache.mark_printed([plan.handout.filename for plan in stale])
    return made, _summary(made, time.perf_counter() - started, cache.folder, settings.root)


def reuse_handouts(keys: dict[str, str], cache: HandoutCache, root: Path) -> tuple[list[Made], str] | None:
    """Every handout's cached PDF under its known key, and the summary; None if one is not in the cache."""
    made = []
    for handout in HANDOUTS:
        path = cache.lookup(handout.name, keys.get(handout.name, ""))
        if path is None:
            return None
        made.append(Made(handout, path, rendered=False))
    return made, _summary(made, 0.0, cache.folder, root)


def _summary(made: list[Made], seconds: float, folder: Path, root: Path) -> str:
    """One log line: what was printed, or that nothing needed to be."""
    where = shown_path(folder, root)
    rendered = [item.handout.filename for item in made if item.rendered]
    if not rendered:
        return f"Handouts: all {len(made)} PDFs unchanged, none rendered (cached in {where}/)"
    notes = [f"\nHandouts: {item.handout.filename}: {note}" for item in made for note in item.notes.glyphs]
    machine = dict.fromkeys(note for item in made for note in item.notes.machine)  # once, not per handout
    return (
        f"Handouts: rendered {', '.join(rendered)} in {seconds:.1f} s; "
        f"{len(made) - len(rendered)} unchanged (cached in {where}/)"
        + "".join(notes)
        + "".join(f"\nHandouts: {note}" for note in machine)
    )
