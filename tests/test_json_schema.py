"""The JSON Schemas editors read: current, made from the checking models, and as strict as check on shape."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from support import FIXTURES, ROOT, generator

from generator.bank import load_project, read_project
from generator.bank.json_schema import BANK_SCHEMA, SCHEMAS_DIR, SCRIPT_SCHEMA, VISITORS_SCHEMA, schemas

# The broken inputs that are about the shape of the bank: each must be invalid against its schema.
SHAPE_CASES = ["unknown-key", "wrong-types", "unknown-category-and-tags", "missing-and-empty", "bad-slug"]


def _validator(document: dict[str, Any]) -> Draft202012Validator:
    Draft202012Validator.check_schema(document)
    return Draft202012Validator(document)


def _front_matter(path: Path) -> Any:
    _, front, _ = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front)


def test_the_committed_schemas_are_what_the_models_make_now() -> None:
    made = schemas(load_project(read_project(ROOT / "mkdocs.yml")))
    for name, document in made.items():
        committed = json.loads((ROOT / SCHEMAS_DIR / name).read_text(encoding="utf-8"))
        assert committed == document, f"{SCHEMAS_DIR}/{name} is stale: run python3 tasks.py check"


def test_the_real_data_is_valid_against_them() -> None:
    made = schemas(load_project(read_project(ROOT / "mkdocs.yml")))
    bank = yaml.safe_load((ROOT / "question_bank.yaml").read_text(encoding="utf-8"))
    assert not list(_validator(made[BANK_SCHEMA]).iter_errors(bank))
    visitors = yaml.safe_load((ROOT / "visitors.yaml").read_text(encoding="utf-8"))
    assert not list(_validator(made[VISITORS_SCHEMA]).iter_errors(visitors))
    scripts = sorted((ROOT / "email_templates").glob("*.txt"))
    assert len(scripts) >= 10
    for path in scripts:
        errors = list(_validator(made[SCRIPT_SCHEMA]).iter_errors(_front_matter(path)))
        assert not errors, f"{path.name}: {errors[0].message}"


def test_every_key_has_a_title_and_a_description() -> None:
    made = schemas(load_project(read_project(ROOT / "mkdocs.yml")))

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.get("properties", {}).items():
                assert value.get("description"), f"{where}.{key} has no description"
                walk(value, f"{where}.{key}")
            for key in ("items", "additionalProperties"):
                walk(node.get(key), f"{where}[]")

    for name, document in made.items():
        walk(document, name)


def test_the_bank_and_its_editors_find_the_schema() -> None:
    first = (ROOT / "question_bank.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={SCHEMAS_DIR}/{BANK_SCHEMA}"
    first = (ROOT / "visitors.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={SCHEMAS_DIR}/{VISITORS_SCHEMA}"


@pytest.mark.parametrize("case", SHAPE_CASES)
def test_a_broken_shape_is_invalid_against_the_schema(case: str, tmp_path: Path) -> None:
    minimal = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal", minimal)
    document = schemas(load_project(read_project(minimal / "mkdocs.yml")))[BANK_SCHEMA]
    broken = yaml.safe_load((FIXTURES / "broken" / case / "question_bank.yaml").read_text(encoding="utf-8"))
    assert list(_validator(document).iter_errors(broken)), f"{case} is valid against the schema"


def test_a_script_of_the_wrong_shape_is_invalid() -> None:
    document = schemas(load_project(read_project(ROOT / "mkdocs.yml")))[SCRIPT_SCHEMA]
    front = _front_matter(FIXTURES / "broken" / "script-rules" / "email_templates" / "thank-you.txt")
    messages = [error.message for error in _validator(document).iter_errors(front)]
    assert any("'moment' is a required property" in message for message in messages), messages
    assert any("'fax' is not one of" in message for message in messages), messages


def test_check_brings_the_schemas_up_to_date_and_says_so(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal", project)
    result = generator(project, "check")
    assert result.returncode == 0, result.stderr
    assert f"Updated {SCHEMAS_DIR}/{BANK_SCHEMA}" in result.stdout
    written = json.loads((project / SCHEMAS_DIR / BANK_SCHEMA).read_text(encoding="utf-8"))
    assert written["properties"]["questions"]["items"]["properties"]["category"]["enum"] == [
        "career-path",
        "advice",
    ]
    again = generator(project, "check")
    assert "Updated" not in again.stdout, "an unchanged bank rewrote its schema"
