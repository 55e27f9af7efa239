"""The near-duplicate detector: what counts as very like, that it misses no pair, and how check shows it."""

from __future__ import annotations

import importlib.util
import random
import shutil
from fractions import Fraction
from pathlib import Path
from types import ModuleType

from support import FIXTURES, ROOT, generator

from generator.bank.load import load_project
from generator.bank.project import read_project
from generator.bank.similar import THRESHOLD, Match, jaccard, near_duplicates, words

SIMILAR = FIXTURES / "similar"


def synthetic() -> ModuleType:
    """benchmarks/synthetic.py, which makes the benchmarks' big banks (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "benchmarks" / "synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_words_keep_what_a_question_asks() -> None:
    assert words("What skills do YOU use most, in 2024?") == {"skill", "use", "most"}
    assert words("Which studies and courses?") == words("Which study and course?")
    assert words("How do I write a résumé?") == {"write", "resume"}
    assert words("What is the process of focus?") == {"process", "focus"}
    assert words("What is it?") == frozenset()


def test_jaccard_is_shared_words_over_all_words() -> None:
    assert jaccard(frozenset("abc"), frozenset("abd")) == Fraction(2, 4)
    assert jaccard(frozenset(), frozenset()) == 0


def test_a_reworded_question_is_paired_with_the_earlier_one() -> None:
    texts = [
        "What does a typical day look like for you?",
        "How did you find your first job in this field?",
        "What does a typical day at work look like for you?",
    ]
    assert near_duplicates(texts) == [Match(2, 0, Fraction(4, 5))]


def test_different_questions_on_one_topic_are_not_paired() -> None:
    texts = [
        "Which skills do you use most often in your work?",
        "Which skills do you expect to matter more in this field five years from now?",
        "Which people skills, such as communication or teamwork, matter most in your work?",
        "What was your first job after you finished your studies?",
        "What does the work of someone in their first year in this field usually look like?",
    ]
    assert near_duplicates(texts) == []


def test_each_question_names_the_most_alike_earlier_one_and_the_first_on_a_tie() -> None:
    texts = [
        "Which tools help with budgets?",  # {tool, help, budget}
        "Which tools help with budgets and reports?",  # {tool, help, budget, report}
        "Which tools help with budgets and reports, daily?",  # most like 1 (4/5), not 0 (3/5)
        "Which tools help with budgets?",  # the same words as 0 and as nothing else: 0
        "Which tools help budgets?",  # the same words as 0 and 3: the first, 0
    ]
    assert near_duplicates(texts) == [
        Match(1, 0, Fraction(3, 4)),
        Match(2, 1, Fraction(4, 5)),
        Match(3, 0, Fraction(1)),
        Match(4, 0, Fraction(1)),
    ]


def test_prefix_filtering_finds_every_pair_that_comparing_all_pairs_finds() -> None:
    rng = random.Random(14)
    vocabulary = [f"word{letter}" for letter in "abcdefghijklmnop"]
    texts = [" ".join(rng.sample(vocabulary, rng.randint(1, 7))) for _ in range(400)]
    sets = [words(text) for text in texts]
    expected = []
    for later, found in enumerate(sets):
        scores = [(jaccard(found, sets[earlier]), -earlier) for earlier in range(later)]
        best = max(scores, default=(Fraction(0), 0))
        if found and best[0] >= THRESHOLD:
            expected.append(Match(later, -best[1], best[0]))
    assert near_duplicates(texts) == expected


def test_the_synthetic_bank_of_ten_thousand_pairs_each_copy_with_the_first() -> None:
    bank = {
        "categories": [{"id": "career-path"}],
        "tags": [{"id": "purpose", "values": [{"id": "exploring"}]}],
    }
    texts = [question["text"] for question in synthetic().generated_questions(bank, 10_000)]
    first: dict[frozenset[str], int] = {}
    copies = {index: first.setdefault(words(text), index) for index, text in enumerate(texts)}
    found = {match.later: match.earlier for match in near_duplicates(texts)}
    for later, earlier in copies.items():  # the generator numbers its questions: "(no. 17)"
        if later != earlier:
            assert found[later] == earlier


def test_the_real_bank_has_no_near_duplicates() -> None:
    guide = load_project(read_project(ROOT / "mkdocs.yml"))
    found = near_duplicates([question.text for question in guide.questions])
    assert [(guide.questions[m.later].id, guide.questions[m.earlier].id) for m in found] == []


def test_check_warns_with_exact_lines_and_still_succeeds(minimal: Path) -> None:
    shutil.copyfile(SIMILAR / "question_bank.yaml", minimal / "question_bank.yaml")
    expected = (SIMILAR / "expected.txt").read_text(encoding="utf-8").splitlines()
    for _ in ("parsing the bank", "reading the parse cache the first run filled"):
        result = generator(minimal, "check")
        assert result.returncode == 0
        assert result.stderr.splitlines() == expected
        assert result.stdout.startswith("OK: 6 questions in 2 categories")


def test_check_without_near_duplicates_prints_only_ok(minimal: Path) -> None:
    result = generator(minimal, "check")
    assert result.returncode == 0
    assert result.stderr == ""
