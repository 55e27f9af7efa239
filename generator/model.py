"""The guide's data model: what every output reads, as frozen msgspec structs.

What advisors write is checked against `bank/schema.py` (pydantic, with the rules and their
messages), field for field the same classes, and then turned into these: a build whose inputs are
unchanged reads them back from the guide cache without loading pydantic. The classes that mirror
the schema take keywords only, so that their fields keep its order.

Structs rather than dataclasses because every build imports this module, and a warm build calls none
of the methods a frozen dataclass writes and compiles for itself as it is defined (six a class):
msgspec makes its classes in C, in well under half the time (benchmarks/README.md). They compare,
hash, print and pickle as dataclasses do; `msgspec.structs` has `replace`, `asdict` and `fields`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

from msgspec import Struct, field

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
FIELD_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
HEX_COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
WEB_ADDRESS_PATTERN = r"^https?://\S+$"
# A checklist item's id and step at the end of its line, `{#send-thanks step=follow-up}`: read by the
# bank's checklist scan and by the Markdown extension, which plain MkDocs imports without the bank.
CHECKLIST_ITEM_SUFFIX = r"\s*\{#(?P<id>[^\s}]*)(?:\s+step=(?P<step>[^\s}]*))?\s*\}\s*$"
# The languages a guide can be published in: English, and the translations beside it (`fr`), each with
# its pages in a docs folder of its own name and its data in files named `<name>.fr.yaml`.
LANGUAGES = ("en", "fr")
TRANSLATIONS = LANGUAGES[1:]
Channel = Literal["email", "linkedin", "phone", "voicemail", "letter"]
Moment = Literal["first-contact", "scheduling", "after-meeting", "keeping-in-touch"]


# A message is its words, or its plural forms by Intl.PluralRules' names ("one", "other"), as in the
# browser tools' messages modules; `{name}` stands for a parameter.
Message = str | Mapping[str, str]
_PARAMETER = re.compile(r"\{(\w+)\}")


class Words(Struct, frozen=True):
    """The words of the generated pages and handouts in one language, by id."""

    language: str
    messages: Mapping[str, Message]

    def __call__(self, message_id: str, /, **params: object) -> str:
        """The message `message_id`, `{name}` replaced by `params[name]`; plural forms chosen by `count`."""
        message = self.messages[message_id]
        if not isinstance(message, str):
            message = message.get(plural_form(self.language, params.get("count", 0))) or message["other"]
        return _PARAMETER.sub(lambda found: str(params.get(found[1], found[0])), message)


def plural_form(language: str, count: object) -> str:
    """The CLDR plural category of a whole number, for the two languages of the guide."""
    number = (
        abs(int(count)) if isinstance(count, (int, float, str)) and str(count).lstrip("-").isdigit() else 0
    )
    if language == "fr":
        return "one" if number < 2 else "other"  # French says "0 question", as Intl.PluralRules("fr") does
    return "one" if number == 1 else "other"


class TagValue(Struct, frozen=True, kw_only=True):
    """One allowed value of a tag group, such as 'exploring'."""

    id: str
    label: str


class TagGroup(Struct, frozen=True, kw_only=True):
    """A closed vocabulary questions can be tagged with, such as 'purpose'."""

    id: str
    label: str
    description: str = ""
    values: list[TagValue]


class Category(Struct, frozen=True, kw_only=True):
    """A group of questions with its own page."""

    id: str
    title: str
    description: str


class Question(Struct, frozen=True, kw_only=True):
    """One question a student can ask."""

    id: str
    text: str
    category: str
    tags: dict[str, list[str]] = field(default_factory=dict)
    starter: bool = False
    why: str = ""
    follow_ups: list[str] = field(default_factory=list)
    source: Literal["seed"] | None = None


class Field(Struct, frozen=True, kw_only=True):
    """A blank in an outreach script that the visitor fills in, or, if optional, words they may leave out.

    An optional field's `example` is its words, which the script includes unless the visitor says no.
    """

    id: str
    label: str
    example: str
    multiline: bool = False
    optional: bool = False


class Budget(Struct, frozen=True, kw_only=True):
    """How long a filled-in script may be: a number of words or of characters (exactly one is set)."""

    words: int | None = None
    characters: int | None = None

    @property
    def unit(self) -> Literal["words", "characters"]:
        """What the budget counts."""
        return "words" if self.words is not None else "characters"

    @property
    def limit(self) -> int:
        """The largest allowed count."""
        return self.words if self.words is not None else (self.characters or 0)


class ScriptFrontMatter(Struct, frozen=True, kw_only=True):
    """The YAML at the top of an outreach script file."""

    id: str
    title: str
    channel: Channel
    moment: Moment
    when: str
    subject: str | None = None
    reply: str | None = None  # for an email sent as a reply: what it answers, such as "your first email"
    budget: Budget
    fields: list[Field] = field(default_factory=list)


class Colours(Struct, frozen=True, kw_only=True):
    """Brand colours for the light scheme; both keep AA contrast against white."""

    primary: str | None = None
    accent: str | None = None


class Institution(Struct, frozen=True, kw_only=True):
    """Who publishes the guide: shown on pages, in the footer and on the printed handouts."""

    name: str = "Career Centre"
    parent: str = ""
    email: str | None = None
    phone: str = ""
    booking_url: str | None = None
    address: str = ""
    logo: str = ""
    colours: Colours = field(default_factory=Colours)

    def placeholders(self) -> dict[str, str]:
        """The values `{{ institution.<key> }}` stands for in pages and scripts."""
        return {
            "name": self.name,
            "parent": self.parent,
            "email": self.email or "",
            "phone": self.phone,
            "booking_url": self.booking_url or "",
            "address": self.address,
        }


DEFAULT_INSTITUTION = Institution()


class Part(Struct, frozen=True):
    """A piece of a script: literal text, the id of a field to fill in, or a phrase of who the visitor is.

    A phrase part (`{{ you.introduction }}`) stands for the words the visitor's kind gives that phrase
    in visitors.yaml, such as "a third-year Environmental Science student at the University of ...".
    """

    text: str = ""
    field: str | None = None
    phrase: str | None = None


class VisitorKind(Struct, frozen=True, kw_only=True):
    """One kind of visitor as visitors.yaml lists it: who they are, and how they introduce themselves."""

    id: str
    label: str
    introduction: str
    short: str | None = None


class Visitor(Struct, frozen=True):
    """A kind of visitor, its introduction split into text and fields."""

    id: str
    label: str
    introduction: tuple[Part, ...]
    short: tuple[Part, ...]

    def phrase(self, name: str) -> tuple[Part, ...]:
        """The parts of one phrase: 'introduction', or 'short', its brief form."""
        return self.short if name == "short" else self.introduction

    @property
    def field_ids(self) -> tuple[str, ...]:
        """The fields its introduction and brief form ask for, in order, once each."""
        parts = (*self.introduction, *self.short)
        return tuple(dict.fromkeys(part.field for part in parts if part.field is not None))


class Visitors(Struct, frozen=True):
    """Who visitors can be: the first kind is the one pages show when nobody has chosen."""

    fields: tuple[Field, ...] = ()
    kinds: tuple[Visitor, ...] = ()
    path: str = ""

    @property
    def default(self) -> Visitor | None:
        """The kind a page shows first, or None when the guide lists none."""
        return self.kinds[0] if self.kinds else None

    def examples(self) -> dict[str, str]:
        """Each visitor field's example, by field id."""
        return {item.id: item.example for item in self.fields}

    def fields_of(self, kind: Visitor) -> list[Field]:
        """The fields one kind's introduction asks for, in order."""
        by_id = {item.id: item for item in self.fields}
        return [by_id[field_id] for field_id in kind.field_ids if field_id in by_id]


class Script(Struct, frozen=True):
    """An outreach script: its front matter and its body split into text and fields."""

    meta: ScriptFrontMatter
    subject_parts: tuple[Part, ...]
    body_parts: tuple[Part, ...]
    body_source: str
    path: str

    @property
    def id(self) -> str:
        """The script's stable id."""
        return self.meta.id


class ChecklistItem(Struct, frozen=True):
    """One box to tick, with a stable id and the step of the guide it belongs to."""

    id: str
    text: str
    step: str
    line: int
    col: int


class Checklist(Struct, frozen=True):
    """The task items under one heading of one page."""

    id: str
    title: str
    page: str
    items: tuple[ChecklistItem, ...]


class Guide(Struct, frozen=True):
    """Everything the outputs need: the question bank, the outreach scripts, the checklists."""

    tag_groups: tuple[TagGroup, ...]
    categories: tuple[Category, ...]
    questions: tuple[Question, ...]
    scripts: tuple[Script, ...]
    checklists: tuple[Checklist, ...] = ()
    institution: Institution = DEFAULT_INSTITUTION
    visitors: Visitors = Visitors()
    language: str = "en"
    words: Words | None = None
    """The generated pages' and handouts' own words; None for the generator's English."""

    def questions_in(self, category_id: str) -> list[Question]:
        """The questions of one category, in bank order."""
        return [question for question in self.questions if question.category == category_id]

    def tag_label(self, group_id: str, value_id: str) -> str:
        """The display label of one tag value."""
        for group in self.tag_groups:
            if group.id == group_id:
                for value in group.values:
                    if value.id == value_id:
                        return value.label
        return value_id
