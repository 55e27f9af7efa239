"""Measure the question picker's filtering and search on a synthetic bank of 10,000 questions.

Run: .venv/bin/python benchmarks/picker_speed.py [--questions N] [--site DIR]

Builds the real site (or uses --site), then swaps its question bank page and questions.json for a
synthetic bank rendered by the generator's own templates, serves it on 127.0.0.1 and types searches
and changes filters in headless Chromium (Debian's, as the tests use). For each keystroke it reports
the time from the input event to the end of the picker's work including style and layout (what
blocks the next frame), and to the next frame. The goal is a median under 16 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from playwright.sync_api import Page, sync_playwright  # noqa: E402
from sitebuild import serve  # noqa: E402

from generator.data import questions_data  # noqa: E402
from generator.load import load_project  # noqa: E402
from generator.model import Category, Guide, Question  # noqa: E402
from generator.pages import _environment, markdown_text  # noqa: E402
from generator.project import read_project  # noqa: E402

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WORDS_TEXT = (
    "work team skills field job first people organization advice change project learn course client career"
    " manager salary day week training network role industry trend future mentor school path interview"
    " experience volunteer challenge problem tool decision value culture growth research"
)
WORDS = WORDS_TEXT.split()
SEARCHES = ["what do you", "skills", "first job", "salary range", "organization culture", "zebra"]
MARKER = '<div class="guide-picker-slot" data-question-picker></div>'


def synthetic_guide(real: Guide, count: int, seed: int = 7) -> Guide:
    """The real bank's vocabularies with `count` generated questions in twelve categories."""
    rng = random.Random(seed)
    categories = tuple(
        Category(id=f"topic-{n}", title=f"Topic {n}", description="Generated for the benchmark.")
        for n in range(12)
    )
    groups = {group.id: [value.id for value in group.values] for group in real.tag_groups}
    questions = []
    for n in range(count):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 18)))
        tags = {
            group: rng.sample(values, rng.randint(1, min(2, len(values)))) for group, values in groups.items()
        }
        questions.append(
            Question(
                id=f"question-{n}",
                text=f"What {words} number {n}?",
                category=categories[n % len(categories)].id,
                tags=tags,
                starter=n % 9 == 0,
                why=" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + ".",
                follow_ups=[f"How does {rng.choice(WORDS)} fit in?"],
            )
        )
    return Guide(real.tag_groups, categories, tuple(questions), ())


def bank_html(guide: Guide) -> str:
    """The question lists of the bank page, as the generator renders them (headings as MkDocs would)."""
    template = _environment().get_template("_question_list.html.j2")
    parts = []
    for category in guide.categories:
        parts.append(f'<h2 id="{category.id}">{markdown_text(category.title)}</h2>')
        parts.append(template.render(guide=guide, category=category))
    return "\n".join(parts)


def prepare_site(site: Path, guide: Guide) -> None:
    """Swap the built site's bank page and questions.json for the synthetic bank."""
    page = site / "questions" / "index.html"
    html = page.read_text(encoding="utf-8")
    start = html.index(MARKER) + len(MARKER)
    end = html.index("</article>", start)
    page.write_text(html[:start] + "\n" + bank_html(guide) + "\n" + html[end:], encoding="utf-8")
    (site / "questions.json").write_text(json.dumps(questions_data(guide)), encoding="utf-8")


INSTRUMENT = """() => {
    const input = document.querySelector('.guide-picker input[type=search]');
    window.__bench = [];
    const record = (event) => {
        void document.body.offsetHeight;  // style and layout, as the next frame will need them
        const work = performance.now() - event.timeStamp;
        requestAnimationFrame(() => setTimeout(() => {
            window.__bench.push([work, performance.now() - event.timeStamp]);
        }, 0));
    };
    input.addEventListener('input', record);  // after the picker's own listener
    for (const select of document.querySelectorAll('.guide-picker select')) {
        select.addEventListener('change', record);
    }
}"""


CHOOSE = """([name, value]) => {
    const select = document.querySelector(`.guide-picker select[data-filter="${name}"]`);
    select.value = value;
    select.dispatchEvent(new Event('change'));
}"""


def settle(page: Page) -> None:
    """Wait two frames."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def run(site: Path, width: int) -> dict[str, list[tuple[float, float]]]:
    """Type the searches and change the filters; return (work, frame) times per kind of action."""
    results: dict[str, list[tuple[float, float]]] = {}
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
        page.goto(url + "questions/", timeout=180000)
        page.wait_for_selector(".guide-picker .guide-select", timeout=180000)
        total = page.locator("[data-question-id]").count()
        page.evaluate(INSTRUMENT)
        search = page.locator(".guide-picker input[type=search]")
        search.focus()
        for text in SEARCHES:
            for character in text:
                page.keyboard.type(character)
                settle(page)
            for _ in text:
                page.keyboard.press("Backspace")
                settle(page)
        results["search keystroke"] = page.evaluate("window.__bench.splice(0)")
        for name, value in [("purpose", "exploring"), ("tiara", "trends"), ("category", "topic-3")]:
            for option in [value, ""] * 5:
                page.evaluate(CHOOSE, [name, option])
                settle(page)
        results["filter change"] = page.evaluate("window.__bench.splice(0)")
        browser.close()
    print(f"{total} questions on the page at {width} px")
    return results


def report(results: dict[str, list[tuple[float, float]]]) -> None:
    """Print the medians and the slowest cases."""
    for kind, times in results.items():
        work = sorted(t[0] for t in times)
        frame = sorted(t[1] for t in times)
        p95 = work[int(len(work) * 0.95) - 1]
        print(
            f"  {kind:17} n={len(times):3} | filter+layout median {statistics.median(work):5.1f} ms, "
            f"p95 {p95:5.1f} ms, max {work[-1]:5.1f} ms | "
            f"to next frame median {statistics.median(frame):5.1f} ms"
        )


def main() -> None:
    """Build (or take) the site, swap in the synthetic bank, measure at two widths."""
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--questions", type=int, default=10000)
    parser.add_argument("--site", type=Path, help="a built site to copy (default: build the project)")
    args = parser.parse_args()
    real = load_project(read_project(ROOT / "mkdocs.yml"))
    guide = synthetic_guide(real, args.questions)
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        if args.site:
            shutil.copytree(args.site, site)
        else:
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
            subprocess.run(command, cwd=ROOT, env=env, check=True)
        prepare_site(site, guide)
        size = (site / "questions" / "index.html").stat().st_size
        print(f"synthetic bank page: {size / 1e6:.1f} MB")
        for width in (1280, 390):
            report(run(site, width))


if __name__ == "__main__":
    main()
