"""The six printed handouts: their files, templates, style sheets and how they print."""

from __future__ import annotations

from dataclasses import dataclass

DOWNLOADS = "downloads"


@dataclass(frozen=True)
class Handout:
    """One PDF the site offers for download."""

    name: str
    title: str
    description: str
    stylesheets: tuple[str, ...]
    fillable: bool = True
    landscape: bool = False

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
    Handout(
        "prep-sheet",
        "Prep sheet for an informational interview",
        "Research, your elevator pitch, logistics, questions to ask and notes, on two pages.",
        ("handout.css", "prep-sheet.css"),
    ),
    Handout(
        "checklists",
        "Informational interview checklists",
        "What to do before the meeting, on the day and after it, with boxes to tick.",
        ("handout.css", "checklists.css"),
    ),
    Handout(
        "contact-tracker",
        "Contact tracker",
        "A log of the people you contact, with the follow-up timing rules.",
        ("handout.css", "contact-tracker.css"),
        landscape=True,
    ),
    Handout(
        "question-bank",
        "Question bank",
        "Every question in the bank, by topic, with a box to tick the ones to ask.",
        ("handout.css", "question-bank.css"),
    ),
    Handout(
        "outreach-scripts",
        "Outreach scripts",
        "Every outreach script with blanks to fill in: emails, LinkedIn, phone, voicemail and letters.",
        ("handout.css", "outreach-scripts.css"),
    ),
    Handout(
        "guide",
        "Informational interviews: the complete guide",
        "The whole guide as a booklet: every step, the question bank, the outreach scripts and checklists.",
        ("booklet.css", "question-bank.css", "outreach-scripts.css"),
        fillable=False,
    ),
)
