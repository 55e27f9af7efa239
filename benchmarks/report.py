"""The build benchmarks' results as Markdown: the table by size, how the cost grows, the browser's numbers.

write_readme() puts them, with a line about the machine, between the markers in benchmarks/README.md.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

README = Path(__file__).resolve().parent / "README.md"
START_MARKER = "<!-- results:start -->"
END_MARKER = "<!-- results:end -->"


def table(data: dict[str, Any]) -> str:
    """The results as a Markdown table (readable as text too)."""
    sizes = data["sizes"]
    labels = list(sizes)
    lines = [
        "| step (median, wall seconds) | " + " | ".join(_size_title(sizes[k]) for k in labels) + " |",
        "|---|" + "---:|" * len(labels),
    ]
    steps = [
        ("clean build (site removed, PDFs cached)", "build_clean", "wall"),
        ("plain MkDocs, staged tree (the floor)", "plain_build", "wall"),
        ("rebuild, nothing changed", "rebuild_unchanged", "wall"),
        ("rebuild after editing one question (serve)", "serve_edit", "wall"),
        ("`python -m generator check`", "check", "wall"),
        ("PDF step, clean (cache emptied)", "pdf_clean", "wall"),
        ("PDF step, cached", "pdf_cached", "wall"),
    ]
    for title, step, key in steps:
        lines.append(f"| {title} | " + " | ".join(_cell(sizes[k].get(step), key) for k in labels) + " |")
    lines.append(
        "| CPU seconds: clean build / plain | " + " | ".join(_pair(sizes[k], "cpu") for k in labels) + " |"
    )
    lines.append(
        "| **overhead ratio** (plugin / plain, median of pairs) | "
        + " | ".join(_ratio(sizes[k]) for k in labels)
        + " |"
    )
    lines.append(
        "| peak memory, clean build / plain (MB) | "
        + " | ".join(_pair(sizes[k], "rss_mb") for k in labels)
        + " |"
    )
    lines.append(
        "| build ms per question, CPU (wall): clean build / questions | "
        + " | ".join(_per_question(sizes[k]) for k in labels)
        + " |"
    )
    lines.append(
        "| ours ms per question, CPU (wall): (plugin - plain) / questions | "
        + " | ".join(_ours_per_question(sizes[k]) for k in labels)
        + " |"
    )
    lines.append(
        "| ours in one process, best of 3 (ms): load / pages / JSON / handout plan | "
        + " | ".join(_stages(sizes[k]) for k in labels)
        + " |"
    )
    lines.append(
        "| the same, parsing the bank (parse cache not used): load, ms | "
        + " | ".join(
            f"{sizes[k]['stages']['load_parsing'] * 1000:.0f}" if "stages" in sizes[k] else "not measured"
            for k in labels
        )
        + " |"
    )
    text = "\n".join(lines)
    return text + "\n\n" + scaling(sizes) + stage_scaling(sizes) + browser_table(data)


def _stages(size: dict[str, Any]) -> str:
    stages = size.get("stages")
    if not stages:
        return "not measured"
    parts = [stages[key] * 1000 for key in ("load", "pages", "data", "handout_plan")]
    return " / ".join(f"{part:.0f}" for part in parts) + f" (sum {sum(parts):.0f})"


def stage_scaling(sizes: dict[str, Any]) -> str:
    """Our in-process stages' cost per added question between sizes: steady means linear."""
    points = [(s["questions"], s["stages"]) for s in sizes.values() if "stages" in s]
    if len(points) < 2:
        return ""
    keys = ("load", "pages", "data", "handout_plan")
    lines = [
        "Ours in one process (load with the parse cache, pages, JSON, handout plan), per added question:",
        "",
    ]
    for (n1, a), (n2, b) in itertools.pairwise(points):
        total = sum(b[k] - a[k] for k in keys) * 1000 / (n2 - n1)
        cold = (b["load_parsing"] - a["load_parsing"]) * 1000 / (n2 - n1)
        lines.append(
            f"- {n1:,} to {n2:,} questions: **{total:.3f} ms** per question "
            f"(parsing the bank instead of reading the parse cache: {cold:.3f} ms more for loading alone)"
        )
    return "\n".join(lines) + "\n\n"


def _size_title(size: dict[str, Any]) -> str:
    return f"{size.get('questions', '?'):,} q / {size.get('scripts', '?')} scripts"


def _cell(step: dict[str, Any] | None, key: str) -> str:
    if not step:
        return "not measured"
    if "skipped" in step:
        return str(step["skipped"])
    value = step.get(key)
    extra = f" ({step['runs']} run{'s' if step['runs'] != 1 else ''})" if step.get("runs", 0) < 2 else ""
    if "build" in step and step.get("build") == step.get("build"):
        return f"{value:.2f} (mkdocs: {step['build']:.2f}){extra}"
    return f"{value:.2f}{extra}" if isinstance(value, float) else "?"


def _pair(size: dict[str, Any], key: str) -> str:
    plugin, plain = size.get("build_clean"), size.get("plain_build")
    if not plugin or not plain:
        return "not measured"
    return (
        f"{plugin[key]:.1f} / {plain[key]:.1f}" if key == "cpu" else f"{plugin[key]:.0f} / {plain[key]:.0f}"
    )


def _ratio(size: dict[str, Any]) -> str:
    if "overhead_ratio" not in size:
        return "not measured"
    return f"**{size['overhead_ratio']:.2f}** (CPU {size['overhead_ratio_cpu']:.2f})"


def _per_question(size: dict[str, Any]) -> str:
    build = size.get("build_clean")
    if not build:
        return "not measured"
    return f"{build['cpu'] * 1000 / size['questions']:.1f} ({build['wall'] * 1000 / size['questions']:.1f})"


def _ours_per_question(size: dict[str, Any]) -> str:
    plugin, plain = size.get("build_clean"), size.get("plain_build")
    if not plugin or not plain:
        return "not measured"
    cpu = (plugin["cpu"] - plain["cpu"]) * 1000 / size["questions"]
    wall = (plugin["wall"] - plain["wall"]) * 1000 / size["questions"]
    return f"{cpu:.2f} ({wall:.2f})"


def scaling(sizes: dict[str, Any]) -> str:
    """Marginal cost per added question between sizes, flagged when ours grows (worse than linear).

    CPU time decides the flag: on a busy machine it is far steadier than wall time.
    """
    points = [
        (s["questions"], s["scripts"], s["build_clean"], s["plain_build"])
        for s in sizes.values()
        if "build_clean" in s and "plain_build" in s
    ]
    if len(points) < 2:
        return ""
    lines = ["Marginal cost per added question, clean build, in ms (ours = with the plugin minus plain):", ""]
    previous: float | None = None
    for (n1, s1, b1, p1), (n2, s2, b2, p2) in itertools.pairwise(points):
        cpu = _marginal("cpu", n2 - n1, (b1, b2), (p1, p2))
        wall = _marginal("wall", n2 - n1, (b1, b2), (p1, p2))
        flag = ""
        if previous is not None and cpu[2] > 1.25 * max(previous, 0.05):
            flag = "; ours grew by more than 25%: **worse than linear**"
        elif previous is not None:
            flag = f"; ours {cpu[2] / previous:.2f}x the previous step's: linear"
        scripts = f" (and {s2 - s1} more scripts)" if s2 != s1 else ""
        lines.append(
            f"- {n1:,} to {n2:,} questions{scripts}: CPU {cpu[0]:.2f} with the plugin, {cpu[1]:.2f} plain, "
            f"**{cpu[2]:.2f} ours**{flag} (wall {wall[0]:.2f}, {wall[1]:.2f}, {wall[2]:.2f})"
        )
        previous = cpu[2]
    return "\n".join(lines) + "\n\n"


def _marginal(key: str, added: int, plugin: tuple[Any, Any], plain: tuple[Any, Any]) -> tuple[float, ...]:
    """Milliseconds per added question: with the plugin, plain, and the difference (ours)."""
    with_plugin = (plugin[1][key] - plugin[0][key]) * 1000 / added
    without = (plain[1][key] - plain[0][key]) * 1000 / added
    return with_plugin, without, with_plugin - without


def browser_table(data: dict[str, Any]) -> str:
    """The browser measurements and the weight of our JavaScript and CSS."""
    lines = []
    found = data.get("browser") or {}
    if found.get("questions"):
        lines += [
            f"Browser (headless Chromium, 1280 px, {found['questions']:,} questions, bank page "
            f"{found['bank_page_mb']:.1f} MB):",
            "",
        ]
        for kind in ("search keystroke", "filter change"):
            if kind in found:
                item = found[kind]
                lines.append(
                    f"- {kind}: median {item['median_ms']:.1f} ms to filter and lay out, "
                    f"p95 {item['p95_ms']:.1f} ms, {item['frame_ms']:.1f} ms to the next frame "
                    f"(n={item['n']})"
                )
        if "first_render" in found:
            first = found["first_render"]
            lines.append(
                f"- first render of the question bank page: first contentful paint {first['fcp']:.0f} ms, "
                f"DOMContentLoaded {first['dom_content_loaded']:.0f} ms, load {first['load']:.0f} ms"
            )
        lines.append("")
    weights = data.get("weight")
    if weights and "pages" in weights:
        budget = weights["budget"]
        heaviest = max(item["gzip"] for item in weights["pages"].values())
        verdict = "within" if heaviest <= budget else "**over**"
        lines += [
            "Our JavaScript and CSS as each page fetches them (as served: CSS minified with rCSSmin, "
            "JavaScript with esbuild; each file gzip -9): "
            f"**at most {heaviest / 1000:.1f} KB** a page, {verdict} the {budget / 1000:.0f} KB budget. "
            f"All {weights['all_files']} of our files together: {weights['all_files_gzip'] / 1000:.1f} KB "
            f"gzipped ({weights['all_files_raw'] / 1000:.1f} KB as served); no page fetches them all.",
            "",
            "| page | files | JS gzip | CSS gzip | total gzip | bytes as served |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for path, item in weights["pages"].items():
            lines.append(
                f"| {path} | {item['files']} | {item['js_gzip']:,} | {item['css_gzip']:,} | "
                f"**{item['gzip']:,}** | {item['raw']:,} |"
            )
        lines.append("")
    return "\n".join(lines)


def _runs(data: dict[str, Any]) -> str:
    """How many runs each size's builds had, and when it was measured."""
    return ", ".join(
        f"{size.get('questions', label)} questions {size.get('build_clean', {}).get('runs', '?')}"
        + (f" (measured {size['measured']})" if "measured" in size else "")
        for label, size in data["sizes"].items()
    )


def write_readme(data: dict[str, Any]) -> None:
    """Put the table (and the machine line) between the markers in benchmarks/README.md."""
    m = data["machine"]
    versions = ", ".join(f"{name} {v}" for name, v in m["versions"].items())
    block = (
        f"{START_MARKER}\n"
        f"Measured {m['date']} on {m['cpus']} CPUs, {m['memory']} memory, load average at the start "
        f"{m['load_start']} (end {data.get('load_end', '?')}); Python {m['python']}; {versions}. "
        f"Medians; runs per size: {_runs(data)}.\n\n"
        f"{table(data)}"
        f"{END_MARKER}"
    )
    text = (
        README.read_text(encoding="utf-8")
        if README.exists()
        else f"# Benchmarks\n\n{START_MARKER}\n{END_MARKER}\n"
    )
    if START_MARKER not in text:
        text += f"\n{START_MARKER}\n{END_MARKER}\n"
    start, end = text.index(START_MARKER), text.index(END_MARKER) + len(END_MARKER)
    README.write_text(text[:start] + block + text[end:], encoding="utf-8")
    print(f"wrote the table into {README}")
