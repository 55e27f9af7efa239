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
    """A blank in an outreach script that the visitor fills in, or, if optional, words they may leave out."""

    id: FieldId
    label: Text
    example: Text
    multiline: bool = False
    optional: bool = False

    @model_validator(mode="after")
    def _optional_is_one_line(self) -> Field:
        if self.optional and self.multiline:
            message = "an optional part is words the visitor keeps or leaves out: it cannot be multiline"
            raise PydanticCustomError("optional", message)
        return self


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


class ScriptFrontMatter(Entry):
    """The YAML at the top of an outreach script file."""

    id: Slug
    title: Text
    channel: Channel
    moment: Moment
    when: Text
    subject: Text | None = None
    reply: Text | None = None
    budget: Budget
    fields: list[Field] = []


class VisitorKind(Entry):
    """One kind of visitor as visitors.yaml lists it: who they are, and how they introduce themselves."""

    id: Slug
    label: Text
    introduction: Text
    short: Text | None = None


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
