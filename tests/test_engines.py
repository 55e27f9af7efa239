"""The site builds with ProperDocs, the community's continuation of MkDocs 1.6, exactly as with MkDocs.

Material reaches its end of life in 2027 and MkDocs 2.0 drops plugins; ProperDocs reads the same
mkdocs.yml and loads the plugins registered for MkDocs. Both build the bilingual project here, one after
the other (the second reuses the first's printed handouts), and every file they write must be the same
but for the generator's name and version in each page's `<meta name="generator">` (and so the offline
worker's version, made from the pages).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from support import bilingual_project, generator, run

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
# The offline worker's version is made from the pages' bytes, which differ by that very tag.
WORKER_VERSION = re.compile(rb'"version": "[0-9a-f]+"')


def _built(project: Path, engine: str, site: Path) -> dict[str, bytes]:
    """Build the project with `python -m <engine> build --strict` into `site`; every file it wrote."""
    result = run([sys.executable, "-m", engine, "build", "--strict", "--site-dir", str(site)], project)
    assert result.returncode == 0, result.stderr
    return {
        path.relative_to(site).as_posix(): WORKER_VERSION.sub(b"", GENERATOR.sub(b"", path.read_bytes()))
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path: Path) -> None:
    project = bilingual_project(tmp_path / "project")
    assert generator(project, "stamp").returncode == 0
    mkdocs = _built(project, "mkdocs", tmp_path / "mkdocs-site")
    properdocs = _built(project, "properdocs", tmp_path / "properdocs-site")
    assert "fr/index.html" in mkdocs and "downloads/guide.pdf" in mkdocs
    assert sorted(properdocs) == sorted(mkdocs)
    differ = [name for name in mkdocs if properdocs[name] != mkdocs[name]]
    assert not differ, f"ProperDocs built these differently: {differ}"
    page = (tmp_path / "properdocs-site/index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs 1.6' in page
