"""The parse cache: an unchanged YAML text is read back from what it parsed to, positions included."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.bank.parse_cache import parse_yaml_cached
from generator.bank.source import Position, parse_yaml
from generator.errors import SourceError

BANK = (
    "questions:\n  - id: a\n    text:  Hello\n    minutes: 3\n    starter: yes\n  - id: b\n    text: [x, y]\n"
)


def test_second_read_comes_from_the_store_with_the_same_data_and_positions(tmp_path: Path) -> None:
    first = parse_yaml_cached(BANK, "bank.yaml", tmp_path)
    stored = list(tmp_path.glob("bank.yaml-*.marshal"))
    assert len(stored) == 1
    second = parse_yaml_cached(BANK, "bank.yaml", tmp_path)
    assert second.root is None, "the second read parsed the text again"
    assert second.data == first.data == parse_yaml(BANK, "bank.yaml").data
    assert second.data["questions"][0] == {"id": "a", "text": "Hello", "minutes": 3, "starter": True}
    places: list[tuple[tuple[str | int, ...], bool]] = [
        (("questions", 0, "text"), False),
        (("questions", 0, "text"), True),
        (("questions", 1), False),
    ]
    for loc, key in places:
        assert second.where(loc, key=key) == first.where(loc, key=key)
    assert second.where(("questions", 0, "text")) == Position(3, 12)
    assert second.where(("questions", 1, "text", 1)) == Position(7, 15)


def test_an_edit_replaces_the_stored_entry(tmp_path: Path) -> None:
    parse_yaml_cached(BANK, "bank.yaml", tmp_path)
    parse_yaml_cached(BANK.replace("Hello", "Hi"), "bank.yaml", tmp_path)
    parse_yaml_cached("other: 1\n", "other.yaml", tmp_path)
    assert len(list(tmp_path.glob("bank.yaml-*.marshal"))) == 1
    assert len(list(tmp_path.glob("other.yaml-*.marshal"))) == 1
    edited = parse_yaml_cached(BANK.replace("Hello", "Hi"), "bank.yaml", tmp_path)
    assert edited.data["questions"][0]["text"] == "Hi"


def test_a_damaged_entry_is_parsed_again(tmp_path: Path) -> None:
    parse_yaml_cached(BANK, "bank.yaml", tmp_path)
    (entry,) = tmp_path.glob("bank.yaml-*.marshal")
    entry.write_bytes(b"\x00not marshal data")
    doc = parse_yaml_cached(BANK, "bank.yaml", tmp_path)
    assert doc.data == parse_yaml(BANK, "bank.yaml").data
    assert parse_yaml_cached(BANK, "bank.yaml", tmp_path).root is None, "the entry was not written again"


def test_text_with_problems_is_never_stored(tmp_path: Path) -> None:
    for _ in range(2):
        with pytest.raises(SourceError) as caught:
            parse_yaml_cached("a: 1\na: 2\n", "bank.yaml", tmp_path)
        assert [str(problem) for problem in caught.value.problems] == [
            "bank.yaml:2:1: duplicate key 'a' (first given on line 1)"
        ]
    assert not list(tmp_path.glob("*.marshal"))


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert parse_yaml_cached(BANK, "bank.yaml", blocked / "yaml").data["questions"][1]["id"] == "b"
