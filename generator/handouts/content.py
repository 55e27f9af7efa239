"""The model data each handout prints, as plain values: the template's context and the cache's input."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..bank import words_of
from ..model import Field, Guide, Part, Question, Script, Visitors, Words
from ..site import CHANNELS, MOMENTS, recommended_first_questions
from .settings import PrintSettings

OWN_QUESTION_COUNT = 5
TRACKER_ROWS = 12
# The contact tracker's statuses, in order; each one's label is the word `handout.tracker.status.<id>`.
STATUSES = ("to-contact", "contacted", "followed-up", "meeting-set", "met", "thanked", "keeping-in-touch")
IN_PERSON = "in-person"
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|\*|`)(?=\S)(.+?)(?<=\S)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~>])")
_BLANK_LINES = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Column:
    """One column of the contact tracker; its label is the word `handout.tracker.column.<id>`.

    A column in a group (such as the dates) is headed by the word `handout.tracker.group.<group>` too.
    """

    id: str
    width: float
    kind: str = "text"
    group: str = ""


TRACKER_COLUMNS = (
    Column("name", 9),
    Column("role", 8.5),
    Column("organization", 9),
    Column("found", 9.5),
    Column("channel", 7, "choice"),
    Column("status", 8, "choice"),
    Column("contacted", 6, group="dates"),
    Column("meeting", 6, group="dates"),
    Column("thanked", 6, group="dates"),
    Column("follow_up", 6, group="dates"),
    Column("permission", 4.5, "check"),
    Column("notes", 20.5),
)


def common(guide: Guide, settings: PrintSettings, name: str, title: str, description: str) -> dict[str, Any]:
    """What every handout prints: who publishes it, where the site is, and the paper."""
    institution = guide.institution
    words = words_of(guide)
    return {
        "name": name,
        "title": title,
        "description": description,
        "lang": language_tag(guide.language, settings.language),
        # The generator's words the templates print (`t("id")`), in the guide's language.
        "words": {"language": words.language, "messages": _plain_messages(words)},
        "paper": settings.paper,
        "site": {"name": settings.site_name, "url": settings.site_url},
        "institution": {**institution.placeholders(), "logo": institution.logo},
        "colour": institution.colours.primary or "",
    }


def language_tag(language: str, site_language: str) -> str:
    """The handouts' language tag: the site's (such as 'en-CA') if it is the guide's language."""
    return site_language if site_language.split("-")[0].lower() == language.lower() else language


def _plain_messages(words: Words) -> dict[str, Any]:
    """The words as plain JSON-able data, for the template context and its cache key."""
    return {key: value if isinstance(value, str) else dict(value) for key, value in words.messages.items()}


def prep_sheet(guide: Guide) -> dict[str, Any]:
    """The prep sheet: ten recommended first questions and room for the student's own."""
    return {
        "questions": [_question(guide, q) for q in recommended_first_questions(guide)],
        "own_questions": OWN_QUESTION_COUNT,
    }


def checklists(guide: Guide, step_titles: dict[str, str]) -> dict[str, Any]:
    """The checklists, each item with its id (the field name), plain text and step."""
    return {
        "checklists": [
            {
                "id": checklist.id,
                "title": checklist.title,
                "items": [
                    {
                        "id": item.id,
                        "text": plain_text(item.text),
                        "step": step_titles.get(item.step, item.step.replace("-", " ").capitalize()),
                    }
                    for item in checklist.items
                ],
            }
            for checklist in guide.checklists
        ]
    }


def contact_tracker(guide: Guide) -> dict[str, Any]:
    """The tracker's columns (labels, and the choices of the channel and status) and number of rows."""
    words = words_of(guide)
    options = {
        "channel": tuple(words(f"label.channel.{channel}") for channel in (*CHANNELS, IN_PERSON)),
        "status": tuple(words(f"handout.tracker.status.{status}") for status in STATUSES),
    }
    columns = [
        {
            "id": column.id,
            "label": words(f"handout.tracker.column.{column.id}"),
            "width": column.width,
            "kind": column.kind,
            "group": words(f"handout.tracker.group.{column.group}") if column.group else "",
            "options": options.get(column.id, ()),
        }
        for column in TRACKER_COLUMNS
    ]
    return {"columns": columns, "rows": TRACKER_ROWS}


def question_bank(guide: Guide) -> dict[str, Any]:
    """Every question, by category in bank order."""
    return {
        "categories": [
            {
                "id": category.id,
                "title": category.title,
                "description": category.description,
                "questions": [_question(guide, q) for q in guide.questions_in(category.id)],
            }
            for category in guide.categories
        ],
        "question_count": len(guide.questions),
    }


def outreach_scripts(guide: Guide) -> dict[str, Any]:
    """Every script, grouped by its moment in the journey, its text split into lines of pieces."""
    words = words_of(guide)
    groups: dict[str, list[dict[str, Any]]] = {moment: [] for moment in MOMENTS}
    for script in guide.scripts:
        groups[script.meta.moment].append(_script(script, guide.visitors, words))
    introduces = any(part.phrase for script in guide.scripts for part in script.body_parts)
    return {
        "groups": [
            {"id": moment, "title": words(f"label.moment.{moment}"), "scripts": scripts}
            for moment, scripts in groups.items()
            if scripts
        ],
        "introductions": _introductions(guide.visitors) if introduces else [],
    }


def _introductions(visitors: Visitors) -> list[dict[str, str]]:
    """Each kind of visitor and its introduction, every detail shown as its label in brackets."""
    labels = {field.id: field.label.lower() for field in visitors.fields}
    return [
        {
            "label": kind.label,
            "text": "".join(
                part.text if part.field is None else f"[{labels[part.field]}]" for part in kind.introduction
            ),
        }
        for kind in visitors.kinds
    ]


def _phrase_fields(visitors: Visitors, words: Words) -> dict[str, Field]:
    """A blank for each phrase of who the visitor is, by the key `_lines` gives it."""
    kind = visitors.default
    if kind is None:
        return {}
    examples = visitors.examples()
    return {
        f"you-{name}": Field(
            id=f"you-{name}",
            label=words("handout.scripts.youBlank"),
            example="".join(
                part.text if part.field is None else examples[part.field] for part in kind.phrase(name)
            ),
        )
        for name in ("introduction", "short")
    }


def plain_text(markdown: str) -> str:
    """Inline Markdown reduced to its words: links to their text, no emphasis marks or escapes."""
    text = _LINK.sub(r"\1", markdown)
    text = _EMPHASIS.sub(r"\2", text)
    return " ".join(_ESCAPE.sub(r"\1", text).split())


def _question(guide: Guide, question: Question) -> dict[str, Any]:
    """What a handout prints of one question."""
    category = next((c.title for c in guide.categories if c.id == question.category), question.category)
    return {
        "id": question.id,
        "text": question.text,
        "why": question.why,
        "starter": question.starter,
        "seed": question.source == "seed",
        "category": category,
    }


def _script(script: Script, visitors: Visitors, words: Words) -> dict[str, Any]:
    """What a handout prints of one script: facts, subject and paragraphs, blanks named uniquely."""
    meta = script.meta
    fields: dict[str, Any] = {**_phrase_fields(visitors, words), **{field.id: field for field in meta.fields}}
    seen: dict[str, int] = {}
    return {
        "id": meta.id,
        "title": meta.title,
        "channel": words(f"label.channel.{meta.channel}"),
        "when": meta.when,
        "budget": words(f"label.budget.{meta.budget.unit}", count=meta.budget.limit),
        "subject": _lines(script.subject_parts, script.id, fields, seen)[0] if script.subject_parts else None,
        "reply": meta.reply,
        "paragraphs": [
            _lines(paragraph, script.id, fields, seen) for paragraph in _paragraphs(script.body_parts)
        ],
    }


def _paragraphs(parts: Iterable[Part]) -> list[list[Part]]:
    """A script body split at blank lines into paragraphs of parts."""
    paragraphs: list[list[Part]] = [[]]
    for part in parts:
        if part.field is not None or part.phrase is not None:
            paragraphs[-1].append(part)
            continue
        chunks = _BLANK_LINES.split(part.text)
        for index, chunk in enumerate(chunks):
            if index:
                paragraphs.append([])
            if chunk:
                paragraphs[-1].append(Part(text=chunk))
    return [p for p in (_strip(paragraph) for paragraph in paragraphs) if p]


def _strip(parts: list[Part]) -> list[Part]:
    """A paragraph without the line breaks and spaces at its two ends."""
    if parts and parts[0].field is None and parts[0].phrase is None:
        parts[0] = Part(text=parts[0].text.lstrip())
    if parts and parts[-1].field is None and parts[-1].phrase is None:
        parts[-1] = Part(text=parts[-1].text.rstrip())
    return [part for part in parts if part.field is not None or part.phrase is not None or part.text]


def _lines(
    parts: Iterable[Part], script_id: str, fields: dict[str, Any], seen: dict[str, int]
) -> list[list[dict[str, str]]]:
    """A paragraph as lines of pieces: text, or a blank with a unique form-field name and its label."""
    lines: list[list[dict[str, str]]] = [[]]
    for part in parts:
        if part.field is None and part.phrase is None:
            for index, text in enumerate(part.text.split("\n")):
                if index:
                    lines.append([])
                if text:
                    lines[-1].append({"text": text})
            continue
        key = part.field if part.field is not None else f"you-{part.phrase}"
        if fields[key].optional:  # words to keep or cross out, not a blank
            lines[-1].append({"text": f"[{fields[key].example}]"})
            continue
        seen[key] = seen.get(key, 0) + 1
        count = seen[key]
        name = f"{script_id}-{key}" + (f"-{count}" if count > 1 else "")
        field = fields[key]
        lines[-1].append(
            {
                "field": key,
                "name": name,
                "label": field.label,
                "example": field.example,
                "width": "" if field.multiline else f"{_blank_width(field.label, field.example)}em",
            }
        )
    return lines


def _blank_width(label: str, example: str) -> float:
    """How wide a blank must be, in ems of the text, for an answer like the example and its label below."""
    return round(min(max(len(example) * 0.5, len(label) * 0.42, 6.0), 36.0), 1)
