"""Property: any valid bank loads, builds, and round-trips into questions.json."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from support import FIXTURES, mkdocs_build

from generator.bank.checked import load_guide
from generator.site.data import questions_data

slugs = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}\Z")
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("<>&\"'*_#[]{}`"),
    min_size=1,
    max_size=60,
).filter(lambda text: text.strip() != "")


@st.composite
def banks(draw: st.DrawFn) -> dict[str, Any]:
    """A valid question bank: closed tag lists, categories each with a question."""
    ids = draw(st.lists(slugs, min_size=3, max_size=16, unique=True))
    group_ids = ids[:1]
    category_ids = ids[1 : 1 + draw(st.integers(1, min(3, (len(ids) - 1) // 2)))]
    question_ids = ids[1 + len(category_ids) :]
    values = draw(st.lists(slugs, min_size=1, max_size=4, unique=True))
    question_texts = draw(
        st.lists(texts, min_size=len(question_ids), max_size=len(question_ids), unique_by=_normal)
    )
    return {
        "tags": [
            {
                "id": group_ids[0],
                "label": draw(texts),
                "values": [{"id": value, "label": draw(texts)} for value in values],
            }
        ],
        "categories": [
            {"id": category, "title": draw(texts), "description": draw(texts)} for category in category_ids
        ],
        "questions": [
            {
                "id": question,
                "text": text,
                "category": category_ids[index % len(category_ids)],
                "tags": {group_ids[0]: draw(st.lists(st.sampled_from(values), unique=True))},
                "starter": draw(st.booleans()),
                "why": draw(st.one_of(st.just(""), texts)),
                "follow_ups": draw(st.lists(texts, max_size=2)),
            }
            for index, (question, text) in enumerate(zip(question_ids, question_texts, strict=True))
        ],
    }


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def _project(bank: dict[str, Any], folder: Path) -> Path:
    project = folder / "project"
    shutil.copytree(FIXTURES / "minimal", project)
    (project / "question_bank.yaml").write_text(yaml.safe_dump(bank, allow_unicode=True), encoding="utf-8")
    return project


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(banks())
def test_valid_banks_round_trip_into_questions_json(bank: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = _project(bank, Path(folder))
        guide = load_guide(project / "question_bank.yaml", project / "email_templates", project)
        data = json.loads(json.dumps(questions_data(guide)))
    assert [c["id"] for c in data["categories"]] == [c["id"] for c in bank["categories"]]
    assert [c["title"] for c in data["categories"]] == [c["title"].strip() for c in bank["categories"]]
    for written, read in zip(bank["questions"], data["questions"], strict=True):
        assert read["id"] == written["id"]
        assert read["text"] == written["text"].strip()
        assert read["category"] == written["category"]
        assert read["tags"] == written["tags"]
        assert read["starter"] == written["starter"]
        assert read["why"] == written["why"]
        assert read["follow_ups"] == [prompt.strip() for prompt in written["follow_ups"]]
        assert read["url"] == f"questions/{written['category']}/#{written['id']}"


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(banks())
def test_valid_banks_build_with_every_question_on_its_page(bank: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = _project(bank, Path(folder))
        result = mkdocs_build(project)
        assert result.returncode == 0, result.stderr
        for question in bank["questions"]:
            page = project / "site/questions" / question["category"] / "index.html"
            assert f'data-question-id="{question["id"]}"' in page.read_text()
        built = json.loads((project / "site/questions.json").read_text())
        assert [q["id"] for q in built["questions"]] == [q["id"] for q in bank["questions"]]
