"""JSON Schemas for the advisors' editors, made from the models that check the data (schema.py).

Editors with YAML support (VS Code with Red Hat's YAML extension, JetBrains IDEs, Neovim, Zed)
read them to complete keys, describe each one and flag a misspelt tag as it is typed. The bank's
schema lists the bank's own categories and tag values, so `check` rewrites it when those change.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model import Guide
from . import schema
from .project import Project

SCHEMAS_DIR = "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
BANK_SCHEMA = "question_bank.schema.json"
SCRIPT_SCHEMA = "script.schema.json"
VISITORS_SCHEMA = "visitors.schema.json"


def schemas(guide: Guide) -> dict[str, dict[str, Any]]:
    """Every schema, by file name."""
    return {
        BANK_SCHEMA: bank_schema(guide),
        SCRIPT_SCHEMA: script_schema(),
        VISITORS_SCHEMA: visitors_schema(),
    }


def bank_schema(guide: Guide) -> dict[str, Any]:
    """question_bank.yaml: its three lists, each question's category and tags limited to the bank's own."""
    question = _model(schema.Question)
    question["properties"]["category"] |= {"enum": [category.id for category in guide.categories]}
    groups = {}
    for group in guide.tag_groups:
        value = {"enum": [value.id for value in group.values]}
        groups[group.id] = {
            "description": f"{group.label}: one value, or a list of them.",
            "anyOf": [value, {"type": "array", "items": value, "uniqueItems": True}],
        }
    question["properties"]["tags"] = question["properties"]["tags"] | {
        "properties": groups,
        "additionalProperties": False,
    }
    return _document(
        "Question bank",
        "The questions visitors pick from, their categories and the tag groups that sort them.",
        {
            "tags": _list(_model(schema.TagGroup), "The tag groups: closed lists of values questions carry."),
            "categories": _list(_model(schema.Category), "The categories, in the order of their pages."),
            "questions": _list(question, "Every question, in the order the pages show them."),
        },
    )


def script_schema() -> dict[str, Any]:
    """The front matter of an outreach script (email_templates/*.txt)."""
    front = _model(schema.ScriptFrontMatter)
    # schema.Budget's rule, exactly one of the two, written the way JSON Schema says it.
    front["properties"]["budget"]["oneOf"] = [{"required": ["words"]}, {"required": ["characters"]}]
    return {"$schema": DIALECT, "title": "Outreach script", **front}


def visitors_schema() -> dict[str, Any]:
    """visitors.yaml: the details visitors give, and the kinds of visitor."""
    field = _model(schema.Field)
    return _document(
        "Kinds of visitor",
        "Who visitors can be, and how each introduces themselves in the outreach scripts.",
        {
            "fields": _list(
                field, "The details the introductions ask for, each declared once.", required=False
            ),
            "visitors": _list(_model(schema.VisitorKind), "The kinds, in the order the studio offers them."),
        },
    )


def write_schemas(project: Project, guide: Guide) -> list[Path]:
    """Write the schemas that changed into the project's schemas/ folder; the paths written."""
    folder = project.root / SCHEMAS_DIR
    written = []
    for name, document in schemas(guide).items():
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        target = folder / name
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            folder.mkdir(exist_ok=True)
            target.write_text(text, encoding="utf-8")
            written.append(target)
    return written


def _model(model: type[schema.Entry]) -> dict[str, Any]:
    """A model's schema with its nested models inlined, so that each file stands alone."""
    made = model.model_json_schema()
    definitions = made.pop("$defs", {})
    inlined: dict[str, Any] = _inline(made, definitions)
    return inlined


def _inline(node: Any, definitions: dict[str, Any]) -> Any:
    """`node` with every `$ref` to a definition replaced by the definition itself."""
    if isinstance(node, dict):
        reference = node.get("$ref", "")
        if reference.startswith("#/$defs/"):
            rest = {key: value for key, value in node.items() if key != "$ref"}
            return _inline(definitions[reference.removeprefix("#/$defs/")], definitions) | rest
        return {key: _inline(value, definitions) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(item, definitions) for item in node]
    return node


def _list(items: dict[str, Any], description: str, required: bool = True) -> dict[str, Any]:
    """A top-level list of entries."""
    return {"description": description, "type": "array", "items": items, "minItems": 1 if required else 0}


def _document(title: str, description: str, properties: dict[str, Any]) -> dict[str, Any]:
    """A whole data file: a mapping of these lists and nothing else."""
    return {
        "$schema": DIALECT,
        "title": title,
        "description": description,
        "type": "object",
        "properties": properties,
        "required": [key for key, value in properties.items() if value["minItems"]],
        "additionalProperties": False,
    }
