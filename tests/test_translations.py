"""The guide in French: check, stamp, the French build at /fr/ and stage, on a small bilingual project.

The fixture `tests/fixtures/bilingual` is `tests/fixtures/minimal` with `translations: [fr]` (and
`strict: true`, so that `check` fails on a missing or stale translation) and its French files, written
WITHOUT `en:` fingerprints. Its `interface.fr.yaml` holds only this project's own site words (site
name, nav sections); `_bilingual` adds, in the temporary copy, the real `interface.fr.yaml`'s entries
for every other interface id this project has (the generator's words: `interface_english`), rather than
a hand copy of some 190 entries, then runs `python -m generator stamp` there to write every `en:`.

Each folder of `tests/fixtures/translation-broken/` overlays that stamped project (its files already
carry the stamped fingerprints, so that each case differs from the good project by one thing) and its
`expected.txt` holds the exact lines `check` prints, then its summary line.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from support import FIXTURES, bilingual_project, generator, mkdocs_build, run, snapshot

BILINGUAL = FIXTURES / "bilingual"
BROKEN = FIXTURES / "translation-broken"
CASES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())
# The cases whose lines are warnings: the English stands in, so only `strict` stops on them.
WARNING_CASES = {"missing-question", "stale-question"}


_unstamped = bilingual_project


def _stamped(dest: Path) -> Path:
    """The bilingual project with every French entry stamped as made from today's English."""
    project = _unstamped(dest)
    result = generator(project, "stamp")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def bilingual(tmp_path: Path) -> Path:
    return _stamped(tmp_path / "project")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The stamped bilingual project, built once with `mkdocs build --strict`."""
    project = _stamped(tmp_path_factory.mktemp("bilingual") / "project")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project


def _apply(case: str, project: Path) -> list[str]:
    """Copy a broken case over a project; return the lines it must produce."""
    for source in (BROKEN / case).rglob("*"):
        if source.is_file() and source.name != "expected.txt":
            target = project / source.relative_to(BROKEN / case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return (BROKEN / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# 1. The bilingual project checks clean and builds both languages


def test_bilingual_project_checks_clean(bilingual: Path) -> None:
    result = generator(bilingual, "check")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("OK: 3 questions in 2 categories and 1 outreach script")


def test_french_home_page(built: Path) -> None:
    home = _read(built / "site/fr/index.html")
    assert '<html lang="fr"' in home
    assert "Guide minimal" in home
    assert re.search(r'<a href="\.\./"[^>]*hreflang="en"[^>]*>English</a>', home), "the switch to English"
    assert '<link rel="alternate" href=".././" hreflang="en">' in home  # MkDocs' url filter's way of ../
    english = _read(built / "site/index.html")
    assert '<html lang="en"' in english
    assert re.search(r'<a href="fr/"[^>]*hreflang="fr"[^>]*>Français</a>', english), "the switch to French"


def test_french_page_links_to_same_english_page(built: Path) -> None:
    page = _read(built / "site/fr/prepare/index.html")
    assert "Se préparer" in page
    assert re.search(r'<a href="\.\./\.\./prepare/"[^>]*hreflang="en"', page)
    english = _read(built / "site/prepare/index.html")
    assert re.search(r'<a href="\.\./fr/prepare/"[^>]*hreflang="fr"', english)


def test_french_questions_page_and_json(built: Path) -> None:
    text = "Qu'est-ce que vous aimez le plus dans ce domaine ou dans cette organisation\u00a0?"
    pages = [_read(p) for p in sorted((built / "site/fr/questions").rglob("*.html"))]
    assert any(text.replace("'", "&#39;") in page or text in page for page in pages)
    assert not any("What do you like best" in page for page in pages)
    data = _read(built / "site/fr/questions.json")
    assert "Qu'est-ce que vous aimez le plus" in data or "Qu\\u0027est-ce" in data
    assert "What do you like best" not in data
    assert "What do you like best" in _read(built / "site/questions.json")


def test_french_handouts(built: Path) -> None:
    french = sorted(p.name for p in (built / "site/fr/downloads").glob("*.pdf"))
    assert french
    assert french == sorted(p.name for p in (built / "site/downloads").glob("*.pdf"))


def test_a_second_build_prints_no_handout_in_either_language(built: Path) -> None:
    """Each language keeps its own PDFs: in one cache, each build's French would replace the English."""
    result = mkdocs_build(built)
    assert result.returncode == 0, result.stderr
    unchanged = re.findall(
        r"Handouts: all \d+ PDFs unchanged, none rendered \(cached in (\S+)\)", result.stderr
    )
    assert unchanged == [".cache/handouts/", ".cache/handouts/fr/"], result.stderr


# 2. Broken translations: check's exact lines, and a build that fails and keeps the last site


def test_there_are_broken_cases() -> None:
    assert len(CASES) >= 8
    assert set(CASES) >= WARNING_CASES


@pytest.mark.parametrize("case", CASES)
def test_check_reports_exact_lines(case: str, bilingual: Path) -> None:
    expected = _apply(case, bilingual)
    result = generator(bilingual, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == expected


@pytest.fixture(scope="module")
def good_site(built: Path) -> Path:
    return built / "site"


@pytest.mark.parametrize("case", CASES)
def test_build_fails_with_same_lines_and_keeps_last_site(case: str, bilingual: Path, good_site: Path) -> None:
    shutil.copytree(good_site, bilingual / "site")
    before = snapshot(bilingual / "site")
    expected = _apply(case, bilingual)
    result = mkdocs_build(bilingual)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    shown = [re.sub(r"^(ERROR|WARNING)\s+-\s+", "", line) for line in result.stderr.splitlines()]
    for line in expected[:-1]:
        assert line in shown
    if case in WARNING_CASES:
        assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr
    else:
        assert any(line.endswith("nothing was built and the last site was kept.") for line in shown)
        assert "Aborted with a BuildError!" in result.stdout + result.stderr
    assert snapshot(bilingual / "site") == before
    assert sorted(p.name for p in bilingual.iterdir() if p.name.startswith(".site")) == []


# 3. stamp


def test_stamp_writes_fingerprints_then_check_is_clean(tmp_path: Path) -> None:
    project = _unstamped(tmp_path / "project")
    before = generator(project, "check")
    assert before.returncode == 1
    assert "no 'en:' fingerprint" in before.stderr
    result = generator(project, "stamp")
    assert result.returncode == 0, result.stderr
    assert "Stamped question_bank.fr.yaml" in result.stdout
    assert "Stamped email_templates/fr/thank-you.txt" in result.stdout
    assert "Stamped content/fr/checklists.md" in result.stdout
    assert "Stamped interface.fr.yaml" in result.stdout
    bank = _read(project / "question_bank.fr.yaml")
    assert re.search(r"^  likes-best:\n    en: [0-9a-f]{8}\n    text: ", bank, re.M)
    assert re.match(r"---\nen: [0-9a-f]{8}\n---\n# Guide minimal", _read(project / "content/fr/index.md"))
    assert re.match(
        r"---\nen: [0-9a-f]{8}\nid: thank-you\n", _read(project / "email_templates/fr/thank-you.txt")
    )
    after = generator(project, "check")
    assert after.returncode == 0, after.stderr
    assert after.stderr == ""
    again = generator(project, "stamp")
    assert again.stdout.endswith("0 translations marked as made from the English as it is now.\n")


def test_stamp_leaves_a_stale_fingerprint_alone(bilingual: Path) -> None:
    expected = _apply("stale-question", bilingual)
    french = _read(bilingual / "question_bank.fr.yaml")
    result = generator(bilingual, "stamp")
    assert result.returncode == 0, result.stderr
    assert _read(bilingual / "question_bank.fr.yaml") == french
    check = generator(bilingual, "check")
    assert check.returncode == 1
    assert check.stderr.splitlines() == expected


# 4. stage


def _staged(project: Path, out: Path) -> None:
    result = generator(project, "stage", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "mkdocs.yml").is_file()
    assert (out / "mkdocs.fr.yml").is_file()


def _plain_build(out: Path, config: str) -> None:
    built = run([sys.executable, "-m", "mkdocs", "build", "-f", str(out / config)], out)
    assert built.returncode == 0, built.stderr


def test_stage_writes_both_configs_and_the_english_builds(bilingual: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _staged(bilingual, out)
    _plain_build(out, "mkdocs.yml")
    assert '<html lang="en"' in _read(out / "site/index.html")
    assert (out / "docs-fr/index.md").is_file()


def test_stage_builds_both_languages(bilingual: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _staged(bilingual, out)
    _plain_build(out, "mkdocs.yml")
    _plain_build(out, "mkdocs.fr.yml")
    assert '<html lang="fr"' in _read(out / "site/fr/index.html")


# A bilingual project without the guide's overrides/ (the language switch)


def test_build_without_the_guides_overrides_has_no_traceback(tmp_path: Path) -> None:
    project = _stamped(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^  custom_dir: overrides\n", "", _read(config)), encoding="utf-8")
    shutil.rmtree(project / "overrides")
    result = mkdocs_build(project)
    assert "Traceback" not in result.stderr
