"""Load a project's guide: from the guide cache when no input changed, else read and checked afresh."""

from __future__ import annotations

from ..model import Guide
from .guide_cache import CACHE_DIR, guide_key, read_cached, store
from .project import Project


def load_project(project: Project) -> Guide:
    """The guide a mkdocs.yml describes; GuideError lists every problem in its inputs."""
    folder = project.root / CACHE_DIR
    key = guide_key(project)
    cached = read_cached(folder, key) if key is not None else None
    if cached is not None:
        return cached
    from .checked import load_checked  # pydantic and every check, only for inputs not seen before

    guide = load_checked(project)
    if key is not None:
        store(folder, key, guide)
    return guide
