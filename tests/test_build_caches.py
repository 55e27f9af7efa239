"""The build's own caches: the generated files and the handouts' keys, read back only for unchanged inputs."""

from __future__ import annotations

import pickle
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from generator.bank.guide_cache import guide_key
from generator.bank.load import load_project
from generator.bank.project import Project, read_project
from generator.code import installed_digest
from generator.handouts.cache import KEYS, HandoutCache, plans_key
from generator.handouts.plan import plan_handouts
from generator.handouts.preview import placeholder_pdf
from generator.handouts.settings import print_settings
from generator.handouts.site_handouts import build_handouts, preview_handouts
from generator.site import generated_files
from generator.site.files_cache import CACHE_DIR, cached_generated_files, files_key, read_entry

# In a fresh process: a build's handouts with the keys known, then whether any print template was parsed.
WARM_HANDOUTS = (
    "from pathlib import Path\n"
    "from generator.bank.guide_cache import guide_key\n"
    "from generator.bank import load_project, read_project\n"
    "from generator.handouts import build_handouts\n"
    "from generator.handouts.render import _parsed_references\n"
    "project = read_project(Path('mkdocs.yml'))\n"
    "handouts = build_handouts(project, load_project(project), guide_key(project))\n"
    "print(len(handouts.files), _parsed_references.cache_info().currsize)\n"
)


def _loaded(folder: Path) -> tuple[Project, str]:
    project = read_project(folder / "mkdocs.yml")
    load_project(project)
    key = guide_key(project)
    assert key is not None
    return project, key


def _files(project: Project, inputs: str | None, directory_urls: bool = True) -> dict[str, str]:
    guide = load_project(project)
    folder = project.root / CACHE_DIR
    return cached_generated_files(guide, project.docs_dir, "content", directory_urls, folder, inputs)


def _seed_pdfs(project: Project) -> dict[str, str]:
    """A placeholder PDF under each handout's planned key (printing is test_handouts_build's part)."""
    cache = HandoutCache.of(project.root, "en")
    plans = plan_handouts(load_project(project), print_settings(project))
    for plan in plans:
        cache.store(plan.handout.name, plan.key, placeholder_pdf(plan.handout.title))
    return {plan.handout.name: plan.key for plan in plans}


def test_unchanged_inputs_read_the_generated_files_back(minimal: Path) -> None:
    project, inputs = _loaded(minimal)
    made = generated_files(load_project(project), project.docs_dir, "content")
    assert _files(project, inputs) == made
    assert read_entry(minimal / CACHE_DIR, files_key(inputs, True)) == made
    assert len(list((minimal / CACHE_DIR).glob("*.pickle"))) == 1
    assert _files(project, inputs, directory_urls=False) != made  # a key of its own
    assert _files(project, None) == made  # without a key nothing is read or kept
    assert len(list((minimal / CACHE_DIR).glob("*.pickle"))) == 1


def test_a_changed_bank_makes_its_files_afresh(minimal: Path) -> None:
    project, inputs = _loaded(minimal)
    before = _files(project, inputs)
    bank = minimal / "question_bank.yaml"
    text = bank.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.strip().startswith("text:"))
    bank.write_text(text.replace(first, first.rstrip().rstrip('"') + ' (edited)"', 1), encoding="utf-8")
    project, changed = _loaded(minimal)
    assert changed != inputs
    after = _files(project, changed)
    assert after != before and any("(edited)" in text for text in after.values())
    assert read_entry(minimal / CACHE_DIR, files_key(inputs, True)) is None  # the old entry is gone


def test_a_damaged_or_foreign_entry_is_made_afresh(minimal: Path) -> None:
    project, inputs = _loaded(minimal)
    made = _files(project, inputs)
    entry = minimal / CACHE_DIR / f"{files_key(inputs, True)}.pickle"
    entry.write_bytes(entry.read_bytes()[:-10])
    assert read_entry(minimal / CACHE_DIR, files_key(inputs, True)) is None
    assert _files(project, inputs) == made
    assert read_entry(minimal / CACHE_DIR, files_key(inputs, True)) == made  # replaced
    foreign = pickle.dumps({"index.md": Path("index.md")})
    entry.write_bytes(zlib.crc32(foreign).to_bytes(4, "big") + foreign)
    assert read_entry(minimal / CACHE_DIR, files_key(inputs, True)) is None


def test_known_handout_keys_find_the_pdfs_without_planning(minimal: Path) -> None:
    project, inputs = _loaded(minimal)
    planned = _seed_pdfs(project)
    first = build_handouts(project, load_project(project), inputs)
    cache = HandoutCache.of(minimal, "en")
    assert len(list((cache.folder / KEYS).glob("*.json"))) == 1
    warm = subprocess.run(
        [sys.executable, "-c", WARM_HANDOUTS], cwd=minimal, capture_output=True, text=True, check=True
    )
    assert warm.stdout.split() == [str(len(planned)), "0"], warm.stderr
    again = build_handouts(project, load_project(project), inputs)
    assert again.files == first.files and again.summary == first.summary
    assert [item.path for item in again.files] == [cache.path(name, key) for name, key in planned.items()]


def test_a_missing_pdf_shows_as_stale(minimal: Path) -> None:
    project, inputs = _loaded(minimal)
    planned = _seed_pdfs(project)
    guide = load_project(project)
    assert not preview_handouts(project, guide, inputs).stale
    name = next(iter(planned))
    HandoutCache.of(minimal, "en").path(name, planned[name]).unlink()
    preview = preview_handouts(project, guide, inputs)
    assert preview.stale and "1 out of date" in preview.summary


def test_new_logo_bytes_under_the_same_name_are_a_new_plans_key(minimal: Path) -> None:
    logo = minimal / "content" / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', encoding="utf-8")
    config = minimal / "mkdocs.yml"
    config.write_text(config.read_text() + "extra:\n  institution:\n    logo: logo.svg\n")
    project, inputs = _loaded(minimal)
    guide = load_project(project)
    settings = print_settings(project)
    before = plans_key(inputs, guide, settings)
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>', encoding="utf-8")
    assert guide_key(project) == inputs  # the docs folder's other files count by name only
    assert plans_key(inputs, guide, settings) != before


def test_installing_a_package_is_a_new_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed_digest.cache_clear()
    before = installed_digest()
    (tmp_path / "weasyprint-99.0.dist-info").mkdir()
    monkeypatch.syspath_prepend(str(tmp_path))
    installed_digest.cache_clear()
    try:
        assert installed_digest() != before
    finally:
        installed_digest.cache_clear()


def test_the_working_folder_is_not_where_packages_are_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `python -m pytest` or `python -m mkdocs` in a project folder puts that folder first on sys.path,
    # and an editable install leaves the project's own egg-info there: the key must not depend on it.
    monkeypatch.chdir(tmp_path)
    installed_digest.cache_clear()
    before = installed_digest()
    (tmp_path / "informational_interviews_guide.egg-info").mkdir()
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend("")
    installed_digest.cache_clear()
    try:
        assert installed_digest() == before
    finally:
        installed_digest.cache_clear()
