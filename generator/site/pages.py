"""Turn the Guide into Markdown pages: the question bank and the outreach scripts."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import get_args

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    UndefinedError,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup, escape

from ..bank import english_words, words_of
from ..model import Channel, Field, Guide, Moment, Part, Question, Script, Visitor, Visitors, Words
from .selection import recommended_first_questions

# The channels and the moments of the journey, in order; each one's label is the word
# `label.channel.<id>` or `label.moment.<id>` (generator/words.en.yaml).
CHANNELS: tuple[str, ...] = get_args(Channel)
MOMENTS: tuple[str, ...] = get_args(Moment)
# Above this many questions the lists are marked long, and browsers lay out only the questions in
# view (guide.css): the bank page of 10,000 questions is ready in 2.4 s instead of 13 s.
LONG_BANK = 500
TEMPLATES = Path(__file__).resolve().parent / "templates"
QUESTION_LIST = "_question_list.html.j2"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|~])")
# A title that YAML front matter can hold as it is: words, spaces, apostrophes and hyphens
_PLAIN_TITLE = re.compile(r"[^\W_][\w '’-]*")


def question_page(category_id: str) -> str:
    """The docs-relative source path of a category's page."""
    return f"questions/{category_id}.md"


def script_page(script_id: str) -> str:
    """The docs-relative source path of a script's page."""
    return f"scripts/{script_id}.md"


QUESTIONS_INDEX = "questions/index.md"
SCRIPTS_INDEX = "scripts/index.md"
PREP_SHEET = "prep-sheet.md"


def site_url(src_path: str, directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives a Markdown source path."""
    stem = src_path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def render_pages(guide: Guide) -> dict[str, str]:
    """Every generated page, keyed by its docs-relative source path."""
    long_bank = len(guide.questions) > LONG_BANK
    question_lists = {  # each category's list is on the bank page and on its own: rendered once for both
        category.id: Markup(_render(QUESTION_LIST, guide=guide, category=category, long=long_bank).rstrip())
        for category in guide.categories
    }
    pages = {
        QUESTIONS_INDEX: _render("questions_index.md.j2", guide=guide, question_lists=question_lists),
        SCRIPTS_INDEX: _render("scripts_index.md.j2", guide=guide, groups=_by_moment(guide)),
        PREP_SHEET: _render("prep_sheet.md.j2", guide=guide, recommended=recommended_first_questions(guide)),
    }
    for category in guide.categories:
        pages[question_page(category.id)] = _render(
            "question_category.md.j2", guide=guide, category=category, question_lists=question_lists
        )
    words = words_of(guide)
    for script in guide.scripts:
        pages[script_page(script.id)] = _render("script.md.j2", guide=guide, script=script, words=words)
    return pages


def markdown_text(text: str) -> Markup:
    """Text made safe for Markdown: HTML-escaped, Markdown punctuation backslash-escaped."""
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(" ".join(text.split())))))


def filled_html(
    parts: Iterable[Part],
    script: Script,
    visitors: Visitors | None = None,
    inline: bool = False,
    words: Words | None = None,
) -> Markup:
    """A script's text as HTML (paragraphs unless inline), each field shown as its marked example.

    A phrase of who the visitor is reads as the first kind of visitor's, marked as a whole.
    `words` titles the optional words (the generator's English without it).
    """
    visitors = visitors or Visitors()
    fields = {field.id: field for field in (*visitors.fields, *script.meta.fields)}
    pieces: list[str] = []
    for part in parts:
        if part.phrase is not None and visitors.default is not None:
            inner = _marked(visitors.default.phrase(part.phrase), fields, words)
            pieces.append(
                f'<span class="guide-script__you" data-phrase="{escape(part.phrase)}">{inner}</span>'
            )
        else:
            pieces.append(_marked((part,), fields, words))
    if inline:
        return Markup(" ".join("".join(pieces).split("\n")))
    paragraphs = re.split(r"\n\s*\n", "".join(pieces).strip())
    return Markup("\n".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs if p))


def _marked(parts: Iterable[Part], fields: dict[str, Field], words: Words | None = None) -> str:
    """Text escaped, and each field as its example in a <mark> titled with its label."""
    pieces: list[str] = []
    for part in parts:
        if part.field is None:
            pieces.append(str(escape(part.text)))
            continue
        field = fields[part.field]
        if field.optional:  # words to keep or leave out, not a blank to fill
            title = word_markup(words, "page.script.optionalTitle", label=field.label)
            pieces.append(
                f'<span class="guide-script__optional" data-field="{escape(field.id)}" '
                f'title="{title}">[{escape(field.example)}]</span>'
            )
            continue
        example = str(escape(field.example)).replace("\n", "<br>")
        pieces.append(
            f'<mark class="guide-field" data-field="{escape(field.id)}" '
            f'title="{escape(field.label)}">{example}</mark>'
        )
    return "".join(pieces)


def visitor_variants(
    script: Script, visitors: Visitors, words: Words | None = None
) -> list[tuple[Visitor, Markup, list[Field]]]:
    """For a script that introduces the visitor: each kind, its phrase as marked HTML, and its fields."""
    used = [part.phrase for part in (*script.subject_parts, *script.body_parts) if part.phrase is not None]
    if not used:
        return []
    fields = {field.id: field for field in visitors.fields}
    return [
        (kind, Markup(_marked(kind.phrase(used[0]), fields, words)), visitors.fields_of(kind))
        for kind in visitors.kinds
    ]


def front_matter_title(title: str) -> Markup:
    """A page title for YAML front matter, escaped so the theme shows it as text everywhere."""
    return Markup(json.dumps(str(escape(" ".join(title.split()))), ensure_ascii=False))


def front_matter_words(text: str) -> Markup:
    """A page title of the generator's own words for YAML front matter: as it is when YAML reads it so."""
    plain = " ".join(str(text).split())
    return Markup(escape(plain)) if _PLAIN_TITLE.fullmatch(plain) else front_matter_title(plain)


def heading_anchor(anchor_id: str) -> Markup:
    """An attr_list anchor such as '{#career-path}' for a Markdown heading."""
    return Markup("{#") + escape(anchor_id) + Markup("}")


def _by_moment(guide: Guide) -> list[tuple[str, list[Script]]]:
    """The scripts grouped by their moment in the journey, in journey order, each group with its label."""
    groups: dict[str, list[Script]] = {moment: [] for moment in MOMENTS}
    for script in guide.scripts:
        groups[script.meta.moment].append(script)
    words = words_of(guide)
    return [(words(f"label.moment.{moment}"), items) for moment, items in groups.items() if items]


def _tag_list(guide: Guide, question: Question) -> list[tuple[str, list[str]]]:
    """A question's tags as (group label, value labels), in vocabulary order."""
    result = []
    for group in guide.tag_groups:
        chosen = question.tags.get(group.id, [])
        labels = [value.label for value in group.values if value.id in chosen]
        if labels:
            result.append((group.label, labels))
    return result


def _data_tags(question: Question) -> str:
    """A question's tags as 'group:value' words for data attributes."""
    return " ".join(f"{group}:{value}" for group, values in question.tags.items() for value in values)


def word_markup(words: Words | None, message_id: str, /, **params: object) -> Markup:
    """One of the generator's words as HTML or Markdown: its text as written, its text parameters escaped.

    A word the language lacks is a template error (UndefinedError) naming it and the language.
    """
    words = words or english_words()
    escaped = {name: escape(value) if isinstance(value, str) else value for name, value in params.items()}
    try:
        return Markup(words(message_id, **escaped))
    except KeyError:
        raise UndefinedError(f"no word '{message_id}' in the '{words.language}' words") from None


@pass_context
def _t(context: Context, message_id: str, /, **params: object) -> Markup:
    """`t("id", name=value)` in a template: the word in the language of the guide being rendered."""
    return word_markup(words_of(context["guide"]), message_id, **params)


@cache
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        bytecode_cache=FileSystemBytecodeCache(),  # compiled once per template text, kept in a temp folder
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    env.filters["title"] = front_matter_title
    env.filters["words_title"] = front_matter_words
    env.filters["filled"] = filled_html
    env.globals.update(
        question_page=question_page,
        anchor=heading_anchor,
        script_page=script_page,
        tag_list=_tag_list,
        data_tags=_data_tags,
        visitor_variants=visitor_variants,
        t=_t,
    )
    return env


def _render(template: str, **context: object) -> str:
    return _environment().get_template(template).render(**context)
