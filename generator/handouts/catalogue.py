"""The six printed handouts: their files, templates, style sheets and how they print."""

from __future__ import annotations

from msgspec import Struct

from ..bank import english_words
from ..model import Words

DOWNLOADS = "downloads"


class Handout(Struct, frozen=True):
    """One PDF the site offers for download; its title and description are the words `handout.<name>.*`."""

    name: str
    stylesheets: tuple[str, ...]
    fillable: bool = True
    landscape: bool = False

    @property
    def title(self) -> str:
        """The handout's title in the generator's English, such as 'Contact tracker'."""
        return self.title_in(english_words())

    @property
    def description(self) -> str:
        """What the handout holds, in the generator's English."""
        return self.description_in(english_words())

    def title_in(self, words: Words) -> str:
        """The handout's title (its PDF's title) in some words."""
        return words(f"handout.{self.name}.title")

    def description_in(self, words: Words) -> str:
        """What the handout holds (its PDF's subject) in some words."""
        return words(f"handout.{self.name}.description")

    @property
    def filename(self) -> str:
        """The PDF's file name, such as 'prep-sheet.pdf'."""
        return f"{self.name}.pdf"

    @property
    def uri(self) -> str:
        """The PDF's path in the site, such as 'downloads/prep-sheet.pdf'."""
        return f"{DOWNLOADS}/{self.filename}"

    @property
    def template(self) -> str:
        """The print template that lays the handout out."""
        return f"{self.name}.html.j2"


HANDOUTS = (
    Handout("prep-sheet", ("handout.css", "prep-sheet.css")),
    Handout("checklists", ("handout.css", "checklists.css")),
    Handout("contact-tracker", ("handout.css", "contact-tracker.css"), landscape=True),
    Handout("question-bank", ("handout.css", "question-bank.css")),
    Handout("outreach-scripts", ("handout.css", "outreach-scripts.css")),
    Handout("guide", ("booklet.css", "question-bank.css", "outreach-scripts.css"), fillable=False),
)
