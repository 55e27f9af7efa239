"""Translated entries keyed by the English ids, each with a fingerprint of the English it was made from.

A French file holds, under each section, one mapping per English id: the translated keys, and `en:`,
the fingerprint of the English the translation was made from. Like gettext's fuzzy mark, a fingerprint
that no longer matches says the English changed since; unlike it, the check says where, and what to
write once the French is brought up to date.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem, describe, known
from .source import Loc, YamlDocument

FINGERPRINT_KEY = "en"
_FIELD = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")
_PARAMETER = re.compile(r"\{(\w+)\}")


def fingerprint(english: object) -> str:
    """Eight hex digits that change whenever the English of an entry changes."""
    text = json.dumps(english, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def jinja_names(text: str) -> set[str]:
    """The `{{ name }}` placeholders a text uses."""
    return set(_FIELD.findall(text))


def message_names(message: object) -> set[str]:
    """The `{name}` parameters of an interface message, in all its plural forms."""
    forms = message.values() if isinstance(message, Mapping) else [message]
    return {name for form in forms if isinstance(form, str) for name in _PARAMETER.findall(form)}


def _plural_forms(english: object, value: object) -> bool:
    """Whether both are plural forms of a message, whose `count` every form may show or leave out."""
    return isinstance(english, Mapping) and isinstance(value, Mapping) and "other" in english


@dataclass(frozen=True)
class Stamp:
    """Where the fingerprint of a translated entry that has none goes: a line `en: ...` in its file."""

    path: str
    line: int
    """The 1-based line the new line goes before."""
    indent: int
    fingerprint: str
    front_matter: bool = False
    """Whether the file has no front matter yet, so the line goes between two new '---' lines."""


@dataclass
class Findings:
    """What a translation check found: errors stop every build, warnings only a strict one."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    stamps: list[Stamp] = field(default_factory=list)


@dataclass(frozen=True)
class Section:
    """One section of a translation file: its English entries, and what each may translate."""

    loc: Loc
    noun: str
    english: Mapping[str, Mapping[str, Any]]
    keys: tuple[str, ...]
    ignored: tuple[str, ...] = ()
    """Keys an entry may have that are checked elsewhere (a script's own budget)."""
    names: Callable[[str], set[str]] = jinja_names
    """The placeholders of a text, which the French must keep: `{{ field }}`, or `{name}` in messages."""


def check_section(doc: YamlDocument, section: Section, findings: Findings) -> dict[str, dict[str, Any]]:
    """The section's usable French entries by id; each missing, stale, unknown or malformed one reported."""
    data = _at(doc.data, section.loc)
    where = section.loc if data is not None else ()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        findings.errors.append(
            doc.problem(section.loc, f"'{section.loc[-1]}' must be a mapping of ids, not {describe(data)}")
        )
        return {}
    usable: dict[str, dict[str, Any]] = {}
    for ident, entry in data.items():
        label = f"{section.noun} '{ident}'"
        loc = (*section.loc, ident)
        if ident not in section.english:
            message = (
                f"{label} has no English entry {known(section.english, str(ident))}; remove it or fix the id"
            )
            findings.errors.append(doc.problem(loc, message, key=True))
            continue
        if not isinstance(entry, dict):
            findings.errors.append(
                doc.problem(loc, f"{label} must be a mapping of keys, not {describe(entry)}")
            )
            continue
        if check_entry(doc, loc, label, entry, section, section.english[ident], findings):
            usable[ident] = entry
    for ident, english in section.english.items():
        if ident not in data:
            print_at = f"; add it under '{section.loc[-1]}'" if section.loc else ""
            message = f"{section.noun} '{ident}' has no French yet{print_at}, with en: {fingerprint(english)}"
            findings.warnings.append(doc.problem(where, message, key=bool(where)))
    return usable


def check_fingerprint(
    doc: YamlDocument, loc: Loc, label: str, given: object, english: object, findings: Findings
) -> None:
    """Warn when an entry has no fingerprint, or one of English that has changed since."""
    now = fingerprint(english)
    if given is None:
        message = (
            f"{label}: no '{FINGERPRINT_KEY}:' fingerprint; once this matches the English, add en: {now}"
        )
        findings.warnings.append(doc.problem(loc, message, key=bool(loc)))
        if loc:  # a block mapping under its key: the new line is its first, indented one step more
            where = doc.where(loc, key=True)
            findings.stamps.append(Stamp(doc.path, where.line + 1, where.col + 1, now))
        else:  # the file's own front matter: the new line goes first in it
            where = doc.where(())
            findings.stamps.append(Stamp(doc.path, where.line, where.col - 1, now))
    elif str(given) != now:
        message = (
            f"{label}: the English has changed since this was translated (en: {given}, now {now}); "
            f"update the French, then set en: {now}"
        )
        findings.warnings.append(doc.problem((*loc, FINGERPRINT_KEY), message))


def check_entry(
    doc: YamlDocument,
    loc: Loc,
    label: str,
    entry: dict[str, Any],
    section: Section,
    english: Mapping[str, Any],
    findings: Findings,
) -> bool:
    """Check one entry's keys and values against the English (`section.keys` of it) and its fingerprint."""
    before = len(findings.errors)
    for key in entry:
        if key != FINGERPRINT_KEY and key not in section.keys and key not in section.ignored:
            hint = known((*section.keys, FINGERPRINT_KEY), str(key))
            findings.errors.append(doc.problem((*loc, key), f"{label}: unknown key '{key}' {hint}", key=True))
    for key in section.keys:
        english_value, value = english.get(key), entry.get(key)
        if english_value in (None, "", [], {}):
            if value not in (None, "", [], {}):
                message = f"{label}: the English has no '{key}', so the French cannot have one"
                findings.errors.append(doc.problem((*loc, key), message, key=True))
            continue
        if value is None:
            findings.errors.append(doc.problem(loc, f"{label}: missing '{key}' (the English has one)"))
            continue
        _same_shape(doc, (*loc, key), f"{label}: '{key}'", english_value, value, section.names, findings)
    if len(findings.errors) > before:
        return False
    check_fingerprint(doc, loc, label, entry.get(FINGERPRINT_KEY), english, findings)
    return True


def _same_shape(
    doc: YamlDocument,
    loc: Loc,
    label: str,
    english: Any,
    value: Any,
    names: Callable[[str], set[str]],
    findings: Findings,
) -> None:
    """A translated value has the English's form: text for text, as many items, the same ids and fields."""
    if names is message_names and _plural_forms(english, value):
        given, allowed = message_names(value) - {"count"}, message_names(english) - {"count"}
        if given != allowed:
            mine, theirs = _names(given) or "none", _names(allowed) or "none"
            message = f"{label} has the parameters {mine}; the English has {theirs}"
            findings.errors.append(doc.problem(loc, message))
        names = _no_names
    if isinstance(english, str):
        if not isinstance(value, str) or not value.strip():
            findings.errors.append(doc.problem(loc, f"{label} must be text, not {describe(value)}"))
            return
        missing, extra = names(english) - names(value), names(value) - names(english)
        if extra:
            allowed_names = _names(names(english)) or "none"
            message = f"{label} uses {_names(extra)}, which the English does not; use only {allowed_names}"
            findings.errors.append(doc.problem(loc, message))
        elif missing:
            findings.errors.append(
                doc.problem(loc, f"{label} leaves out {_names(missing)}, which the English uses")
            )
        return
    if isinstance(english, list):
        if not isinstance(value, list) or len(value) != len(english):
            message = f"{label} must be a list of {len(english)} like the English, not {describe(value)}"
            findings.errors.append(doc.problem(loc, message))
            return
        for index, (one, other) in enumerate(zip(english, value, strict=True)):
            _same_shape(doc, (*loc, index), f"{label} {index + 1}", one, other, names, findings)
        return
    if isinstance(english, Mapping):
        if not isinstance(value, dict):
            findings.errors.append(doc.problem(loc, f"{label} must be a mapping, not {describe(value)}"))
            return
        for key in value:
            if key not in english:
                message = f"{label}: unknown '{key}' {known(english, str(key))}"
                findings.errors.append(doc.problem((*loc, key), message, key=True))
        for key, one in english.items():
            if key not in value:
                findings.errors.append(doc.problem(loc, f"{label}: missing '{key}'"))
            else:
                _same_shape(doc, (*loc, key), f"{label}.{key}", one, value[key], names, findings)


def _no_names(text: str) -> set[str]:
    return set()


def _names(names: set[str]) -> str:
    return ", ".join(f"'{name}'" for name in sorted(names))


def _at(data: Any, loc: Loc) -> Any:
    for part in loc:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data
