"""The page policy: which inline scripts it allows by hash, and where it and the preloads go in the head."""

from __future__ import annotations

import base64
import hashlib

from generator.site.csp import inline_script_hashes, with_policy


def _source(text: str) -> str:
    """The CSP source that allows an inline script with this text."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode('utf-8')).digest()).decode('ascii')}'"


def test_only_the_inline_scripts_a_browser_runs_are_hashed_once_each() -> None:
    page = (
        "<head><script>var a = 1;</script>"
        '<script src="x.js"></script>'
        '<script type="application/json">{"b": 2}</script>'
        '<script type="module">import "./c.js";</script>'
        "</head><body><p>é ’</p><script>var a = 1;</script>"
        "<script TYPE='text/javascript'>\nvar d = '<b>';\n</script></body>"
    )
    assert inline_script_hashes(page) == [
        _source("var a = 1;"),
        _source('import "./c.js";'),
        _source("\nvar d = '<b>';\n"),
    ]


def test_a_script_left_open_is_not_hashed() -> None:
    assert inline_script_hashes("<head><script>var a = 1;</script><script>var b") == [_source("var a = 1;")]
    assert inline_script_hashes("<head><script") == []


def test_the_policy_opens_the_head_and_the_preloads_close_it() -> None:
    page = '<html><head lang="en"><title>T</title><script>go()</script></head><body>x</body></html>'
    links = '<link rel="modulepreload" href="a.js">\n'
    meta = (
        '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
        f"script-src 'self' {_source('go()')}; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'self'; form-action 'self'\">"
    )
    assert with_policy(page, links) == (
        f'<html><head lang="en">{meta}<title>T</title><script>go()</script>{links}</head>'
        "<body>x</body></html>"
    )
    assert with_policy(page) == page.replace('<head lang="en">', f'<head lang="en">{meta}')


def test_a_page_without_a_head_is_left_as_it_is() -> None:
    assert with_policy("<header>no head</header>", "<link>") == "<header>no head</header>"
