"""The generated pages' and handouts' own words: the generator's English, or a guide's language's."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..model import Guide, Message, Words
from .source import plain_yaml

ENGLISH_WORDS = Path(__file__).resolve().parent.parent / "words.en.yaml"


@cache
def english_words() -> Words:
    """The generator's English words, from generator/words.en.yaml (read once per process)."""
    data = plain_yaml(ENGLISH_WORDS.read_text(encoding="utf-8"))
    messages: dict[str, Message] = {}
    for key, value in data.items():
        if not isinstance(value, str) and not (isinstance(value, dict) and "other" in value):
            raise TypeError(f"{ENGLISH_WORDS.name}: '{key}' must be text or plural forms with 'other'")
        messages[str(key)] = value
    return Words("en", messages)


def words_of(guide: Guide) -> Words:
    """The words a guide's pages and handouts are written in: its own, else the generator's English."""
    return guide.words or english_words()
