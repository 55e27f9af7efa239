"""A real build with `use_directory_urls: false`: every link and every URL in the tools' JSON names a page."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from support import mkdocs_build

HREF = re.compile(r'href="(?P<url>[^"#?]*)(?:[?#][^"]*)?"')


def _flat_build(project: Path) -> Path:
    """Build the project with `.html` pages instead of folders; return the site folder."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "use_directory_urls: false\n")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def _target(site: Path, page: str, url: str) -> Path:
    """The file a relative link on `page` (a site-relative path) points at."""
    path = urlsplit(urljoin(f"http://site/{page}", url)).path.removeprefix("/")
    return site / path


def test_links_point_at_html_pages_that_exist(minimal: Path) -> None:
    site = _flat_build(minimal)
    assert not (site / "questions/index").exists()
    pages = sorted(site.rglob("*.html"))
    assert (site / "questions/career-path.html") in pages and (site / "scripts/thank-you.html") in pages
    for page in pages:
        relative = page.relative_to(site).as_posix()
        for match in HREF.finditer(page.read_text()):
            url = match["url"]
            if not url or url.startswith(("http:", "https:", "mailto:", "data:")):
                continue
            target = _target(site, relative, url)
            assert target.is_file(), f"{relative} links to {url}, which is not a file in the site"
            assert not url.endswith("/"), f"{relative} links to the folder {url}"


def test_json_urls_point_at_html_pages_that_exist(minimal: Path) -> None:
    site = _flat_build(minimal)
    urls: list[str] = []
    questions = json.loads((site / "questions.json").read_text())
    urls += [category["url"] for category in questions["categories"]]
    urls += [question["url"] for question in questions["questions"]]
    scripts = json.loads((site / "scripts.json").read_text())
    urls += [script["url"] for script in scripts["scripts"]]
    checklists = json.loads((site / "checklists.json").read_text())
    assert checklists["checklists"], "the minimal project has checklists"
    for checklist in checklists["checklists"]:
        urls.append(checklist["url"])
        urls += [item["step_url"] for item in checklist["items"]]
    assert urls
    for url in urls:
        path = url.split("#", 1)[0]
        assert path.endswith(".html"), url
        assert (site / path).is_file(), url
