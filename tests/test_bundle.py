"""The tools' modules are bundled by esbuild into entries and shared chunks that behave as written."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from support import ROOT, copy_minimal, mkdocs_build, snapshot

from generator.errors import GuideError, Problem
from generator.site.bundle import BundleError, bundle_entries, bundle_scripts, bundled_tools
from generator.site.preload import Tool, read_tools

SCRIPTS = ROOT / "content" / "assets" / "javascripts"
MODULES = {
    "tools.js": 'import { greet } from "./core/words.js";\nexport const loader = greet("loader");\n',
    "one/one.js": (
        'import { greet } from "../core/words.js";\n'
        "export async function run() {\n"
        '  const { later } = await import("./later.js");\n'
        '  return [greet("one"), later()].join(" / ");\n'
        "}\n"
    ),
    "one/later.js": 'export function later() {\n  return "loaded when used";\n}\n',
    "two/two.js": 'import { greet } from "../core/words.js";\nexport const two = greet("two");\n',
    "core/words.js": "// Shared by all.\nexport function greet(name) {\n  return `hello, ${name}`;\n}\n",
}
ENTRIES = ["tools.js", "one/one.js", "two/two.js"]


def scripts(root: Path, files: dict[str, str]) -> Path:
    """A scripts folder with these files."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def written(root: Path, files: dict[str, str]) -> Path:
    """The bundle's files written out under `root`, as a site would serve them."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def run_module(folder: Path, module: str, expression: str) -> str:
    """What node prints for `expression` (over the module's exports, as `m`)."""
    code = f'import("./{module}").then(async (m) => console.log(await {expression}))'
    done = subprocess.run(
        ["node", "--input-type=module", "-e", code], cwd=folder, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_entries_keep_their_paths_and_share_a_chunk_that_behaves_as_written(tmp_path: Path) -> None:
    made = bundle_scripts(scripts(tmp_path / "src", MODULES), ENTRIES, {}, None, "content")
    assert made is not None
    assert set(ENTRIES) <= set(made.files)
    assert made.inputs == frozenset(MODULES)
    site = written(tmp_path / "site", made.files)
    assert run_module(site, "one/one.js", "m.run()") == "hello, one / loaded when used"
    assert run_module(site, "two/two.js", "m.two") == "hello, two"
    # One shared chunk for the words, imported statically by each entry; the module loaded on demand is
    # a chunk of its own, fetched only when used, so no page preloads it.
    shared = [path for path in made.files if path.startswith("chunks/chunk-")]
    assert len(shared) == 1
    later = [path for path in made.files if path.startswith("chunks/later-")]
    assert len(later) == 1
    assert made.closures["one/one.js"] == ("one/one.js", shared[0])
    assert made.closures["two/two.js"] == ("two/two.js", shared[0])
    assert all("//" not in text for text in made.files.values())  # minified as it is bundled


def test_a_translation_s_module_takes_the_place_of_the_english_one(tmp_path: Path) -> None:
    overlay = {"core/words.js": "export function greet(name) {\n  return `bonjour, ${name}`;\n}\n"}
    made = bundle_scripts(scripts(tmp_path / "src", MODULES), ENTRIES, overlay, None, "content")
    assert made is not None
    site = written(tmp_path / "site", made.files)
    assert run_module(site, "two/two.js", "m.two") == "bonjour, two"
    assert (tmp_path / "src" / "core" / "words.js").read_text(encoding="utf-8") == MODULES["core/words.js"]


def test_an_unchanged_bundle_comes_from_the_cache_and_a_damaged_one_is_made_again(tmp_path: Path) -> None:
    source, cache = scripts(tmp_path / "src", MODULES), tmp_path / "cache"
    first = bundle_scripts(source, ENTRIES, {}, cache, "content")
    [kept] = sorted(cache.glob("*.json"))
    record = json.loads(kept.read_text(encoding="utf-8"))
    record["files"]["tools.js"] = "/* from the cache */"
    kept.write_text(json.dumps(record), encoding="utf-8")
    again = bundle_scripts(source, ENTRIES, {}, cache, "content")
    assert again is not None and again.files["tools.js"] == "/* from the cache */"
    kept.write_text('{"files": {"tools.js": ', encoding="utf-8")  # cut short, as by a full disk
    assert bundle_scripts(source, ENTRIES, {}, cache, "content") == first
    (source / "two" / "two.js").write_text('export const two = "changed";\n', encoding="utf-8")
    changed = bundle_scripts(source, ENTRIES, {}, cache, "content")
    assert changed is not None and changed != first and len(list(cache.glob("*.json"))) == 2


def test_a_module_with_a_mistake_is_reported_at_its_line_in_the_docs(tmp_path: Path) -> None:
    broken = {**MODULES, "core/words.js": "export const a = 1;\nlet b c = 2;\n"}
    with pytest.raises(GuideError) as caught:
        bundle_scripts(scripts(tmp_path / "src", broken), ENTRIES, {}, None, "content")
    assert caught.value.problems == [
        Problem(
            "content/assets/javascripts/core/words.js", 2, 7, 'JavaScript error: Expected ";" but found "c"'
        )
    ]


def test_an_import_of_a_missing_module_is_reported_where_it_is_imported(tmp_path: Path) -> None:
    broken = {**MODULES, "two/two.js": 'import { gone } from "./gone.js";\nexport const two = gone;\n'}
    with pytest.raises(GuideError) as caught:
        bundle_scripts(scripts(tmp_path / "src", broken), ENTRIES, {}, None, "content")
    [problem] = caught.value.problems
    assert (problem.path, problem.line, problem.col) == ("content/assets/javascripts/two/two.js", 1, 22)
    assert 'Could not resolve "./gone.js"' in problem.message


def test_a_module_reading_import_meta_must_stay_at_its_depth(tmp_path: Path) -> None:
    # core/page.js finds the site's root from its own URL; shared chunks sit one folder down, as core/ does.
    at_depth = {
        **MODULES,
        "core/words.js": MODULES["core/words.js"] + "export const here = import.meta.url;\n",
    }
    assert bundle_scripts(scripts(tmp_path / "deep", at_depth), ENTRIES, {}, None, "content") is not None
    shallow = {
        "tools.js": 'import { here } from "./root.js";\nexport const a = here;\n',
        "one/one.js": 'import { here } from "../root.js";\nexport const b = here;\n',
        "root.js": 'export const here = new URL("./", import.meta.url);\n',
    }
    with pytest.raises(BundleError, match=r"assets/javascripts/root\.js, which reads import\.meta\.url"):
        bundle_scripts(
            scripts(tmp_path / "shallow", shallow), ["tools.js", "one/one.js"], {}, None, "content"
        )


def test_without_esbuild_there_is_no_bundle_and_tools_keep_their_modules(tmp_path: Path) -> None:
    path = os.environ["PATH"]
    try:
        os.environ["PATH"] = str(tmp_path / "no-such-folder")
        made = bundle_scripts(scripts(tmp_path / "src", MODULES), ENTRIES, {}, None, "content")
    finally:
        os.environ["PATH"] = path
    assert made is None
    tools = [Tool("[data-one]", ("one/one.js", "core/words.js"), ("tools.css", "one.css"))]
    assert bundled_tools(tools, None) == tools


def test_the_guide_s_tools_preload_their_entry_and_chunks_but_not_what_loads_on_demand() -> None:
    class Script:
        def __init__(self, path: str, type: str) -> None:
            self.path, self.type = path, type

    tools = read_tools(SCRIPTS)
    loaded = [Script("assets/javascripts/theme/keyboard.js", "module"), Script("assets/javascripts/x.js", "")]
    entries = bundle_entries(loaded, tools)
    assert entries == ["theme/keyboard.js", *(tool.modules[0] for tool in tools)]  # a classic script is not
    made = bundle_scripts(SCRIPTS, [*entries, "tools.js"], {}, None, "content")
    assert made is not None
    for before, after in zip(tools, bundled_tools(tools, made), strict=True):
        assert after.modules[0] == before.modules[0] and after.styles == before.styles
        assert all(path == after.modules[0] or path.startswith("chunks/chunk-") for path in after.modules)
        assert set(after.modules) <= set(made.files)
        assert set(before.modules) <= made.inputs  # every module the tool imports went into the bundle
    on_demand = {"drag", "share-incoming", "timer-run", "pitch-who", "zone-field", "dialog-view"}
    assert on_demand <= {path.split("/")[1].rsplit("-", 1)[0] for path in made.files if "/" in path}


def project_with_tools(tmp_path: Path) -> Path:
    """The minimal project with a loader and a checklist tool of its own, loaded as the guide's are."""
    project = copy_minimal(tmp_path)
    loader = (
        'import { greet } from "./core/words.js";\n'
        'const TOOLS = [\n  ["ul.guide-checklist", "./checklists/checklists.js", "checklists.css"],\n];\n'
        "export const tools = [greet(TOOLS.length)];\n"
    )
    tool = 'import { greet } from "../core/words.js";\nexport const ticked = greet("ticks");\n'
    scripts(
        project / "content" / "assets" / "javascripts",
        {"tools.js": loader, "checklists/checklists.js": tool, "core/words.js": MODULES["core/words.js"]},
    )
    config = project / "mkdocs.yml"
    extra = "extra_javascript:\n  - path: assets/javascripts/tools.js\n    type: module\n"
    config.write_text(config.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return project


def test_the_site_serves_the_bundle_and_its_pages_preload_it(tmp_path: Path) -> None:
    project = project_with_tools(tmp_path)
    done = mkdocs_build(project)
    assert done.returncode == 0, done.stderr
    served = project / "site" / "assets" / "javascripts"
    names = sorted(path.relative_to(served).as_posix() for path in served.rglob("*.js"))
    [chunk] = [name for name in names if name.startswith("chunks/")]
    assert [name for name in names if not name.startswith(("chunks/", "lunr/", "workers/", "bundle."))] == [
        "checklists/checklists.js",
        "tools.js",
    ]  # core/words.js is in the chunk, not served on its own
    page = (project / "site" / "checklists" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="modulepreload" href="../assets/javascripts/{chunk}">' in page
    assert '<link rel="modulepreload" href="../assets/javascripts/checklists/checklists.js">' in page
    assert "core/words.js" not in page
    assert run_module(served, "checklists/checklists.js", "m.ticked") == "hello, ticks"


def test_a_module_with_a_mistake_stops_the_build_and_keeps_the_last_site(tmp_path: Path) -> None:
    project = project_with_tools(tmp_path)
    assert mkdocs_build(project).returncode == 0
    before = snapshot(project / "site")
    words = project / "content" / "assets" / "javascripts" / "core" / "words.js"
    words.write_text("export const a = 1;\nlet b c = 2;\n", encoding="utf-8")
    done = mkdocs_build(project)
    assert done.returncode != 0
    assert 'content/assets/javascripts/core/words.js:2:7: JavaScript error: Expected ";" but found "c"' in (
        done.stderr
    )
    assert "Traceback" not in done.stderr and "nothing was built and the last site was kept" in done.stderr
    assert snapshot(project / "site") == before
