"""What the handouts add to the site's Markdown pages: sizes on download links, and a line for print."""

from __future__ import annotations

import html
import posixpath
import re

from markupsafe import escape
from msgspec import Struct, field

from ..bank import english_words, front_matter_end, outside_code
from ..model import Words
from ..site import site_url
from .catalogue import DOWNLOADS

DOWNLOAD_LINK = re.compile(r"\[(?P<text>[^\]\n]+?)\]\((?P<url>[^)\s]*" + DOWNLOADS + r"/[a-z0-9-]+\.pdf)\)")
HEADING = re.compile(r"^#\s+(?P<title>.+?)\s*(?:\{[^}]*\})?\s*#*\s*$")
# A size already given after a link's text, in any language's words: "(PDF, 212 KB)", "(PDF, 1,2 Mo)"
ALREADY_SIZED = re.compile(r"\(PDF, [\d.,]+\s\w{1,3}\)$")
PRINT_SOURCE_CLASS = "guide-print-source"


def size_label(size: int, words: Words | None = None) -> str:
    """A file size as readers expect it next to a download link: 'PDF, 212 KB' (in `words`, else English)."""
    words = words or english_words()
    if size >= 1_000_000:
        megabytes = f"{size / 1_000_000:.1f}".replace(".", words("label.decimalSeparator"))
        return words("print.sizeMegabytes", size=megabytes)
    return words("print.sizeKilobytes", size=max(1, round(size / 1000)))


class PageAdditions(Struct, frozen=True):
    """Adds each handout's size to links that download it, and a print-only line naming the source."""

    institution: str
    site_name: str
    site_url: str
    directory_urls: bool
    sizes: dict[str, int] = field(default_factory=dict)
    words: Words | None = None  # the sizes' words; None for the generator's English

    def apply(self, markdown: str, src_uri: str) -> str:
        """The page's Markdown with the additions (front matter, if any, is left as it is)."""
        lines = markdown.split("\n")
        start = _body_start(lines)
        heading_at: int | None = None
        downloads = DOWNLOADS in markdown  # without a download link, nothing after the heading changes
        for number, line in outside_code(markdown if start == 0 else "\n".join(lines[start:])):
            index = start + number - 1
            if downloads and DOWNLOADS in line:
                lines[index] = DOWNLOAD_LINK.sub(lambda match: self._sized(match, src_uri), line)
            if heading_at is None and line.startswith("#") and HEADING.match(line):
                heading_at = index
                if not downloads:
                    break
        source = self._source(lines, heading_at, src_uri)
        source = f'<p class="{PRINT_SOURCE_CLASS}" data-search-exclude>{source}</p>'
        if heading_at is None:
            return "\n".join([*lines, "", source, ""])
        return "\n".join([*lines[: heading_at + 1], "", source, "", *lines[heading_at + 1 :]])

    def _sized(self, match: re.Match[str], src_uri: str) -> str:
        """One download link with its file's size after its text."""
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), match["url"]))
        size = self.sizes.get(target)
        text = match["text"]
        if size is None or ALREADY_SIZED.search(text):
            return match[0]
        return f"[{text} ({size_label(size, self.words)})]({match['url']})"

    def _source(self, lines: list[str], heading_at: int | None, src_uri: str) -> str:
        """The centre's name, the page title and its address, as escaped HTML."""
        title = _plain(HEADING.match(lines[heading_at])["title"]) if heading_at is not None else ""  # type: ignore[index]
        url = site_url(src_uri, self.directory_urls)
        address = self.site_url.rstrip("/") + "/" + url if self.site_url else "/" + url
        parts = [self.institution, title or self.site_name, address]
        return "".join(f'<span class="{PRINT_SOURCE_CLASS}__part">{escape(part)}</span>' for part in parts)


def _plain(markdown: str) -> str:
    """A heading's Markdown as the plain text a reader sees."""
    text = re.sub(r"(?<!\\)[*`]", "", markdown)
    text = re.sub(r"(?<!\\)<[^>]+>", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return " ".join(html.unescape(text).split())


def _body_start(lines: list[str]) -> int:
    """The index of the first line after YAML front matter (0 when there is none)."""
    end = front_matter_end(lines)
    return 0 if end is None else end + 1
