"""Choose questions from the bank: the recommended first questions for a prep sheet."""

from __future__ import annotations

from ..model import Guide, Question

PURPOSE_GROUP = "purpose"
RECOMMENDED_COUNT = 10


def recommended_first_questions(
    guide: Guide, count: int = RECOMMENDED_COUNT, purpose: str | None = None
) -> list[Question]:
    """Good first questions, balanced across categories (starters first, seed preferred), in bank order.

    Categories take turns, in their order, each giving its best remaining question: starters before the
    rest, the centre's own seed questions before others, then bank order. Within a turn, a category with a
    starter left goes before one without. With a purpose, questions tagged with it come first; the others
    only fill the set when too few are tagged. The result is in bank order, category by category, so it
    reads as a conversation from first to last.
    """
    if count <= 0:
        return []
    position = {question.id: index for index, question in enumerate(guide.questions)}
    order = {category.id: index for index, category in enumerate(guide.categories)}
    chosen = _take_balanced(_fitting(guide.questions, purpose), count, position, order)
    if len(chosen) < count and purpose is not None:
        rest = [question for question in guide.questions if question not in chosen]
        chosen += _take_balanced(rest, count - len(chosen), position, order)
    return sorted(chosen, key=lambda q: (order.get(q.category, len(order)), position[q.id]))


def purposes(guide: Guide) -> list[str]:
    """The ids of the bank's purpose values, in vocabulary order (none without a purpose group)."""
    for group in guide.tag_groups:
        if group.id == PURPOSE_GROUP:
            return [value.id for value in group.values]
    return []


def _fitting(questions: tuple[Question, ...], purpose: str | None) -> list[Question]:
    """The questions tagged with a purpose, or all of them without one."""
    if purpose is None:
        return list(questions)
    return [question for question in questions if purpose in question.tags.get(PURPOSE_GROUP, [])]


def _rank(question: Question) -> tuple[bool, bool]:
    """Sort key within a category: starters first, then seed questions."""
    return (not question.starter, question.source != "seed")


def _take_balanced(
    candidates: list[Question], count: int, position: dict[str, int], order: dict[str, int]
) -> list[Question]:
    """Up to `count` candidates, taken in turns across categories."""
    by_category: dict[str, list[Question]] = {}
    for question in candidates:
        by_category.setdefault(question.category, []).append(question)
    keyed = []
    for category, questions in by_category.items():
        ranked = sorted(questions, key=lambda q: (_rank(q), position[q.id]))
        for turn, question in enumerate(ranked[:count]):  # a later turn can never be among the first `count`
            keyed.append(((turn, *_rank(question), order.get(category, len(order))), question))
    keyed.sort(key=lambda pair: pair[0])
    return [question for _, question in keyed[:count]]
