"""A synthetic project for the benchmarks: the real project with a bigger bank and more scripts.

The generated questions go into the REAL categories (the prose links to each category page, so
new categories would leave those links dangling), and vary in wording, tags, starters, reasons and
follow-up prompts so that the pages look like a real bank. Everything is seeded: the same size
always gives the same project, question ids included (`generated-0`, `generated-1`, ...).
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED_SCRIPT = Path(__file__).resolve().parent / "seed_cache.py"

SKIP = (
    ".git",
    ".venv",
    ".cache",
    ".site*",
    "site",
    "tools",
    "node_modules",
    "screenshots",
    "reports",
    ".hypothesis",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    "tests",
    "benchmarks",
)
OPENINGS = (
    "What do you wish you had known about",
    "How would you describe",
    "Which part of your week goes to",
    "What surprised you most about",
    "How do people in your role learn about",
    "What advice would you give a student about",
    "How has your view changed on",
    "Who should I talk to next about",
    "What is the hardest part of",
    "How do you decide what to do about",
)
SUBJECTS = (
    "the first year in this field",
    "working with clients",
    "the skills your team looks for",
    "changes in your industry",
    "the culture of your organization",
    "getting a first job here",
    "the projects you enjoy most",
    "training and courses",
    "salary and growth",
    "mentors and networks",
    "moving between roles",
    "volunteer experience",
    "the tools you use every day",
    "research in your field",
    "the decisions that shaped your career",
)
CLOSINGS = ("", " now", " today", " in the next few years", " for someone starting out")
REASONS = (
    "It shows you what the work is like from the inside.",
    "The answer tells you which skills to build next.",
    "People enjoy explaining what they know, and you learn what a job posting leaves out.",
    "It helps you decide whether the field suits you.",
    "You hear about trends before they reach the news.",
)
FOLLOW_UPS = (
    "Can you give me an example?",
    "What would you do differently?",
    "How did you learn that?",
    "Who else sees it that way?",
    "What should I read about it?",
)


Ignore = Callable[[str, list[str]], set[str]]


def _top_level(source: Path, ignore: Ignore) -> Ignore:
    """Skip SKIP's names in the project's own folder only: `generator/site/` is code, not a built site."""
    return lambda folder, names: ignore(folder, names) if Path(folder) == source else set()


def synthetic_project(folder: Path, questions: int, scripts: int, seed: int = 7, source: Path = ROOT) -> Path:
    """Copy the project into `folder`/project with `questions` in the bank and `scripts` more scripts.

    The bank keeps its own questions and gets generated ones up to `questions` in all; `scripts`
    generated scripts are copies of the real ones (cycling through them) with new ids and titles.
    `source` is the project to copy (by default this repository; a snapshot of it for long runs).
    """
    project = folder / "project"
    shutil.copytree(source, project, ignore=_top_level(source, shutil.ignore_patterns(*SKIP)))
    bank_file = project / "question_bank.yaml"
    bank = yaml.safe_load(bank_file.read_text(encoding="utf-8"))
    extra = generated_questions(bank, max(0, questions - len(bank["questions"])), seed)
    if extra:  # otherwise the real file stays as it is, comments and all
        bank["questions"] += extra
        text = yaml.safe_dump(bank, allow_unicode=True, sort_keys=False, width=10**6)
        bank_file.write_text(text, encoding="utf-8")
    # English alone: the overhead measured is the plugin's against plain MkDocs building one language
    # (languages.py measures the translations), and the generated scripts have no French.
    config = project / "mkdocs.yml"
    english = re.sub(
        r"^\s*translations: \[.*\]\n", "", config.read_text(encoding="utf-8"), flags=re.MULTILINE
    )
    config.write_text(english, encoding="utf-8")
    templates = sorted((project / "email_templates").glob("*.txt"))
    for n in range(scripts):
        template = templates[n % len(templates)]
        text = template.read_text(encoding="utf-8")
        text = re.sub(r"^id: .*$", f"id: copy-{n}", text, count=1, flags=re.MULTILINE)
        text = re.sub(r"^title: (.*)$", rf"title: \1 (copy {n})", text, count=1, flags=re.MULTILINE)
        (project / "email_templates" / f"copy-{n}.txt").write_text(text, encoding="utf-8")
    return project


def generated_questions(bank: dict[str, Any], count: int, seed: int = 7) -> list[dict[str, Any]]:
    """`count` varied questions in the bank's own categories, tagged from its own vocabularies."""
    rng = random.Random(seed)
    categories = [category["id"] for category in bank["categories"]]
    groups = {group["id"]: [value["id"] for value in group["values"]] for group in bank["tags"]}
    questions = []
    for n in range(count):
        text = f"{rng.choice(OPENINGS)} {rng.choice(SUBJECTS)}{rng.choice(CLOSINGS)} (no. {n})?"
        tags = {
            group: sorted(rng.sample(values, rng.randint(1, min(2, len(values)))))
            for group, values in groups.items()
            if rng.random() < 0.9
        }
        question: dict[str, Any] = {
            "id": f"generated-{n}",
            "text": text,
            "category": categories[n % len(categories)],
        }
        if tags:
            question["tags"] = tags
        if n % 9 == 0:
            question["starter"] = True
        if rng.random() < 0.8:
            question["why"] = rng.choice(REASONS)
        if rng.random() < 0.7:
            question["follow_ups"] = rng.sample(FOLLOW_UPS, rng.randint(1, 2))
        questions.append(question)
    return questions


def seed_pdf_cache(project: Path) -> None:
    """Store a placeholder PDF under each handout's current key, as if the PDF step had run.

    For sizes where printing the real PDFs would take too long: a build with a warm cache only
    copies the cached files, so what they contain changes nothing in what the build costs but a copy.
    It runs in the project's folder, so that the keys come from the same code the builds there use.
    """
    subprocess.run([sys.executable, str(SEED_SCRIPT)], cwd=project, check=True)
