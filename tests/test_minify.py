"""Our style sheets and scripts are published minified; Material's and the generated ones stay as they are."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from generator.errors import GuideError, Problem
from generator.site.minify import NO_ESBUILD_NOTE, minify_assets

OURS = (
    "/* A comment for maintainers. */\n.md-typeset .guide-pick {\n  margin: 0 0 1rem;\n}\n\n"
    "@media print {\n  .guide-pick { display: none; }\n}\n"
)
MODULE = (
    "// Why this module is as it is.\n"
    'import { store } from "../core/store.js";\n\n'
    "/** Add up the answers. */\n"
    "export function total(answers) {\n"
    "  const words = `${answers.length} answers, ${`nested ${answers[0]}`}`;\n"
    "  return words;\n"
    "}\n"
)
MATERIAL = "!function(){/* Material's own, already minified */}();\n"


def site_with_assets(root: Path) -> Path:
    """A built site's assets folder with ours and Material's style sheets and scripts."""
    sheets = root / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    for name in ("tools.css", "main.1234abcd.min.css", "institution.css", "print-margin.css"):
        (sheets / name).write_text(OURS, encoding="utf-8")
    scripts = root / "assets" / "javascripts"
    for name in ("tools.js", "core/sum.js", "picker/picker.js"):
        (scripts / name).parent.mkdir(parents=True, exist_ok=True)
        (scripts / name).write_text(MODULE, encoding="utf-8")
    for name in ("bundle.a5f9d56c.min.js", "lunr/min/lunr.fr.min.js", "workers/search.f8cc74c7.min.js"):
        (scripts / name).parent.mkdir(parents=True, exist_ok=True)
        (scripts / name).write_text(MATERIAL, encoding="utf-8")
    return root


def test_only_our_style_sheets_and_scripts_are_minified(tmp_path: Path) -> None:
    site = site_with_assets(tmp_path / "site")
    assert minify_assets(site, tmp_path / "cache") == []
    sheets, scripts = site / "assets" / "stylesheets", site / "assets" / "javascripts"
    assert (sheets / "tools.css").read_text(encoding="utf-8") == (
        ".md-typeset .guide-pick{margin:0 0 1rem}@media print{.guide-pick{display:none}}"
    )
    for name in ("main.1234abcd.min.css", "institution.css", "print-margin.css"):
        assert (sheets / name).read_text(encoding="utf-8") == OURS, name
    for name in ("tools.js", "core/sum.js", "picker/picker.js"):
        text = (scripts / name).read_text(encoding="utf-8")
        assert "//" not in text and "/**" not in text and "\n  " not in text, text
        assert text.startswith('import"../core/store.js";export function total('), text  # still a module
        assert "nested ${" in text, text  # the nested template literal survives
    for name in ("bundle.a5f9d56c.min.js", "lunr/min/lunr.fr.min.js", "workers/search.f8cc74c7.min.js"):
        assert (scripts / name).read_text(encoding="utf-8") == MATERIAL, name


def test_minified_module_behaves_as_written(tmp_path: Path) -> None:
    site = tmp_path / "site"
    script = site / "assets" / "javascripts" / "core" / "sum.js"
    script.parent.mkdir(parents=True)
    script.write_text(MODULE.replace('import { store } from "../core/store.js";\n', ""), encoding="utf-8")
    minify_assets(site, None)
    run = 'import("./site/assets/javascripts/core/sum.js").then((m) => console.log(m.total(["a", "b"])))'
    done = subprocess.run(
        ["node", "--input-type=module", "-e", run], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.stdout == "2 answers, nested a\n", done.stderr


def test_an_unchanged_script_comes_from_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    minify_assets(site_with_assets(tmp_path / "first"), cache)
    entries = sorted(cache.glob("*.js"))
    assert len(entries) == 1  # three files with the same text: one entry
    entries[0].write_text("/* from the cache */\n", encoding="utf-8")
    second = site_with_assets(tmp_path / "second")
    minify_assets(second, cache)
    assert (second / "assets/javascripts/tools.js").read_text(encoding="utf-8") == "/* from the cache */\n"


def test_without_esbuild_scripts_stay_as_written_and_the_build_says_why(tmp_path: Path) -> None:
    site = site_with_assets(tmp_path / "site")
    path = os.environ["PATH"]
    try:
        os.environ["PATH"] = str(tmp_path / "no-such-folder")
        notes = minify_assets(site, tmp_path / "cache")
    finally:
        os.environ["PATH"] = path
    assert notes == [NO_ESBUILD_NOTE]
    assert "machine has no esbuild (install the Debian package esbuild)" in NO_ESBUILD_NOTE
    assert (site / "assets/javascripts/tools.js").read_text(encoding="utf-8") == MODULE
    assert (site / "assets/stylesheets/tools.css").read_text(encoding="utf-8") != OURS  # CSS needs no esbuild


def test_a_script_with_a_mistake_is_reported_at_its_line(tmp_path: Path) -> None:
    site = site_with_assets(tmp_path / "site")
    broken = site / "assets" / "javascripts" / "picker" / "picker.js"
    broken.write_text("const a = 1;\nlet b c = 2;\n", encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        minify_assets(site, tmp_path / "cache", docs="content")
    assert caught.value.problems == [
        Problem(
            "content/assets/javascripts/picker/picker.js",
            2,
            7,
            'JavaScript error: Expected ";" but found "c"',
        )
    ]


def test_the_bundle_s_files_are_left_as_it_made_them(tmp_path: Path) -> None:
    site = site_with_assets(tmp_path / "site")
    assert minify_assets(site, None, bundled={"tools.js", "picker/picker.js"}) == []
    scripts = site / "assets" / "javascripts"
    assert (scripts / "tools.js").read_text(encoding="utf-8") == MODULE
    assert (scripts / "picker/picker.js").read_text(encoding="utf-8") == MODULE
    assert (scripts / "core/sum.js").read_text(encoding="utf-8") != MODULE  # not in the bundle: minified
