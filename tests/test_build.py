"""Real MkDocs builds of small projects: what the build produces, and what it refuses."""

from __future__ import annotations

import json
import re
from pathlib import Path

from support import generator, mkdocs_build, snapshot

from generator.site.offline import ICONS, MANIFEST, WORKER

XSS = "<img src=x onerror=alert(1)>"


def test_build_produces_pages_and_data_at_stable_urls(minimal: Path) -> None:
    content_before = snapshot(minimal / "content")
    result = mkdocs_build(minimal)
    assert result.returncode == 0, result.stderr
    site = minimal / "site"
    for page in ("questions", "questions/career-path", "questions/advice", "scripts", "scripts/thank-you"):
        assert (site / page / "index.html").is_file(), page
    category = (site / "questions/career-path/index.html").read_text()
    for question_id in ("likes-best", "first-job"):
        assert re.search(rf'id="{question_id}"[^>]*data-question-id="{question_id}"', category)
    index = (site / "questions/index.html").read_text()
    assert index.count("data-question-id=") == 3
    script = (site / "scripts/thank-you/index.html").read_text()
    assert (
        '<mark class="guide-field" data-field="contact_name" title="Contact&#39;s name">Ms. Chen</mark>'
        in script
    )
    assert snapshot(minimal / "content") == content_before
    assert not list(minimal.glob(".site*"))


def test_json_carries_what_the_browser_tools_need(minimal: Path) -> None:
    assert mkdocs_build(minimal).returncode == 0
    questions = json.loads((minimal / "site/questions.json").read_text())
    assert questions["version"] == 1
    assert [c["id"] for c in questions["categories"]] == ["career-path", "advice"]
    assert questions["categories"][0]["question_ids"] == ["likes-best", "first-job"]
    first = questions["questions"][0]
    assert first["url"] == "questions/career-path/#likes-best"
    assert first["tags"] == {"purpose": ["exploring", "job-search"]}
    assert first["starter"] is True and first["source"] == "seed"
    assert questions["questions"][1]["tags"] == {"purpose": ["job-search"]}
    scripts = json.loads((minimal / "site/scripts.json").read_text())
    thank_you = scripts["scripts"][0]
    assert thank_you["budget"] == {"unit": "words", "limit": 60}
    assert [f["id"] for f in thank_you["fields"]] == ["contact_name", "what_you_learned"]
    assert thank_you["subject_parts"] == [{"text": "Thank you, "}, {"field": "contact_name"}]
    assert thank_you["example"]["subject"] == "Thank you, Ms. Chen"
    assert thank_you["example"]["body"].startswith("Dear Ms. Chen,\n\nThank you")
    assert thank_you["example"]["length"] == len(thank_you["example"]["body"].split())


def test_markup_in_data_is_shown_as_text_everywhere(minimal: Path) -> None:
    bank = minimal / "question_bank.yaml"
    bank.write_text(
        bank.read_text()
        .replace("How did you find your first job in this field?", f'"{XSS} and *stars*?"')
        .replace("title: Advice", 'title: "Advice <b>now</b> *please* </title><script>alert(2)</script>"')
    )
    script = minimal / "email_templates/thank-you.txt"
    script.write_text(script.read_text().replace("example: Ms. Chen", "example: <script>alert(1)</script>"))
    result = mkdocs_build(minimal)
    assert result.returncode == 0, result.stderr
    pages = {p: p.read_text() for p in (minimal / "site").rglob("*.html")}
    for path, html in pages.items():
        assert "<img src=x" not in html and "<script>alert" not in html and "<b>now" not in html, path
    assert (
        "&lt;img src=x onerror=alert(1)&gt; and *stars*?"
        in pages[minimal / "site/questions/career-path/index.html"]
    )
    assert "Advice &lt;b&gt;now&lt;/b&gt; *please*" in pages[minimal / "site/questions/advice/index.html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[minimal / "site/scripts/thank-you/index.html"]
    data = json.loads((minimal / "site/questions.json").read_text())
    assert data["questions"][1]["text"] == f"{XSS} and *stars*?"


def test_crlf_bom_accents_and_emoji_are_valid(minimal: Path) -> None:
    bank = minimal / "question_bank.yaml"
    text = bank.read_text().replace("What advice would", "Quel conseil 🎉 would")
    bank.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    script = minimal / "email_templates/thank-you.txt"
    script.write_bytes(script.read_text().replace("Ms. Chen", "Mme Bélanger").replace("\n", "\r\n").encode())
    check = generator(minimal, "check")
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("OK: 3 questions in 2 categories and 1 outreach script ")
    assert mkdocs_build(minimal).returncode == 0
    assert "Quel conseil 🎉 would" in (minimal / "site/questions/advice/index.html").read_text()
    scripts = json.loads((minimal / "site/scripts.json").read_text())
    assert "\r" not in scripts["scripts"][0]["body"]
    assert scripts["scripts"][0]["example"]["subject"] == "Thank you, Mme Bélanger"


def test_a_strict_warning_also_keeps_the_last_site(minimal: Path) -> None:
    assert mkdocs_build(minimal).returncode == 0
    before = snapshot(minimal / "site")
    (minimal / "content/index.md").write_text("# Home\n\nSee [a missing page](missing.md).\n")
    result = mkdocs_build(minimal)
    assert result.returncode == 1
    assert "missing.md" in result.stderr
    assert snapshot(minimal / "site") == before
    assert not list(minimal.glob(".site*"))


def test_a_content_file_may_not_shadow_a_generated_page(minimal: Path) -> None:
    (minimal / "content/questions").mkdir()
    (minimal / "content/questions/index.md").write_text("# Mine\n")
    result = generator(minimal, "check")
    assert result.returncode == 0
    build = mkdocs_build(minimal)
    assert build.returncode == 1
    assert (
        "content/questions/index.md:1:1: this file has the same path as a page the build generates"
        in build.stderr
    )


POLICY = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
OFFLINE_FILES = {WORKER, MANIFEST, *ICONS.values()}


def test_stage_builds_the_same_site_with_plain_mkdocs(minimal: Path, tmp_path: Path) -> None:
    assert mkdocs_build(minimal).returncode == 0
    staged = tmp_path / "staged"
    result = generator(minimal, "stage", str(staged))
    assert result.returncode == 0, result.stderr
    config = (staged / "mkdocs.yml").read_text()
    assert "- guide" not in config and "- search" in config
    assert mkdocs_build(staged).returncode == 0
    # The plugin's pages carry a security policy with the hashes of their inline scripts, which plain
    # MkDocs cannot work out (site/csp.py), and the plugin alone writes the offline worker and the app's
    # manifest and icons (site/offline.py); everything else is the same.
    plugin_site = {
        k: POLICY.sub(b"", v)
        for k, v in snapshot(minimal / "site").items()
        if not k.startswith("sitemap.xml") and k not in OFFLINE_FILES
    }
    assert set(snapshot(minimal / "site")) >= OFFLINE_FILES
    plain_site = {k: v for k, v in snapshot(staged / "site").items() if not k.startswith("sitemap.xml")}
    assert sorted(plain_site) == sorted(plugin_site)
    different = [path for path in plugin_site if plain_site[path] != plugin_site[path]]
    assert different in ([], ["search/search_index.json"])
    search = [json.loads(site["search/search_index.json"]) for site in (plugin_site, plain_site)]
    assert sorted(search[0]["docs"], key=str) == sorted(search[1]["docs"], key=str)
    again = generator(minimal, "stage", str(staged))
    assert again.returncode == 0
    assert not (staged / "site").exists()


def test_stage_refuses_a_folder_it_did_not_make(minimal: Path, tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine/notes.txt").write_text("keep me")
    result = generator(minimal, "stage", str(tmp_path / "mine"))
    assert result.returncode == 1
    assert "is not empty and was not made by 'stage'" in result.stderr
    assert (tmp_path / "mine/notes.txt").read_text() == "keep me"


def test_checklist_items_carry_their_ids_and_steps(minimal: Path) -> None:
    result = mkdocs_build(minimal)
    assert result.returncode == 0, result.stderr
    html = (minimal / "site/checklists/index.html").read_text()
    item = '<li class="guide-checklist__item" data-checklist-item="before-pick" data-step="prepare"'
    item += ' id="before-pick">'
    label = '<label class="guide-checklist__label"><input name="before-pick" type="checkbox" />'
    assert f"{item}{label} Pick five questions</label></li>" in html
    assert "{#" not in html
    data = json.loads((minimal / "site/checklists.json").read_text())
    assert [(c["id"], [i["id"] for i in c["items"]]) for c in data["checklists"]] == [
        ("before", ["before-read", "before-pick"]),
        ("after", ["after-thanks"]),
    ]
    assert data["checklists"][0]["items"][0] == {
        "id": "before-read",
        "text": "Read about the [organization](index.md)",
        "step": "prepare",
        "step_url": "prepare/",
    }


def test_institution_settings_brand_pages_scripts_and_colours(minimal: Path) -> None:
    config = minimal / "mkdocs.yml"
    settings = (
        "extra:\n  institution:\n    name: Lakeshore Career Centre\n    parent: Lakeshore College\n"
        "    email: careers@lakeshore.example\n    colours:\n      primary: '#1b5e20'\n"
    )
    config.write_text(config.read_text().replace("theme:", settings + "theme:", 1))
    page = minimal / "content/prepare.md"
    page.write_text(
        "# Prepare\n\nWrite to the {{ institution.name }} at {{ institution.email }}.\n\n"
        "```\n{{ institution.name }} stays as written in code.\n```\n\n"
        "Also `{{ institution.nope }}` in a span.\n"
    )
    script = minimal / "email_templates/thank-you.txt"
    script.write_text(
        script.read_text().replace("Kind regards", "Kind regards, via the {{ institution.name }}")
    )
    result = mkdocs_build(minimal)
    assert result.returncode == 0, result.stderr
    html = (minimal / "site/prepare/index.html").read_text()
    assert "Write to the Lakeshore Career Centre at careers@lakeshore.example." in html
    assert "{{ institution.name }} stays as written in code." in html
    assert "<code>{{ institution.nope }}</code>" in html
    assert "Lakeshore Career Centre, Lakeshore College" in html
    assert "assets/stylesheets/institution.css" in html
    css = (minimal / "site/assets/stylesheets/institution.css").read_text()
    assert "--md-primary-fg-color: #1b5e20;" in css
    scripts = json.loads((minimal / "site/scripts.json").read_text())
    assert scripts["scripts"][0]["body_parts"][-1] == {
        "text": ".\n\nKind regards, via the Lakeshore Career Centre"
    }
