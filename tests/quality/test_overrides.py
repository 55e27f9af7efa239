"""Our copies of Material's templates (overrides/) are Material's own plus the documented changes.

When Material is upgraded and changes one of these partials, this fails: copy the new partial and
make the change again, so the site never runs an old copy of the theme's markup.
"""

from __future__ import annotations

from pathlib import Path

import material
import pytest
from sitebuild import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
GENERATED = "{#-\n  This file was automatically generated - do not edit\n-#}\n"

# override -> [(Material's text, our text)]: the only changes made to Material's partial
CHANGES = {
    "partials/nav.html": [
        (
            "      {{ item.render(nav_item, path, 1) }}\n",
            "      {{ item.render(nav_item, path, 1) | replace(' tabindex=\"\"', '') }}\n",
        )
    ],
    "partials/toc.html": [
        (
            '    <label class="md-nav__title" for="__toc">\n',
            "    {% set section_index = page.is_index and page.parent"
            ' and "navigation.indexes" in features %}\n'
            "    {% set has_toggle = page in nav.pages and not section_index %}\n"
            '    <label class="md-nav__title"{% if has_toggle %} for="__toc"{% endif %}>\n',
        ),
        (  # as Zensical's own toc.html does: it renders the partial in a macro, which has no `lang`
            '{% set title = lang.t("toc") %}\n',
            '{% import "partials/language.html" as lang with context %}\n{% set title = lang.t("toc") %}\n',
        ),
    ],
}


# override -> what in Material's templates it stands for: templates we write whole, each still used
# by Material as it is named (so an upgrade that drops or renames it fails here).
REPLACED = {
    "partials/alternate.html": ("partials/header.html", '{% include "partials/alternate.html" %}'),
    "404.html": ("404.html", "{% block content %}"),
    "main.html": ("base.html", "{% block extrahead %}{% endblock %}"),
}


def without_comment(text: str) -> str:
    """The template without its leading {#- ... -#} comment."""
    assert text.startswith("{#-"), "the template should start with a comment saying what it is"
    return text[text.index("-#}\n") + 4 :]


@pytest.mark.parametrize("name", list(CHANGES))
def test_override_is_materials_template_with_its_changes(name: str) -> None:
    original = (MATERIAL / name).read_text(encoding="utf-8")
    ours = (OVERRIDES / name).read_text(encoding="utf-8")
    expected = without_comment(original)
    for theirs, mine in CHANGES[name]:
        assert original.count(theirs) == 1, f"Material's {name} changed: copy it again and redo the changes"
        expected = expected.replace(theirs, mine)
    assert without_comment(ours) == expected, (
        f"overrides/{name} differs from Material's {name} by more than the documented changes"
    )


def test_every_override_is_checked() -> None:
    overrides = sorted(
        path.relative_to(OVERRIDES).as_posix() for path in OVERRIDES.rglob("*") if path.is_file()
    )
    assert overrides == sorted([*CHANGES, *REPLACED])


@pytest.mark.parametrize("name", list(REPLACED))
def test_a_replaced_template_is_still_where_material_looks(name: str) -> None:
    template, text = REPLACED[name]
    assert text in (MATERIAL / template).read_text(encoding="utf-8"), f"Material's {template} changed"
    assert without_comment((OVERRIDES / name).read_text(encoding="utf-8")).strip(), name
