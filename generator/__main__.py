"""Command line: `python -m generator check` and `python -m generator stage OUT_DIR`."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .bank import Project, load_project, read_project
from .bank.json_schema import write_schemas
from .bank.similar import similar_questions
from .bank.translations import Translation, load_translation, write_stamps
from .errors import GeneratorError, GuideError, Problem
from .stage import stage


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit status."""
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path, help="the site's mkdocs.yml")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate the question bank and outreach scripts")
    commands.add_parser(
        "stamp",
        help="mark new translations as made from today's English (writes each missing 'en:' fingerprint)",
    )
    staging = commands.add_parser("stage", help="write the merged docs tree for plain MkDocs")
    staging.add_argument("out_dir", type=Path, help="an empty or new folder")
    args = parser.parse_args(argv)
    try:
        project = read_project(args.config_file)
        guide = load_project(project)
        translations = [load_translation(project, guide, language) for language in project.translations]
        if args.command == "stamp":
            return _stamp(project, translations)
        if args.command == "check":
            _report_check(project, len(guide.questions), len(guide.categories), len(guide.scripts))
            _report_schemas(project, write_schemas(project, guide))
            _report_warnings(similar_questions(project, guide.questions))
            return _report_translations(project, translations)
        started = time.perf_counter()
        count = stage(project, guide, args.out_dir, translations)
        seconds = time.perf_counter() - started
        print(f"Staged the content and {count} generated files in {args.out_dir} ({seconds:.2f} s)")
        builds = [f"mkdocs build -f {args.out_dir / 'mkdocs.yml'}"]
        builds += [f"mkdocs build -f {args.out_dir / f'mkdocs.{t.language}.yml'}" for t in translations]
        print(f"Build it with: {' && '.join(builds)}")
        return 0
    except GuideError as err:
        print(err.report(), file=sys.stderr)
        print(f"{err}; nothing was built.", file=sys.stderr)
        return 1
    except GeneratorError as err:  # the output folder cannot be used, or the machine lacks something
        print(f"error: {err}", file=sys.stderr)
        return 1


def _report_check(project: Project, questions: int, categories: int, scripts: int) -> None:
    print(
        f"OK: {_count(questions, 'question')} in {_count(categories, 'category', 'categories')} "
        f"and {_count(scripts, 'outreach script')} "
        f"({project.bank.name}, {project.templates.name}/)"
    )


def _report_schemas(project: Project, written: list[Path]) -> None:
    """Say which editor schemas were brought up to date with the bank's categories and tags."""
    for path in written:
        shown = path.relative_to(project.root).as_posix()
        print(f"Updated {shown}, which your editor reads to complete and check")


def _report_warnings(warnings: list[Problem]) -> None:
    """Warnings one per line, then how many: they stop nothing, and check still succeeds."""
    if not warnings:
        return
    sys.stdout.flush()  # after the OK line, also when both go to one file
    for warning in warnings:
        print(warning, file=sys.stderr)
    print(
        f"{_count(len(warnings), 'warning')} about near-duplicate questions; they do not stop the build.",
        file=sys.stderr,
    )


def _stamp(project: Project, translations: list[Translation]) -> int:
    """Write the fingerprints of translated entries that have none; stale ones wait for a person's review."""
    stamps = tuple(stamp for translation in translations for stamp in translation.stamps)
    for path in write_stamps(project.root, stamps):
        print(f"Stamped {path}")
    print(f"{_count(len(stamps), 'translation')} marked as made from the English as it is now.")
    return 0


def _report_translations(project: Project, translations: list[Translation]) -> int:
    """Each missing or out-of-date translation, one per line: a strict build stops on them, so check fails."""
    warnings = [warning for translation in translations for warning in translation.warnings]
    if not warnings:
        return 0
    sys.stdout.flush()
    for warning in warnings:
        print(warning, file=sys.stderr)
    strict = bool(project.config.get("strict"))
    outcome = (
        "mkdocs.yml sets strict: true, so the build stops on them"
        if strict
        else "the English stands in for them"
    )
    print(f"{_count(len(warnings), 'translation')} missing or out of date; {outcome}.", file=sys.stderr)
    return 1 if strict else 0


def _count(number: int, singular: str, plural: str = "") -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


if __name__ == "__main__":
    sys.exit(main())
