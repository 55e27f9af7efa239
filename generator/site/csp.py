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
_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]+)""")
_RUNS = {"", "module", "text/javascript", "application/javascript"}
_HEAD = re.compile(r"<head\b[^>]*>")


def inline_script_hashes(page: str) -> list[str]:
    """The CSP source (`'sha256-...'`) of each inline script of a page that a browser would run."""
    hashes: dict[str, None] = {}
    # str.find, not a regular expression: a page at 1,000 questions is 110 KB, and every one is read whole.
    start = page.find("<script")
    while start != -1:
        opened = page.find(">", start)
        closed = page.find("</script>", opened) if opened != -1 else -1
        if closed == -1:
            break
        attributes = page[start + 7 : opened]
        kind = _TYPE.search(attributes)
        if "src=" not in attributes and (kind["type"].lower() if kind else "") in _RUNS:
            digest = hashlib.sha256(page[opened + 1 : closed].encode("utf-8")).digest()
            hashes[f"'sha256-{base64.b64encode(digest).decode('ascii')}'"] = None
        start = page.find("<script", closed + 9)
    return list(hashes)


def policy(page: str) -> str:
    """The page's policy: POLICY with the hashes of its inline scripts."""
    return "; ".join(POLICY).replace("{hashes}", " ".join(inline_script_hashes(page))).replace(" ;", ";")


def with_policy(page: str, end_of_head: str = "") -> str:
    """The page with its policy as the first element of its head, and `end_of_head` as the last.

    Both go in with one copy of the page, which at 1,000 questions costs more than finding the scripts.
    """
    head = _HEAD.search(page)
    if head is None:
        return page
    closing = page.find("</head>", head.end())
    closing = head.end() if closing == -1 else closing
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(page)}">'
    return "".join((page[: head.end()], meta, page[head.end() : closing], end_of_head, page[closing:]))
