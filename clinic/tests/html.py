"""A small HTML reader for page tests: title, meta, canonical, headings, JSON-LD."""

import json
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class PageReader(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.h1s: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.landmarks: list[str] = []
        self.scripts: list[dict] = []
        self.jsonld_raw: list[str] = []
        self._stack: list[str] = []
        self._in_jsonld = False
        self.feed(html)
        self.jsonld = [json.loads(raw) for raw in self.jsonld_raw]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in VOID:
            self._stack.append(tag)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag == "meta" and "name" in attrs:
            self.meta[attrs["name"]] = attrs.get("content", "")
        if tag == "link" and "rel" in attrs:
            self.links[attrs["rel"]] = attrs.get("href", "")
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag in ("header", "nav", "main", "footer"):
            self.landmarks.append(tag)
        if tag == "h1":
            self.h1s.append("")
        if tag == "script":
            self.scripts.append(attrs)
            self._in_jsonld = attrs.get("type") == "application/ld+json"
            if self._in_jsonld:
                self.jsonld_raw.append("")

    def handle_endtag(self, tag):
        if tag in self._stack:
            while self._stack.pop() != tag:
                pass
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld_raw[-1] += data
        elif "title" in self._stack and "svg" not in self._stack:
            self.title += data
        elif "h1" in self._stack:
            self.h1s[-1] += data

    def jsonld_of_type(self, type_name: str) -> dict:
        found = [block for block in self.jsonld if block.get("@type") == type_name]
        assert len(found) == 1, f"expected one {type_name}, found {len(found)}"
        return found[0]


def read(response) -> PageReader:
    return PageReader(response.content.decode())
