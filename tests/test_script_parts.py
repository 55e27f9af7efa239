"""Splitting script text into parts: the quick pattern gives exactly what Jinja's parser gives."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.bank.load import load_project
from generator.bank.project import read_project
from generator.bank.script_text import PHRASES, _simple_parts, jinja_parts, parse_parts

ROOT = Path(__file__).resolve().parent.parent
DECLARED = ["contact_name", "your_name", "topic", "loop"]
SETTINGS = {"name": "Career Centre", "email": "careers@example.ca", "braces": "{{ not a field }}"}

# Pieces that make texts with and without everything Jinja treats specially.
PIECES = st.sampled_from(
    [
        "Dear ",
        "Hello,\n\n",
        "Thank you",
        " ",
        "\n",
        "{{ contact_name }}",
        "{{contact_name}}",
        "{{  your_name\t}}",
        "{{ topic }}",
        "{{ loop }}",
        "{{ unknown }}",
        "{{ none }}",
        "{{ not }}",
        "{{ institution.name }}",
        "{{ institution.braces }}",
        "{{ institution.missing }}",
        "{{ institution }}",
        "{{ you.introduction }}",
        "{{you.short}}",
        "{{ you.missing }}",
        "{{ you }}",
        "{{ contact_name | upper }}",
        "{{- topic }}",
        "{{ topic -}}",
        "{% if topic %}x{% endif %}",
        "{# a note #}",
        "{{",
        "}}",
        "{",
        "}",
        "%}",
        "{{ 'text' }}",
        "é, “quotes” and emoji 🙂",
    ]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(PIECES, max_size=12))
def test_the_quick_split_agrees_with_jinja_whenever_it_answers(pieces: list[str]) -> None:
    source = "".join(pieces)
    for phrases in ([], list(PHRASES)):  # a guide without visitors.yaml, and one with it
        quick = _simple_parts(source, DECLARED, SETTINGS, phrases)
        if quick is not None:
            assert (quick, []) == jinja_parts(source, "s.txt", 5, DECLARED, SETTINGS, phrases), source
        assert parse_parts(source, "s.txt", 5, DECLARED, SETTINGS, phrases) == jinja_parts(
            source, "s.txt", 5, DECLARED, SETTINGS, phrases
        )


def test_every_real_script_takes_the_quick_path_and_agrees() -> None:
    project = read_project(ROOT / "mkdocs.yml")
    placeholders = load_project(project).institution.placeholders()
    scripts = sorted((ROOT / "email_templates").glob("*.txt"))
    assert len(scripts) >= 10
    for path in scripts:
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        declared = [field["id"] for field in yaml.safe_load(front).get("fields", [])]
        quick = _simple_parts(body, declared, placeholders, list(PHRASES))
        assert quick is not None, f"{path.name} needed Jinja's parser"
        assert (quick, []) == jinja_parts(body, path.name, 1, declared, placeholders, list(PHRASES)), (
            path.name
        )
