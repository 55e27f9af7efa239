"""Near-duplicate questions: texts whose words are nearly the same, found without comparing every pair.

A question's text becomes a set of words: lower case, accents and plurals folded, numbers and
common function words ("what", "you", "the") left out. Two questions are very like each other when
their sets share at least `THRESHOLD` of all their words (Jaccard similarity). Questions with the
same set are paired by a dictionary; the others by prefix filtering: with every set's words sorted
rarest first, two sets that reach the threshold share a word among the first few of each, so each
question is compared only with the earlier ones that share one of its rarest words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..errors import Problem, shown_path
from ..model import Question
from .parse_cache import CACHE_DIR, parse_yaml_cached
from .project import Project
from .source import read_text

THRESHOLD = Fraction(3, 5)
"""The share of words two questions must have in common to be very like each other."""

_FUNCTION_WORDS = """
    about am an and are as at be been being both but by can could did do does doing each for from had
    has have having he her here him his how if in into is it its may me might must my of on or our ours
    shall she should so such than that the their theirs them then there these they this those to too
    us was we were what when where which while who whom whose why will with would you your yours yourself
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
"""Words that shape a question but do not say what it asks (words of one letter never count)."""
_WORD = re.compile(r"[a-z]{2,}")


@dataclass(frozen=True)
class Match:
    """A question (`later`, an index into the texts) very like an earlier one, and how alike they are."""

    later: int
    earlier: int
    score: Fraction


def words(text: str) -> frozenset[str]:
    """The words of a text that say what it asks, folded so that small differences of form do not count."""
    folded = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return frozenset(_fold_plural(word) for word in _WORD.findall(folded) if word not in FUNCTION_WORDS)


def _fold_plural(word: str) -> str:
    """'skills' as 'skill', 'studies' as 'study'; 'process' and 'focus' stay as they are."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def jaccard(first: frozenset[str], second: frozenset[str]) -> Fraction:
    """The words two sets share, as a fraction of all the words in either."""
    union = len(first | second)
    return Fraction(len(first & second), union) if union else Fraction(0)


def near_duplicates(texts: Sequence[str], threshold: Fraction = THRESHOLD) -> list[Match]:
    """Each text very like an earlier one, paired with the earlier text most like it (the first on a tie)."""
    sets = [words(text) for text in texts]
    matches: list[Match] = []
    first_with: dict[frozenset[str], int] = {}
    distinct: list[int] = []
    for index, found in enumerate(sets):
        if not found:
            continue
        first = first_with.setdefault(found, index)
        if first == index:
            distinct.append(index)
        else:
            matches.append(Match(index, first, Fraction(1)))
    matches.extend(_prefix_matches(sets, distinct, threshold))
    return sorted(matches, key=lambda match: match.later)


def _prefix_matches(sets: list[frozenset[str]], distinct: list[int], threshold: Fraction) -> list[Match]:
    """The near (not identical) matches among the distinct sets, each compared only with its candidates."""
    rarity = Counter(word for index in distinct for word in sets[index])
    postings: defaultdict[str, list[int]] = defaultdict(list)
    matches: list[Match] = []
    for index in distinct:
        found = sets[index]
        prefix = sorted(found, key=lambda word: (rarity[word], word))[: _prefix_length(len(found), threshold)]
        candidates = set().union(*(postings[word] for word in prefix))
        best = _best(index, found, sorted(candidates), sets, threshold)
        if best is not None:
            matches.append(best)
        for word in prefix:
            postings[word].append(index)
    return matches


def _prefix_length(size: int, threshold: Fraction) -> int:
    """How many of a set's rarest words another set must share one of, to reach the threshold."""
    needed = -(-size * threshold.numerator // threshold.denominator)  # the ceiling of size * threshold
    return size - needed + 1


def _best(
    index: int, found: frozenset[str], candidates: list[int], sets: list[frozenset[str]], threshold: Fraction
) -> Match | None:
    """The candidate most like `found` that reaches the threshold (the first on a tie), in whole numbers."""
    best: Match | None = None
    top, bottom = threshold.numerator, threshold.denominator
    for other in candidates:
        shared = len(found & sets[other])
        union = len(found) + len(sets[other]) - shared
        if shared * bottom > top * union or (best is None and shared * bottom == top * union):
            top, bottom = shared, union
            best = Match(index, other, Fraction(shared, union))
    return best


def similar_questions(project: Project, questions: Sequence[Question]) -> list[Problem]:
    """One warning for each question very like an earlier one, at the later one's text.

    The bank is read again (from the parse cache when unchanged) only when there is a warning to place.
    """
    matches = near_duplicates([question.text for question in questions])
    if not matches:
        return []
    display = shown_path(project.bank, project.root)
    doc = parse_yaml_cached(read_text(project.bank, display), display, project.root / CACHE_DIR)
    indexes = {item["id"]: index for index, item in enumerate(doc.data["questions"])}
    warnings = []
    for match in matches:
        later, earlier = questions[match.later], questions[match.earlier]
        line = doc.where(("questions", indexes[earlier.id], "text")).line
        message = (
            f"warning: question '{later.id}' is very like question '{earlier.id}' (line {line}); "
            "merge them or make them ask different things"
        )
        warnings.append(doc.problem(("questions", indexes[later.id], "text"), message))
    return warnings
