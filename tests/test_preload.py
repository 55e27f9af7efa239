"""Each page preloads the modules and styles of the tools it has, read from tools.js and the imports."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from support import ROOT

from generator.site.preload import PreloadError, Tool, _href, has_place, preload_links, read_tools

SCRIPTS = ROOT / "content" / "assets" / "javascripts"


def scripts(root: Path, files: dict[str, str]) -> Path:
    """A scripts folder with these files."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


LOADER = 'const TOOLS = [\n  ["[data-thing]", "./thing/thing.js", "thing.css"],\n];\nimport("./later.js");\n'


def test_every_tool_of_the_guide_is_read_with_its_modules() -> None:
    tools = {tool.modules[0]: tool for tool in read_tools(SCRIPTS)}
    assert sorted(tools) == [
        "checklists/checklists.js",
        "picker/picker.js",
        "prep-sheet/prep-sheet.js",
        "studio/studio.js",
        "tracker/tracker.js",
    ]
    for entry, tool in tools.items():
        assert {"core/page.js", "core/store.js", "core/strings.js"} <= set(tool.modules), entry
        assert all((SCRIPTS / module).is_file() for module in tool.modules), entry
        assert tool.styles == ("tools.css", f"{entry.split('/')[0]}.css")


def test_imports_are_followed_over_lines_and_folders_and_dynamic_ones_are_left_to_load_later(
    tmp_path: Path,
) -> None:
    folder = scripts(
        tmp_path,
        {
            "tools.js": LOADER,
            "thing/thing.js": (
                'import {\n  a,\n  b,\n} from "../core/a.js";\n'
                'import "./words.js";\nconst c = import("./rare.js");\n'
            ),
            "thing/words.js": 'export { a } from "../core/a.js";\n',
            "core/a.js": '// import nothing from "./not-an-import.js";\nexport const a = 1;\n',
        },
    )
    assert read_tools(folder) == [
        Tool("[data-thing]", ("thing/thing.js", "core/a.js", "thing/words.js"), ("tools.css", "thing.css"))
    ]


def test_a_module_that_is_not_there_is_named(tmp_path: Path) -> None:
    folder = scripts(tmp_path, {"tools.js": LOADER, "thing/thing.js": 'import "./gone.js";\n'})
    with pytest.raises(PreloadError, match=r"cannot read .*thing/gone\.js"):
        read_tools(folder)


def test_a_site_without_the_tools_loader_has_no_tools_to_preload(tmp_path: Path) -> None:
    assert read_tools(tmp_path) == []


def test_a_loader_it_cannot_read_is_an_error_not_a_page_without_preloads(tmp_path: Path) -> None:
    with pytest.raises(PreloadError, match="declares no tool"):
        read_tools(scripts(tmp_path, {"tools.js": "const TOOLS = makeTools();\n"}))
    complex_place = LOADER.replace("[data-thing]", "main > [data-thing]")
    with pytest.raises(PreloadError, match="cannot match the place 'main > \\[data-thing\\]'"):
        read_tools(scripts(tmp_path, {"tools.js": complex_place, "thing/thing.js": ""}))


@pytest.mark.parametrize(
    ("selector", "html", "found"),
    [
        ("[data-prep-sheet]", '<div class="x" data-prep-sheet data-a="1"></div>', True),
        ("[data-prep-sheet]", "<p>Open the data-prep-sheet page</p>", False),
        ("ul.guide-checklist", '<ul class="contains-task-list guide-checklist">', True),
        ("ul.guide-checklist", '<ol class="guide-checklist">', False),
        (".guide-studio[data-script-id]", '<section class="guide-studio" data-script-id="thank-you">', True),
        (".guide-studio[data-script-id]", '<section class="guide-studio-x" data-script-id="x">', False),
    ],
)
def test_a_place_is_found_only_where_its_element_is(selector: str, html: str, found: bool) -> None:
    assert has_place(html, selector) is found


def test_links_go_before_the_head_ends_relative_to_the_page() -> None:
    tools = [Tool("[data-thing]", ("thing/thing.js", "core/a.js"), ("tools.css", "thing.css"))]
    html = "<html><head><title>T</title></head><body><div data-thing></div></body></html>"
    assert preload_links(html, "scripts/thank-you/", tools) == (
        "<html><head><title>T</title>"
        '<link rel="preload" as="style" href="../../assets/stylesheets/tools.css">\n'
        '<link rel="preload" as="style" href="../../assets/stylesheets/thing.css">\n'
        '<link rel="modulepreload" href="../../assets/javascripts/thing/thing.js">\n'
        '<link rel="modulepreload" href="../../assets/javascripts/core/a.js">\n'
        "</head><body><div data-thing></div></body></html>"
    )
    assert 'href="assets/javascripts/thing/thing.js"' in preload_links(html, "", tools)
    assert 'href="assets/javascripts/thing/thing.js"' in preload_links(html, "tracker.html", tools)
    without = "<html><head></head><body><p>No tools here.</p></body></html>"
    assert preload_links(without, "research/", tools) == without


def test_links_are_relative_to_the_page_as_relpath_makes_them() -> None:
    paths = ["assets/javascripts/tools.js", "assets/javascripts/picker/picker.js", "assets/stylesheets/a.css"]
    folders = [".", "research", "questions/career-path", "assets", "assets/javascripts", "assets/x"]
    for path in paths:
        for folder in folders:
            assert _href(path, folder) == posixpath.relpath(path, folder), (path, folder)
