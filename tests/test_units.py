"""Small units: YAML positions, nav expansion, URL rules, budgets."""

from __future__ import annotations

import pytest
from support import FIXTURES

from generator.bank import front_matter_end, named_entries
from generator.bank.checked import load_guide
from generator.bank.script_text import count
from generator.bank.source import Position, parse_yaml
from generator.errors import GeneratorError, GuideError, MachineError, Problem, SourceError, StageError
from generator.model import Guide
from generator.site.navigation import expand_nav
from generator.site.pages import markdown_text, site_url


def test_positions_point_at_keys_and_values() -> None:
    doc = parse_yaml("questions:\n  - id: a\n    text:  Hello\n", "bank.yaml")
    assert doc.where(("questions", 0, "text")) == Position(3, 12)
    assert doc.where(("questions", 0, "text"), key=True) == Position(3, 5)
    assert doc.where(("questions", 0, "missing")) == Position(2, 5)


PLAIN = "write plain text, numbers, lists and mappings"


def test_all_conversion_problems_are_collected() -> None:
    with pytest.raises(SourceError) as caught:
        parse_yaml("a: !!set {x}\nb: 1\nb: 2\n", "x.yaml")
    assert caught.value.problems == [
        Problem(
            "x.yaml",
            1,
            4,
            "the YAML tag '!!set' is not allowed; write plain text, numbers, lists and mappings",
        ),
        Problem("x.yaml", 3, 1, "duplicate key 'b' (first given on line 2)"),
    ]


def test_front_matter_offset_moves_lines() -> None:
    with pytest.raises(SourceError) as caught:
        parse_yaml("a: [1\n", "s.txt", line_offset=1)
    assert caught.value.problems[0].line == 3


def test_expand_nav_puts_generated_pages_after_their_index() -> None:
    project = FIXTURES / "minimal"
    guide = load_guide(project / "question_bank.yaml", project / "email_templates", project)
    questions = ["questions/index.md", "questions/advice.md", "x.md"]
    nav = [{"Home": "index.md"}, {"Q": questions}, "scripts/index.md"]
    assert expand_nav(nav, guide) == [
        {"Home": "index.md"},
        {"Q": ["questions/index.md", "questions/career-path.md", "questions/advice.md", "x.md"]},
        {"Prep sheet": "prep-sheet.md"},
        "scripts/index.md",
        "scripts/thank-you.md",
    ]
    assert expand_nav(nav, Guide((), (), (), ())) == [nav[0], nav[1], {"Prep sheet": "prep-sheet.md"}, nav[2]]


def test_expand_nav_keeps_a_prep_sheet_the_nav_already_names() -> None:
    nav = [{"Q": ["questions/index.md"]}, {"Tools": [{"My sheet": "prep-sheet.md"}]}]
    assert expand_nav(nav, Guide((), (), (), ())) == nav
    assert expand_nav(["index.md"], Guide((), (), (), ())) == ["index.md"]


@pytest.mark.parametrize(
    ("source", "directory", "url"),
    [
        ("questions/index.md", True, "questions/"),
        ("questions/advice.md", True, "questions/advice/"),
        ("questions/advice.md", False, "questions/advice.html"),
        ("index.md", True, ""),
        ("questions/index.md", False, "questions/index.html"),
        ("index.md", False, "index.html"),
    ],
)
def test_site_url_follows_mkdocs(source: str, directory: bool, url: str) -> None:
    assert site_url(source, directory) == url


def test_markdown_text_escapes_markup_and_punctuation() -> None:
    assert str(markdown_text("<b>*Hi*</b> [x](y)")) == r"&lt;b&gt;\*Hi\*&lt;/b&gt; \[x\]\(y\)"


def test_count_words_and_characters() -> None:
    assert count("Dear  Ms. Chen,\nthank you", "words") == 5
    assert count("Hi é🎉", "characters") == 5


def test_each_error_says_whose_it_is_to_mend() -> None:
    data = Problem("question_bank.yaml", 3, 7, "unknown category 'advise'")
    template = Problem("generator/handouts/templates/guide.html.j2", 12, 1, "print template error")
    assert str(GuideError([data])) == "1 problem in the guide's data"
    assert str(GuideError([template])) == (
        "1 problem in the generator's own print templates (for its developers to mend)"
    )
    assert str(GuideError([data, data, template])) == (
        "2 problems in the guide's data and 1 problem in the generator's own print templates "
        "(for its developers to mend)"
    )
    machine = MachineError("print the handouts", "libpango-1.0-0", "WeasyPrint cannot start")
    assert isinstance(machine, GeneratorError) and not isinstance(machine, GuideError)
    assert str(machine) == (
        "this machine cannot print the handouts: WeasyPrint cannot start. Install the Debian package "
        "libpango-1.0-0 (as root: apt-get install libpango-1.0-0); this is not a problem in the guide's data"
    )


def test_every_error_of_the_generator_has_the_one_root() -> None:
    problem = Problem("question_bank.yaml", 2, 1, "duplicate key 'a' (first given on line 1)")
    for error in (SourceError(problem), StageError("out is not empty"), GuideError([problem])):
        assert isinstance(error, GeneratorError)
    assert str(SourceError(problem, problem)) == f"{problem}\n{problem}"


def test_plugin_and_extension_lists_are_read_in_both_forms() -> None:
    listed = ["search", {"guide": {"paper": "a4"}}, {"toc": None}]
    assert named_entries(listed) == [(0, "search", None), (1, "guide", {"paper": "a4"}), (2, "toc", None)]
    assert named_entries({"search": None, "guide": {}}) == [
        ("search", "search", None),
        ("guide", "guide", {}),
    ]
    assert named_entries(None) == [] and named_entries("search") == []


def test_front_matter_ends_where_mkdocs_ends_it() -> None:
    assert front_matter_end(["---", "title: A", "---", "# A"]) == 2
    assert front_matter_end(["--- ", "title: A", "...", "# A"]) == 2
    assert front_matter_end(["---", "title: A"]) is None
    assert front_matter_end([" ---", "title: A", "---"]) is None
    assert front_matter_end(["# A", "---", "---"]) is None
