"""The generated Markdown pages and JSON of the minimal project, against committed golden files.

Run with UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from support import FIXTURES, bilingual_project

from generator.bank import load_project, read_project
from generator.bank.checked import load_guide
from generator.bank.translations import load_translation
from generator.site import pages
from generator.site.data import render_data
from generator.site.pages import render_pages

GOLDEN = Path(__file__).resolve().parent / "golden" / "minimal"
GOLDEN_FR = Path(__file__).resolve().parent / "golden" / "bilingual-fr"


def _generated() -> dict[str, str]:
    project = FIXTURES / "minimal"
    guide = load_guide(
        project / "question_bank.yaml", project / "email_templates", project, project / "content"
    )
    return render_pages(guide) | render_data(guide)


def test_generated_files_match_golden() -> None:
    generated = _generated()
    if os.environ.get("UPDATE_GOLDEN") == "1":
        for path, text in generated.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(_readable(path, text), encoding="utf-8")
        pytest.fail("golden files rewritten; review the diff and run again without UPDATE_GOLDEN")
    on_disk = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())
    assert on_disk == sorted(generated)
    for path, text in generated.items():
        assert _readable(path, text) == (GOLDEN / path).read_text(encoding="utf-8"), path


def test_french_generated_files_match_golden(tmp_path: Path) -> None:
    """The French pages and JSON of the bilingual project (its fingerprints stamped or not alike)."""
    project = read_project(bilingual_project(tmp_path / "project") / "mkdocs.yml")
    french = load_translation(project, load_project(project), "fr").guide
    generated = render_pages(french) | render_data(french)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        for path, text in generated.items():
            (GOLDEN_FR / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN_FR / path).write_text(_readable(path, text), encoding="utf-8")
        pytest.fail("golden files rewritten; review the diff and run again without UPDATE_GOLDEN")
    on_disk = sorted(p.relative_to(GOLDEN_FR).as_posix() for p in GOLDEN_FR.rglob("*") if p.is_file())
    assert on_disk == sorted(generated)
    for path, text in generated.items():
        assert _readable(path, text) == (GOLDEN_FR / path).read_text(encoding="utf-8"), path


def test_json_is_compact() -> None:
    for path, text in _generated().items():
        if path.endswith(".json"):
            compact = json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":")) + "\n"
            assert text == compact, f"{path} is not compact JSON"


def _readable(path: str, text: str) -> str:
    """The site writes compact JSON; the golden files keep it indented so that their diffs read well."""
    if path.endswith(".json"):
        return json.dumps(json.loads(text), ensure_ascii=False, indent=1) + "\n"
    return text


def test_lists_of_a_long_bank_are_marked_for_layout_on_demand(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "guide-questions--long" not in _generated()["questions/index.md"]
    monkeypatch.setattr(pages, "LONG_BANK", 2)
    generated = _generated()
    for path in (
        "questions/index.md",
        *(p for p in generated if p.startswith("questions/") and p.endswith(".md")),
    ):
        assert '<ol class="guide-questions guide-questions--long"' in generated[path], path
