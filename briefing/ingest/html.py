"""HTML pages saved as text: recognise them and keep only their visible text.

Public API:

- `looks_like_html(text)` -> True only for a clear HTML document, not prose mentioning a tag.
- `html_to_text(text)` -> the visible text, blocks as lines; script, style, nav and forms dropped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["looks_like_html", "html_to_text"]

_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_HTML_TAG = re.compile(r"<(?:html|head|body|meta|title|div|p|br|script|style|span|a|li|ul|h[1-6])\b[^<>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """True only when the text is clearly an HTML document, not prose mentioning a tag."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    low = text[:200000].lower()
    if "<body" in low and "</body>" in low:
        return True
    if "<html" in low and "</html>" in low:
        return True
    lines = [ln for ln in text[:200000].split("\n") if ln.strip()]
    if len(lines) < 2:
        return False
    tag_lines = sum(1 for ln in lines if _HTML_TAG.match(ln.strip()))
    return low.count("<p") >= 3 and tag_lines >= 0.5 * len(lines)


_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5",
    "h6", "article", "section", "header", "blockquote", "figure", "figcaption", "main", "pre",
    "hr", "dd", "dt", "dl", "title", "address", "center",
}
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav", "aside", "form", "button",
         "iframe", "select", "object", "embed", "canvas", "math", "figcaption"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False
        self.has_h1 = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if tag in _SKIP and tag != "head":
            self.skip += 1
        if tag == "h1":
            self.has_h1 = True
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in _SKIP and tag != "head" and self.skip:
            self.skip -= 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
            return
        if self.skip:
            return
        self.parts.append(data.replace("\n", " "))


def html_to_text(text: str) -> str:
    """Visible text of an HTML page: blocks become lines; script, style, nav and forms dropped."""
    parser = _TextExtractor()
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # HTMLParser is lenient, but never let a page sink ingest
        return re.sub(r"<[^<>]{0,2000}>", " ", text)
    body = "".join(parser.parts)
    if not parser.has_h1 and parser.title:
        title = " ".join("".join(parser.title).split())
        title = re.split(r"\s+[|\u2013\u2014]\s+|\s+-\s+(?=[^-]*$)", title)[0].strip()
        if title:
            body = title + "\n" + body
    return body
