"""Check one YAML mapping against a model and explain each mistake in plain words."""

from __future__ import annotations

import re
import types
from typing import Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..errors import Problem, describe, known
from ..model import EMAIL_PATTERN, FIELD_ID_PATTERN, HEX_COLOUR_PATTERN, WEB_ADDRESS_PATTERN
from .source import Loc, YamlDocument

M = TypeVar("M", bound=BaseModel)

SHAPES = {
    HEX_COLOUR_PATTERN: "a colour written as # and six hexadecimal digits, such as '#283593'",
    EMAIL_PATTERN: "an email address, such as 'careers@example.ca'",
    WEB_ADDRESS_PATTERN: "a web address starting with https://",
}

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys to values",
    "model_type": "a mapping of keys to values",
    "model_attributes_type": "a mapping of keys to values",
}


def validate_entry(
    model: type[M], doc: YamlDocument, loc: Loc, label: str = ""
) -> tuple[M | None, list[Problem]]:
    """Validate the data at `loc` as `model`; on failure, one problem per mistake."""
    data = _data_at(doc.data, loc)
    try:
        return model.model_validate(data), []
    except ValidationError as err:
        prefix = f"{label}: " if label else ""
        problems = [_problem(model, doc, loc, detail, prefix) for detail in err.errors(include_url=False)]
        return None, problems


def slugify(text: str, separator: str = "-") -> str:
    """A suggested id made from any text."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return separator.join(words) or "my-id"


def _data_at(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data


def _problem(
    model: type[BaseModel], doc: YamlDocument, base: Loc, detail: ErrorDetails, prefix: str
) -> Problem:
    """Turn one pydantic error into a located, friendly problem."""
    rel: Loc = tuple(part for part in detail["loc"] if not isinstance(part, str) or part != "")
    loc = (*base, *rel)
    kind = detail["type"]
    value = detail.get("input")
    name = _name(rel)
    if kind == "missing":
        return doc.problem(loc[:-1], f"{prefix}missing required key '{rel[-1]}'")
    if kind == "extra_forbidden":
        owner = _model_at(model, rel[:-1])
        allowed = list(owner.model_fields) if owner else []
        message = f"{prefix}unknown key '{rel[-1]}' {known(allowed, str(rel[-1]))}"
        return doc.problem(loc, message, key=True)
    if kind in _EXPECTED:
        message = f"{prefix}{name} must be {_EXPECTED[kind]}, not {describe(value)}"
    elif kind == "string_too_short":
        message = f"{prefix}{name} must not be empty"
    elif kind == "string_pattern_mismatch":
        message = f"{prefix}{_pattern_message(name, str(value), detail)}"
    elif kind == "literal_error":
        expected = detail.get("ctx", {}).get("expected", "")
        message = f"{prefix}{name} must be one of {expected}, not {describe(value)}"
    else:
        message = f"{prefix}{name}: {detail['msg']}"
    return doc.problem(loc, message)


def _pattern_message(name: str, value: str, detail: ErrorDetails) -> str:
    """Say what shape a value must have, with an example close to what was written."""
    pattern = detail.get("ctx", {}).get("pattern")
    if pattern == FIELD_ID_PATTERN:
        rule = "lowercase letters, digits and underscores, starting with a letter"
        return f"{name} must use {rule}, not '{value}' (for example '{slugify(value, '_')}')"
    if pattern in SHAPES:
        return f"{name} must be {SHAPES[pattern]}, not '{value}'"
    rule = "lowercase letters, digits and single hyphens"
    return f"{name} must use {rule}, not '{value}' (for example '{slugify(value)}')"


def _name(rel: Loc) -> str:
    """How to call the value at `rel` in a message: 'text', or 'follow_ups' entry 2."""
    words = [str(part) for part in rel if isinstance(part, str)]
    key = f"'{words[-1]}'" if words else "this entry"
    if rel and isinstance(rel[-1], int):
        return f"{key} entry {rel[-1] + 1}"
    return key


def _model_at(model: type[BaseModel], rel: Loc) -> type[BaseModel] | None:
    """The model class that owns the mapping at `rel`, found through the annotations."""
    current: Any = model
    for part in rel:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel) and isinstance(part, str):
            field = current.model_fields.get(part)
            current = field.annotation if field else None
        elif get_origin(current) in (list, dict):
            current = get_args(current)[-1]
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """Strip Optional[...] and Annotated[...] down to the interesting type."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        choices = [arg for arg in get_args(annotation) if arg is not type(None)]
        return _unwrap(choices[0]) if len(choices) == 1 else annotation
    if hasattr(annotation, "__metadata__"):
        return _unwrap(get_args(annotation)[0])
    return annotation
