"""`mkdocs build --strict` with the project's own mkdocs.yml refuses broken Markdown links and stray pages.

Each case copies the project (configuration, content, data, theme overrides), breaks content/index.md
or adds a page, and builds: the build must fail and say what is wrong. The session's normal build of
the same project passing is the control.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import ROOT
from support import ENV

PROJECT = [
    "mkdocs.yml",
    "content",
    "overrides",
    "question_bank.yaml",
    "visitors.yaml",
    "email_templates",
    ".cache",
]

# name -> (changes: page under content/ and the text added to it (a new page if it does not exist),
#          what the build must say). One build per case; warnings that each fail a strict build on
#          their own share a build, since every build takes seconds (the handouts are rebuilt).
CASES: dict[str, tuple[list[tuple[str, str]], list[str]]] = {
    "broken anchor": (
        [("index.md", "\n[A heading that is not there](research.md#no-such-heading)\n")],
        # MkDocs says: Doc file 'index.md' contains a link 'research.md#no-such-heading', but the doc
        # 'research.md' does not contain an anchor '#no-such-heading'. The handout builder stops first.
        ["no-such-heading"],
    ),
    "missing page, absolute link, page left out of the nav": (
        [
            ("index.md", "\n[A page that is not there](no-such-page.md)\n\n[Questions](/questions/)\n"),
            ("orphan.md", "# A page nobody links to\n"),
        ],
        [
            "Doc file 'index.md' contains a link 'no-such-page.md', but the target is not found among"
            " documentation files.",
            "Doc file 'index.md' contains an absolute link '/questions/', it was left as is.",
            'The following pages exist in the docs directory, but are not included in the "nav"'
            " configuration:\n  - orphan.md",
        ],
    ),
}


def copy_project(target: Path) -> Path:
    """The project's files a build reads (and its handout cache, so the build is quick)."""
    target.mkdir()
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


@pytest.mark.parametrize("case", list(CASES))
def test_strict_build_fails_on(case: str, built_site: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    changes, messages = CASES[case]
    for name, text in changes:
        page = project / "content" / name
        before = page.read_text(encoding="utf-8") if page.exists() else ""
        page.write_text(before + text, encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")]
    done = subprocess.run(command, cwd=project, env=ENV, capture_output=True, text=True, check=False)
    output = done.stdout + done.stderr
    assert done.returncode != 0, f"the strict build passed despite a {case}:\n{output}"
    for message in messages:
        assert message in output, f"the build did not say what is wrong; expected\n{message}\nin:\n{output}"
