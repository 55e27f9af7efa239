"""The recommended first questions: balanced across categories, starters first, seed preferred."""

from __future__ import annotations

from support import ROOT

from generator.bank.load import load_project
from generator.bank.project import read_project
from generator.model import Category, Guide, Question, TagGroup, TagValue
from generator.site.data import questions_data
from generator.site.pages import render_pages
from generator.site.selection import recommended_first_questions

PURPOSES = TagGroup(
    id="purpose",
    label="Purpose",
    values=[TagValue(id="exploring", label="Exploring"), TagValue(id="job-search", label="Job search")],
)


def question(
    qid: str, category: str, *, starter: bool = False, seed: bool = False, purpose: tuple[str, ...] = ()
) -> Question:
    """A question with just what the selection reads."""
    tags = {"purpose": list(purpose)} if purpose else {}
    return Question(
        id=qid, text=f"{qid}?", category=category, tags=tags, starter=starter, source="seed" if seed else None
    )


def guide_of(*questions: Question, categories: tuple[str, ...] = ("a", "b", "c")) -> Guide:
    """A guide with these questions, the given categories and a purpose vocabulary."""
    return Guide(
        (PURPOSES,),
        tuple(Category(id=c, title=c.upper(), description="d") for c in categories),
        questions,
        (),
    )


def ids(questions: list[Question]) -> list[str]:
    """The ids of questions, in order."""
    return [q.id for q in questions]


def test_each_category_gets_a_turn_before_any_gets_a_second() -> None:
    guide = guide_of(
        question("a1", "a", starter=True),
        question("a2", "a", starter=True),
        question("a3", "a", starter=True),
        question("b1", "b", starter=True),
        question("c1", "c"),
    )
    assert ids(recommended_first_questions(guide, count=3)) == ["a1", "b1", "c1"]
    assert ids(recommended_first_questions(guide, count=4)) == ["a1", "a2", "b1", "c1"]


def test_starters_come_first_and_seed_questions_are_preferred() -> None:
    guide = guide_of(
        question("plain", "a"),
        question("seed-only", "a", seed=True),
        question("starter", "a", starter=True),
        question("seed-starter", "a", starter=True, seed=True),
        categories=("a",),
    )
    assert ids(recommended_first_questions(guide, count=1)) == ["seed-starter"]
    assert ids(recommended_first_questions(guide, count=2)) == ["starter", "seed-starter"]  # bank order
    assert ids(recommended_first_questions(guide, count=3)) == ["seed-only", "starter", "seed-starter"]


def test_in_a_later_turn_a_category_with_starters_left_goes_first() -> None:
    guide = guide_of(
        question("a1", "a", starter=True),
        question("a2", "a"),
        question("b1", "b", starter=True),
        question("b2", "b", starter=True),
        categories=("a", "b"),
    )
    assert ids(recommended_first_questions(guide, count=3)) == ["a1", "b1", "b2"]


def test_a_purpose_prefers_its_questions_and_fills_up_with_others() -> None:
    guide = guide_of(
        question("a-job", "a", starter=True, purpose=("job-search",)),
        question("a-explore", "a", purpose=("exploring",)),
        question("b-job", "b", starter=True, purpose=("job-search",)),
        categories=("a", "b"),
    )
    assert ids(recommended_first_questions(guide, count=1, purpose="exploring")) == ["a-explore"]
    assert ids(recommended_first_questions(guide, count=2, purpose="exploring")) == ["a-job", "a-explore"]
    assert ids(recommended_first_questions(guide, count=5, purpose="job-search")) == [
        "a-job",
        "a-explore",
        "b-job",
    ]


def test_no_count_or_no_questions_give_an_empty_set() -> None:
    assert recommended_first_questions(guide_of(question("a1", "a")), count=0) == []
    assert recommended_first_questions(guide_of()) == []


def test_the_real_bank_gives_ten_starters_from_nine_categories_in_bank_order() -> None:
    guide = load_project(read_project(ROOT / "mkdocs.yml"))
    chosen = recommended_first_questions(guide)
    assert len(chosen) == 10
    assert all(q.starter for q in chosen)
    assert {q.category for q in chosen} == {c.id for c in guide.categories}
    position = {q.id: index for index, q in enumerate(guide.questions)}
    order = {c.id: index for index, c in enumerate(guide.categories)}
    assert chosen == sorted(chosen, key=lambda q: (order[q.category], position[q.id]))
    seed_starters = {q.id for q in guide.questions if q.starter and q.source == "seed"}
    assert seed_starters <= set(ids(chosen))


def test_questions_json_and_the_prep_sheet_page_carry_the_same_sets() -> None:
    guide = load_project(read_project(ROOT / "mkdocs.yml"))
    sets = questions_data(guide)["recommended"]["sets"]
    assert [s["purpose"] for s in sets] == [None, "exploring", "job-search", "further-study"]
    for entry in sets:
        expected = ids(recommended_first_questions(guide, purpose=entry["purpose"]))
        assert entry["question_ids"] == expected
    page = render_pages(guide)["prep-sheet.md"]
    listed = [line.split('"')[1] for line in page.splitlines() if "data-recommended-question=" in line]
    assert listed == sets[0]["question_ids"]


def test_markup_in_a_recommended_question_is_text_on_the_prep_sheet() -> None:
    guide = guide_of(question("a1", "a", starter=True))
    risky = Question(id="a1", text="<script>alert(1)</script> & co?", category="a", starter=True)
    page = render_pages(Guide(guide.tag_groups, guide.categories, (risky,), ()))["prep-sheet.md"]
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co?" in page
