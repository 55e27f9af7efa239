"""A strict Content Security Policy in each page: the site's own files only, and its own inline scripts.

Visitors type notes about real people into these pages, which an institution publishes beside pages it
does not control; the policy keeps any script that is not the site's own from running (one slip in
escaping would otherwise run a stranger's). Material writes three small scripts into each page (the
storage helpers, the colour scheme, the content tabs): each is allowed by the hash of its text, so no
`'unsafe-inline'` is needed. A `<meta>` cannot say `frame-ancestors`; content/advisors/publish.md gives
it, with the other headers, as server settings.
"""

from __future__ import annotations

import base64
import hashlib
import re

POLICY = (
    "default-src 'self'",
    "script-src 'self' {hashes}",
    "style-src 'self'",
    "img-src 'self' data:",  # Material's icons are data: URIs in its style sheets
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<text>.*?)</script>", re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]+)""")
_RUNS = {"", "module", "text/javascript", "application/javascript"}
_HEAD = re.compile(r"<head\b[^>]*>")


def inline_script_hashes(page: str) -> list[str]:
    """The CSP source (`'sha256-...'`) of each inline script of a page that a browser would run."""
    hashes: dict[str, None] = {}
    for found in _SCRIPT.finditer(page):
        attributes = found["attributes"]
        kind = _TYPE.search(attributes)
        if "src=" in attributes or (kind["type"].lower() if kind else "") not in _RUNS:
            continue
        digest = hashlib.sha256(found["text"].encode("utf-8")).digest()
        hashes[f"'sha256-{base64.b64encode(digest).decode('ascii')}'"] = None
    return list(hashes)


def policy(page: str) -> str:
    """The page's policy: POLICY with the hashes of its inline scripts."""
    return "; ".join(POLICY).replace("{hashes}", " ".join(inline_script_hashes(page))).replace(" ;", ";")


def with_policy(page: str) -> str:
    """The page with its policy as the first element of its head, before any script it governs."""
    head = _HEAD.search(page)
    if head is None:
        return page
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(page)}">'
    return page[: head.end()] + meta + page[head.end() :]
