"""The guide's data model: what advisors write, validated, and what every output reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, field_validator, model_validator
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
FIELD_ID_PATTERN = r"^[a-z][a-z0-9_]*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
FieldId = Annotated[str, StringConstraints(pattern=FIELD_ID_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Channel = Literal["email", "linkedin", "phone", "voicemail", "letter"]
Moment = Literal["first-contact", "scheduling", "after-meeting", "keeping-in-touch"]


class Entry(BaseModel):
    """A mapping in a data file: no unknown keys, no silent type conversion."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class TagValue(Entry):
    """One allowed value of a tag group, such as 'exploring'."""

    id: Slug
    label: Text


class TagGroup(Entry):
    """A closed vocabulary questions can be tagged with, such as 'purpose'."""

    id: Slug
    label: Text
    description: str = ""
    values: list[TagValue]

    @field_validator("values")
    @classmethod
    def _not_empty(cls, values: list[TagValue]) -> list[TagValue]:
        if not values:
            raise PydanticCustomError("too_short", "must list at least one value")
        return values


class Category(Entry):
    """A group of questions with its own page."""

    id: Slug
    title: Text
    description: Text


class Question(Entry):
    """One question a student can ask."""

    id: Slug
    text: Text
    category: Slug
    tags: dict[str, list[Slug]] = {}
    starter: bool = False
    why: str = ""
    follow_ups: list[Text] = []
    source: Literal["seed"] | None = None

    @field_validator("tags", mode="before")
    @classmethod
    def _single_values_as_lists(cls, tags: Any) -> Any:
        if isinstance(tags, dict):
            return {key: [value] if isinstance(value, str) else value for key, value in tags.items()}
        return tags


class Field(Entry):
    """A blank in an outreach script that the student fills in."""

    id: FieldId
    label: Text
    example: Text
    multiline: bool = False


class Budget(Entry):
    """How long a filled-in script may be: a number of words or of characters."""

    words: int | None = None
    characters: int | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Budget:
        given = [value for value in (self.words, self.characters) if value is not None]
        if len(given) != 1:
            raise PydanticCustomError("budget", "give exactly one of 'words: N' or 'characters: N'")
        if given[0] <= 0:
            raise PydanticCustomError("budget", "the budget must be a positive number")
        return self

    @property
    def unit(self) -> Literal["words", "characters"]:
        """What the budget counts."""
        return "words" if self.words is not None else "characters"

    @property
    def limit(self) -> int:
        """The largest allowed count."""
        return self.words if self.words is not None else (self.characters or 0)


class ScriptFrontMatter(Entry):
    """The YAML at the top of an outreach script file."""

    id: Slug
    title: Text
    channel: Channel
    moment: Moment
    when: Text
    subject: Text | None = None
    budget: Budget
    fields: list[Field] = []


HEX_COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
WEB_ADDRESS_PATTERN = r"^https?://\S+$"
HexColour = Annotated[str, StringConstraints(pattern=HEX_COLOUR_PATTERN)]
Email = Annotated[str, StringConstraints(pattern=EMAIL_PATTERN)]
WebAddress = Annotated[str, StringConstraints(pattern=WEB_ADDRESS_PATTERN)]


class Colours(Entry):
    """Brand colours for the light scheme; both must keep AA contrast against white."""

    primary: HexColour | None = None
    accent: HexColour | None = None


class Institution(Entry):
    """Who publishes the guide: shown on pages, in the footer and, later, on printed handouts."""

    name: Text = "Career Centre"
    parent: str = ""
    email: Email | None = None
    phone: str = ""
    booking_url: WebAddress | None = None
    address: str = ""
    logo: str = ""
    colours: Colours = Colours()

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


@dataclass(frozen=True)
class Part:
    """A piece of a script: literal text, or the id of a field to fill in."""

    text: str = ""
    field: str | None = None


@dataclass(frozen=True)
class Script:
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


@dataclass(frozen=True)
class ChecklistItem:
    """One box to tick, with a stable id and the step of the guide it belongs to."""

    id: str
    text: str
    step: str
    line: int
    col: int


@dataclass(frozen=True)
class Checklist:
    """The task items under one heading of one page."""

    id: str
    title: str
    page: str
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class Guide:
    """Everything the outputs need: the question bank and the outreach scripts."""

    tag_groups: tuple[TagGroup, ...]
    categories: tuple[Category, ...]
    questions: tuple[Question, ...]
    scripts: tuple[Script, ...]
    checklists: tuple[Checklist, ...] = ()
    institution: Institution = DEFAULT_INSTITUTION

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
