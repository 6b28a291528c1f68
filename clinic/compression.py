"""Compressed copies of cached public pages, chosen by the visitor's Accept-Encoding.

A page is compressed once, when it is stored in the page cache, and each copy is
served as is until the content version changes. Only pages the page cache keeps are
ever compressed: those carry no CSRF token, cookie or patient data, so a compressed
length can tell an attacker nothing secret (BREACH). Forms, the manage page and the
admin are never compressed.
"""

import gzip
import re

import brotli

# The order we prefer when a browser accepts both.
ENCODINGS = ("br", "gzip")
# Smaller pages gain nothing worth the header bytes.
MIN_LENGTH = 200

_TOKEN = re.compile(r"^\s*([a-z0-9*-]+)\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$", re.IGNORECASE)


def accepted(header: str) -> set[str]:
    """The encodings of an Accept-Encoding header, without those refused by q=0."""
    found = set()
    for part in header.split(","):
        match = _TOKEN.match(part)
        if not match:
            continue
        name, quality = match.group(1).lower(), match.group(2)
        try:
            if quality is not None and float(quality) <= 0:
                continue
        except ValueError:
            continue
        found.add(name)
    return found


def choose(header: str, available) -> str:
    """The encoding to send ('' for none) among those `available`."""
    names = accepted(header)
    for encoding in ENCODINGS:
        if encoding in available and (encoding in names or "*" in names):
            return encoding
    return ""


def compress_all(content: bytes) -> dict[str, bytes]:
    """Every encoding of `content` worth sending (none for a tiny page)."""
    if len(content) < MIN_LENGTH:
        return {}
    # mtime=0: the same page always compresses to the same bytes.
    variants = {
        "br": brotli.compress(content, mode=brotli.MODE_TEXT, quality=11),
        "gzip": gzip.compress(content, compresslevel=9, mtime=0),
    }
    return {name: data for name, data in variants.items() if len(data) < len(content)}
