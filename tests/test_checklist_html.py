"""The staged tree's checklists, written out as HTML, render exactly as the extension renders them."""

from __future__ import annotations

import markdown

from generator.site.checklist_html import MARKDOWN_EXTENSIONS, task_lists_as_html
from generator.site.checklist_markdown import ChecklistExtension

PAGE = """# Before

Intro with a [link](index.md).

- [ ] Read about the [organization](index.md) {#before-read step=prepare}
- [x] Pack *two* pens & a <notebook> {#before-pack}
* [ ] No id yet

```markdown
- [ ] An example in a code block {#not-an-item}
```

- [ ] An item that goes on {#long}
  over a second line

- An ordinary list
"""


def test_written_out_checklists_render_as_the_extension_renders_them() -> None:
    staged = task_lists_as_html(PAGE)
    assert staged.count('markdown="span"') == 3  # the code block and the two-line item stay Markdown
    assert "- [ ] An example in a code block {#not-an-item}" in staged
    assert "- [ ] An item that goes on {#long}\n  over a second line" in staged
    with_extension = markdown.markdown(
        PAGE, extensions=[*MARKDOWN_EXTENSIONS, "fenced_code", ChecklistExtension()]
    )
    written_out = markdown.markdown(staged, extensions=[*MARKDOWN_EXTENSIONS, "fenced_code"])
    assert written_out.split("<pre>")[0] == with_extension.split("<pre>")[0]
    assert '<a href="index.md">organization</a>' in written_out  # links are still the engine's to resolve


def test_a_page_without_task_lists_is_unchanged() -> None:
    text = "# Title\n\n- one\n- two\n\n`- [ ] inline code`\n"
    assert task_lists_as_html(text) == text
