"""Turn the Guide into the JSON files the browser tools read."""

from __future__ import annotations

import json
from typing import Any

from msgspec import to_builtins
from msgspec.structs import asdict

from ..bank import count, fill
from ..model import ChecklistItem, Guide, Part, Script, Visitors
from .pages import LONG_BANK, question_page, script_page, site_url
from .selection import PURPOSE_GROUP, RECOMMENDED_COUNT, purposes, recommended_first_questions

DATA_VERSION = 1
QUESTIONS_JSON = "questions.json"
SCRIPTS_JSON = "scripts.json"
CHECKLISTS_JSON = "checklists.json"


def render_data(guide: Guide, directory_urls: bool = True) -> dict[str, str]:
    """Every generated JSON file, keyed by its site-relative path."""
    return {
        QUESTIONS_JSON: _dump(questions_data(guide, directory_urls)),
        SCRIPTS_JSON: _dump(scripts_data(guide, directory_urls)),
        CHECKLISTS_JSON: _dump(checklists_data(guide, directory_urls)),
    }


def checklists_data(guide: Guide, directory_urls: bool = True) -> dict[str, Any]:
    """The checklists of the prose pages: each item's id, Markdown text and step."""
    return {
        "version": DATA_VERSION,
        "checklists": [
            {
                "id": checklist.id,
                "title": checklist.title,
                "url": site_url(checklist.page, directory_urls)
                + (f"#{checklist.id}" if checklist.id else ""),
                "items": [_checklist_item(item, directory_urls) for item in checklist.items],
            }
            for checklist in guide.checklists
        ],
    }


def questions_data(guide: Guide, directory_urls: bool = True) -> dict[str, Any]:
    """The question bank as plain data: vocabularies, categories and questions."""
    return {
        "version": DATA_VERSION,
        # Declared here once for the picker too: when lists count as long, and which tags are purposes.
        "long_bank": LONG_BANK,
        "purpose_group": PURPOSE_GROUP,
        "tag_groups": [to_builtins(group) for group in guide.tag_groups],  # its values as dicts too
        "categories": [
            {
                **asdict(category),
                "url": site_url(question_page(category.id), directory_urls),
                "question_ids": [question.id for question in guide.questions_in(category.id)],
            }
            for category in guide.categories
        ],
        "questions": [
            {
                **asdict(question),  # its fields in order, as they are: every one is plain data
                "url": site_url(question_page(question.category), directory_urls) + "#" + question.id,
            }
            for question in guide.questions
        ],
        "recommended": recommended_data(guide),
    }


def recommended_data(guide: Guide) -> dict[str, Any]:
    """The recommended first questions for any purpose and for each purpose, as question ids."""
    sets = []
    for purpose in [None, *purposes(guide)]:
        chosen = recommended_first_questions(guide, purpose=purpose)
        sets.append({"purpose": purpose, "question_ids": [question.id for question in chosen]})
    return {"count": RECOMMENDED_COUNT, "sets": sets}


def scripts_data(guide: Guide, directory_urls: bool = True) -> dict[str, Any]:
    """The outreach scripts as plain data: fields, budget, and text split into parts."""
    return {
        "version": DATA_VERSION,
        "scripts": [_script(script, guide.visitors, directory_urls) for script in guide.scripts],
        "visitors": _visitors(guide.visitors),
    }


def _visitors(visitors: Visitors) -> dict[str, Any]:
    """Who visitors can be: the details the introductions ask for, and each kind's phrases as parts."""
    return {
        "fields": [asdict(field) for field in visitors.fields],
        "kinds": [
            {
                "id": kind.id,
                "label": kind.label,
                "phrases": {"introduction": _parts(kind.introduction), "short": _parts(kind.short)},
            }
            for kind in visitors.kinds
        ],
    }


def _checklist_item(item: ChecklistItem, directory_urls: bool) -> dict[str, Any]:
    """One checklist item: its id, Markdown text, step, and the URL of the step's page."""
    return {
        "id": item.id,
        "text": item.text,
        "step": item.step,
        "step_url": site_url(f"{item.step}.md", directory_urls),
    }


def _script(script: Script, visitors: Visitors, directory_urls: bool) -> dict[str, Any]:
    meta = script.meta
    examples = {**visitors.examples(), **{field.id: field.example for field in meta.fields}}
    body = fill(script.body_parts, examples, visitors.default)
    return {
        "id": meta.id,
        "title": meta.title,
        "channel": meta.channel,
        "moment": meta.moment,
        "when": meta.when,
        "url": site_url(script_page(meta.id), directory_urls),
        "fields": [asdict(field) for field in meta.fields],
        "budget": {"unit": meta.budget.unit, "limit": meta.budget.limit},
        "subject": meta.subject,
        "reply": meta.reply,
        "subject_parts": _parts(script.subject_parts),
        "body": script.body_source,
        "body_parts": _parts(script.body_parts),
        "example": {
            "subject": fill(script.subject_parts, examples, visitors.default) if meta.subject else None,
            "body": body,
            "length": count(body, meta.budget.unit),
        },
    }


def _parts(parts: tuple[Part, ...]) -> list[dict[str, str]]:
    return [
        {"field": part.field}
        if part.field
        else {"phrase": part.phrase}
        if part.phrase
        else {"text": part.text}
        for part in parts
    ]


def _dump(data: dict[str, Any]) -> str:
    """Compact JSON: smaller to download, and written by the json module's fast C encoder."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
