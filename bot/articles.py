"""Reading article files: validation, the optional header, and HTML reduced to main text.

Formats (DESIGN.md): plain text with optional ``Source:``/``Date:``/``Title:`` header lines
before the first blank line; the seed files' `` date YYYY-MM-DD`` prefix on the first line;
HTML pages, reduced to their main text with trafilatura.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

MAX_ARTICLE_BYTES = 2 * 1024 * 1024  # longest real article pages are ~300 kB of HTML
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm"})

_SEED_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*")
_HEADER_LINE = re.compile(r"^(source|date|title|url|published)\s*:\s*(.*)$", re.IGNORECASE)
_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)


class ArticleError(ValueError):
    """An article that cannot be read; the message is shown to the user as one line."""


@dataclass(frozen=True)
class ParsedArticle:
    text: str
    title: str | None = None
    source: str | None = None  # URL or outlet name from the header
    published: date | None = None
    content_hash: str = ""

    @property
    def url(self) -> str | None:
        if self.source and self.source.startswith(("http://", "https://")):
            return self.source
        return None


def parse_date(value: str) -> date | None:
    """ISO dates and datetimes, RFC 2822 (feeds); 'unknown' or garbage gives None."""
    value = value.strip()
    if not value or value.lower() in {"unknown", "none", "n/a"}:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def decode_article(raw: bytes, name: str) -> str:
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"{name}: file is {len(raw) / 1_048_576:.1f} MB, over the "
            f"{MAX_ARTICLE_BYTES // 1_048_576} MB limit for one article"
        )
    if b"\x00" in raw[:8192]:
        raise ArticleError(f"{name}: looks like a binary file, not an article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"{name}: not valid UTF-8 (byte {error.start}); save the article as UTF-8"
        ) from None
    if not text.strip():
        raise ArticleError(f"{name}: file is empty")
    return text


def _html_to_text(html: str) -> tuple[str, str | None, date | None]:
    import trafilatura  # heavy import, only needed for HTML

    text = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta and meta.title else None
    published = parse_date(meta.date) if meta and meta.date else None
    return text, title, published


def _split_header(text: str) -> tuple[dict[str, str], str]:
    seed = _SEED_DATE.match(text)
    if seed:
        return {"date": seed.group(1)}, text[seed.end() :]
    lines = text.lstrip("\n").split("\n")
    header: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            if header:
                return header, "\n".join(lines[index + 1 :])
            break
        match = _HEADER_LINE.match(line.strip())
        if not match:
            break
        header[match.group(1).lower()] = match.group(2).strip()
    else:
        if header:  # a file of header lines only
            return header, ""
    return ({}, text) if not header else (header, "\n".join(lines[len(header) :]))


def parse_article_text(text: str, name: str = "article", *, is_html: bool = False) -> ParsedArticle:
    header, body = _split_header(text)
    title = header.get("title") or None
    published = parse_date(header.get("date") or header.get("published") or "")
    if is_html or _HTML_START.match(body):
        body, html_title, html_date = _html_to_text(body)
        title = title or html_title
        published = published or html_date
    body = body.strip()
    if not body:
        raise ArticleError(f"{name}: no article text found")
    source = header.get("source") or header.get("url") or None
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return ParsedArticle(
        text=body, title=title, source=source, published=published, content_hash=digest
    )


def read_article(path: Path) -> ParsedArticle:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ArticleError(f"{path}: is a folder, not an article file") from None
    except PermissionError:
        raise ArticleError(f"{path}: permission denied") from None
    text = decode_article(raw, str(path))
    return parse_article_text(text, str(path), is_html=path.suffix.lower() in {".html", ".htm"})


def collect_article_paths(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Expand folders (recursively, article suffixes only, sorted); report missing paths."""
    found: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not files:
                problems.append(f"{path}: folder has no article files (.txt, .md, .html)")
            found.extend(files)
        elif path.exists():
            found.append(path)
        else:
            problems.append(f"{path}: no such file or folder")
    return found, problems
