"""What advisors write, with its rules: pydantic models, checked entry by entry, then made into the model.

Each class has the fields of the `generator.model` class of the same name; `to_model` turns a
checked entry into it. Only loading a changed input imports this module (and pydantic).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .. import model
from ..model import (
    EMAIL_PATTERN,
    FIELD_ID_PATTERN,
    HEX_COLOUR_PATTERN,
    SLUG_PATTERN,
    WEB_ADDRESS_PATTERN,
    Channel,
    Moment,
)

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
FieldId = Annotated[str, StringConstraints(pattern=FIELD_ID_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Entry(BaseModel):
    """A mapping in a data file: no unknown keys, no silent type conversion."""

    # A docstring under a field is its description in the JSON Schemas editors read (json_schema.py).
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True)


class TagValue(Entry):
    """One allowed value of a tag group, such as 'exploring'."""

    id: Slug
    """The value's stable name, used in questions' tags: lowercase words joined by hyphens."""
    label: Text
    """The value as visitors read it in the picker's filters."""


class TagGroup(Entry):
    """A closed vocabulary questions can be tagged with, such as 'purpose'."""

    id: Slug
    """The group's stable name, the key under a question's `tags`."""
    label: Text
    """The group's name as visitors read it."""
    description: str = ""
    """What the group sorts questions by, for advisors and the picker."""
    values: list[TagValue]
    """The values a question may carry in this group."""

    @field_validator("values")
    @classmethod
    def _not_empty(cls, values: list[TagValue]) -> list[TagValue]:
        if not values:
            raise PydanticCustomError("too_short", "must list at least one value")
        return values


class Category(Entry):
    """A group of questions with its own page."""

    id: Slug
    """The category's stable name: its page's address and every question's `category`."""
    title: Text
    """The heading of the category's page."""
    description: Text
    """One or two sentences under the heading."""


class Question(Entry):
    """One question a visitor can ask."""

    id: Slug
    """The question's stable name: visitors' saved picks refer to it, so never reuse one."""
    text: Text
    """The question as the visitor asks it: one open question."""
    category: Slug
    """The id of the category the question belongs to."""
    tags: dict[str, list[Slug]] = {}
    """Values from the tag groups, by group id: one value, or a list of them."""
    starter: bool = False
    """True for a good first question in its category."""
    why: str = ""
    """Why this question is worth asking, in a sentence."""
    follow_ups: list[Text] = []
    """Questions to ask next, if the answer opens the door."""
    source: Literal["seed"] | None = None
    """'seed' for the centre's own sample questions, which keep their words exactly."""

    @field_validator("tags", mode="before")
    @classmethod
    def _single_values_as_lists(cls, tags: Any) -> Any:
        if isinstance(tags, dict):
            return {key: [value] if isinstance(value, str) else value for key, value in tags.items()}
        return tags


class Field(Entry):
    """A blank in an outreach script that the visitor fills in, or, if optional, words they may leave out."""

    id: FieldId
    """The blank's name in the text, as in {{ contact_name }}: lowercase letters, digits, underscores."""
    label: Text
    """What the studio's form asks for."""
    example: Text
    """A realistic sample answer; for an optional part, the words themselves."""
    multiline: bool = False
    """True for an answer that may run to several lines."""
    optional: bool = False
    """True for words the visitor may keep or leave out, such as 'I am not asking for a job'."""

    @model_validator(mode="after")
    def _optional_is_one_line(self) -> Field:
        if self.optional and self.multiline:
            message = "an optional part is words the visitor keeps or leaves out: it cannot be multiline"
            raise PydanticCustomError("optional", message)
        return self


class Budget(Entry):
    """How long a filled-in script may be: a number of words or of characters."""

    words: int | None = None
    """The most words the script may have, filled with its examples."""
    characters: int | None = None
    """The most characters it may have (a LinkedIn note: 200)."""

    @model_validator(mode="after")
    def _exactly_one(self) -> Budget:
        given = [value for value in (self.words, self.characters) if value is not None]
        if len(given) != 1:
            raise PydanticCustomError("budget", "give exactly one of 'words: N' or 'characters: N'")
        if given[0] <= 0:
            raise PydanticCustomError("budget", "the budget must be a positive number")
        return self


class ScriptFrontMatter(Entry):
    """The YAML at the top of an outreach script file."""

    id: Slug
    """The script's stable name: the same as its file name, without .txt."""
    title: Text
    """The script's heading on the site."""
    channel: Channel
    """How it is sent: email, linkedin, phone, voicemail or letter."""
    moment: Moment
    """Where it belongs in the journey: first-contact, scheduling, after-meeting or keeping-in-touch."""
    when: Text
    """One or two sentences on when to use it."""
    subject: Text | None = None
    """An email's subject line; not for other channels, nor for a reply."""
    reply: Text | None = None
    """For an email sent as a reply instead of with a subject: what it answers."""
    budget: Budget
    """How long it may be: words: N or characters: N."""
    fields: list[Field] = []
    """Every blank in the subject or the text, in the order visitors fill them."""


class VisitorKind(Entry):
    """One kind of visitor as visitors.yaml lists it: who they are, and how they introduce themselves."""

    id: Slug
    """The kind's stable name: visitors' saved choices refer to it."""
    label: Text
    """What the studio offers, such as 'Changing careers'."""
    introduction: Text
    """The words after 'I am Priya Nair,' in a script: {{ you.introduction }}."""
    short: Text | None = None
    """A shorter form for tight scripts, {{ you.short }}; the introduction when absent."""


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


def to_model(entry: Any) -> Any:
    """A checked entry as the `generator.model` class of its name; a list of entries as a list of those."""
    if isinstance(entry, BaseModel):
        made = getattr(model, type(entry).__name__)
        return made(**{name: to_model(value) for name, value in entry.__dict__.items()})
    if isinstance(entry, list) and entry and isinstance(entry[0], BaseModel):
        return [to_model(item) for item in entry]
    return entry
