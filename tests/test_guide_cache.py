"""The guide cache: unchanged inputs give the stored Guide without pydantic; a change or damage reads anew."""

from __future__ import annotations

import hashlib
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from msgspec.structs import fields

from generator import model
from generator.bank import schema
from generator.bank.checked import load_checked
from generator.bank.guide_cache import CACHE_DIR, guide_key, read_cached
from generator.bank.load import load_project
from generator.bank.project import read_project
from generator.errors import GuideError

ROOT = Path(__file__).resolve().parent.parent
WARM_LOAD = (
    "import sys\n"
    "from pathlib import Path\n"
    "from generator.bank import load_project, read_project\n"
    "guide = load_project(read_project(Path('mkdocs.yml')))\n"
    "print(len(guide.questions), 'pydantic' in sys.modules)\n"
)


def _entries(project: Path) -> list[Path]:
    return sorted((project / CACHE_DIR).glob("*.pickle"))


def test_an_unchanged_project_is_read_back_without_pydantic(minimal: Path) -> None:
    guide = load_project(read_project(minimal / "mkdocs.yml"))
    assert len(_entries(minimal)) == 1
    assert (
        load_project(read_project(minimal / "mkdocs.yml"))
        == guide
        == load_checked(read_project(minimal / "mkdocs.yml"))
    )
    warm = subprocess.run(
        [sys.executable, "-c", WARM_LOAD], cwd=minimal, capture_output=True, text=True, check=True
    )
    assert warm.stdout.split() == [str(len(guide.questions)), "False"], warm.stderr


@pytest.mark.parametrize(
    "path", ["question_bank.yaml", "email_templates/thank-you.txt", "content/index.md", "mkdocs.yml"]
)
def test_a_change_to_any_input_reads_it_afresh(minimal: Path, path: str) -> None:
    project = read_project(minimal / "mkdocs.yml")
    load_project(project)
    before = guide_key(project)
    edited = minimal / path
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    project = read_project(minimal / "mkdocs.yml")
    assert guide_key(project) != before
    load_project(project)
    assert [entry.stem for entry in _entries(minimal)] == [guide_key(project)]


def test_a_new_file_in_the_docs_changes_the_key(minimal: Path) -> None:
    project = read_project(minimal / "mkdocs.yml")
    before = guide_key(project)
    (minimal / "content" / "logo.png").write_bytes(b"not yet an image")
    assert guide_key(project) != before


def test_a_damaged_entry_is_read_afresh_and_replaced(minimal: Path) -> None:
    project = read_project(minimal / "mkdocs.yml")
    guide = load_project(project)
    (entry,) = _entries(minimal)
    stored = bytearray(entry.read_bytes())
    stored[-5] ^= 0xFF
    entry.write_bytes(bytes(stored))
    assert read_cached(entry.parent, entry.stem) is None
    assert load_project(project) == guide
    assert read_cached(entry.parent, entry.stem) == guide


def test_an_entry_naming_anything_but_the_model_is_refused(minimal: Path) -> None:
    project = read_project(minimal / "mkdocs.yml")
    load_project(project)
    (entry,) = _entries(minimal)
    payload = pickle.dumps(Path("elsewhere"))  # a checksum that holds over a class the model does not have
    entry.write_bytes(hashlib.sha256(payload).digest() + payload)
    assert read_cached(entry.parent, entry.stem) is None
    assert isinstance(load_project(project), model.Guide)


def test_a_guide_with_problems_is_never_stored(minimal: Path) -> None:
    bank = minimal / "question_bank.yaml"
    bank.write_text(
        bank.read_text(encoding="utf-8").replace("category: advice", "category: advise"), encoding="utf-8"
    )
    for _ in range(2):
        with pytest.raises(GuideError):
            load_project(read_project(minimal / "mkdocs.yml"))
    assert _entries(minimal) == []


def test_the_model_has_the_schema_fields_in_its_order() -> None:
    for name in ("TagValue", "TagGroup", "Category", "Question", "Field", "Budget", "ScriptFrontMatter"):
        checked, plain = getattr(schema, name), getattr(model, name)
        assert [item.name for item in fields(plain)] == list(checked.model_fields), name
    assert [item.name for item in fields(model.Institution)] == list(schema.Institution.model_fields)
    assert schema.to_model(schema.Institution()) == model.Institution() == model.DEFAULT_INSTITUTION
