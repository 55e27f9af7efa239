"""Our style sheets are published minified; Material's and the generated ones stay as they are."""

from __future__ import annotations

from pathlib import Path

from generator.minify import minify_assets

OURS = (
    "/* A comment for maintainers. */\n.md-typeset .guide-pick {\n  margin: 0 0 1rem;\n}\n\n"
    "@media print {\n  .guide-pick { display: none; }\n}\n"
)


def test_only_our_style_sheets_are_minified(tmp_path: Path) -> None:
    sheets = tmp_path / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    for name in ("tools.css", "main.1234abcd.min.css", "institution.css", "print-margin.css"):
        (sheets / name).write_text(OURS, encoding="utf-8")
    script = tmp_path / "assets" / "javascripts" / "tools.js"
    script.parent.mkdir(parents=True)
    script.write_text("// kept as written\n", encoding="utf-8")
    minify_assets(tmp_path)
    assert (sheets / "tools.css").read_text(encoding="utf-8") == (
        ".md-typeset .guide-pick{margin:0 0 1rem}@media print{.guide-pick{display:none}}"
    )
    for name in ("main.1234abcd.min.css", "institution.css", "print-margin.css"):
        assert (sheets / name).read_text(encoding="utf-8") == OURS, name
    assert script.read_text(encoding="utf-8") == "// kept as written\n"
