"""Page furniture removal and paragraph rebuilding, without rewording.

The seeds are text extracted from web pages and PDFs: page markers (OFFICIAL), page numbers,
table-of-contents lines, footnote blocks and lines broken at the page width. Everything here
only deletes furniture or joins broken lines; words are never changed, so every passage of the
built corpus can be found, in order, in its seed (tests/corpus checks exactly that).
"""

from __future__ import annotations

import re

from assistant.corpus.sources import SourceDocument

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_RUN = re.compile(f"[{SUPERSCRIPTS}]+")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_TOC_LINE = re.compile(r"^\d+(\.\d+)*\.?\t.*\t\d+\s*$")
_SEPARATOR = re.compile(r"^ {20,}$")
_BULLET_START = re.compile(r"^(?:[-•*]\s|\d+\.\s)")
_TERMINAL = tuple(".!?:;\"”’")
_CONTINUES = re.compile(r"(?:[,(–-]|\b(?:and|or|of|the|a|an|to|in|for|with|by|on|that|is|are|be)\s*)$")


def _blank(line: str) -> bool:
    return not line.strip()


def crop(lines: list[str], doc: SourceDocument) -> list[str]:
    """Keep the lines from `start_at` up to (not including) `stop_at`."""
    start, stop = 0, len(lines)
    if doc.start_at:
        pattern = re.compile(doc.start_at)
        start = next((i for i, line in enumerate(lines) if pattern.match(line.strip())), 0)
    if doc.stop_at:
        pattern = re.compile(doc.stop_at)
        stop = next((i for i in range(start, len(lines)) if pattern.match(lines[i].strip())), len(lines))
    return lines[start:stop]


def drop_separator_footnotes(lines: list[str]) -> tuple[list[str], set[str]]:
    """Remove PDF footnote blocks: a line of spaces, then numbered notes, until the page resumes.

    The page resumes at a page-number line, or at a line that follows a non-blank line directly
    (the notes themselves are separated by blank lines or start after a bare note number).
    Returns the kept lines and the footnote numbers seen (to drop their markers in the text).
    """
    kept: list[str] = []
    numbers: set[str] = set()
    i = 0
    while i < len(lines):
        if not _SEPARATOR.match(lines[i]):
            kept.append(lines[i])
            i += 1
            continue
        i += 1
        while i < len(lines):
            line, previous = lines[i], lines[i - 1]
            stripped = line.strip()
            if _PAGE_NUMBER.match(line) and not re.fullmatch(r"\d{1,3}", line):
                i += 1  # " 10 " page number: end of this page's notes
                break
            if re.fullmatch(r"\d{1,3}", stripped):
                numbers.add(stripped)
            elif (stripped and not _blank(previous) and not re.fullmatch(r"\d{1,3}", previous.strip())
                  and not stripped.startswith("http") and not _SEPARATOR.match(previous)):
                break  # text right after text: the next page has started
            i += 1
    return kept, numbers


def drop_superscript_footnotes(lines: list[str]) -> list[str]:
    """Footnote lines start with a superscript number; inline markers are removed from the text."""
    kept = [line for line in lines if not (line.strip() and line.strip()[0] in SUPERSCRIPTS)]
    return [_SUPERSCRIPT_RUN.sub("", line) for line in kept]


def drop_marker_digits(text: str, numbers: set[str]) -> str:
    """Remove footnote markers glued to a word ("concern2 in", "reports.4") for known notes."""
    if not numbers:
        return text

    def replace(match: re.Match[str]) -> str:
        return match.group(1) if match.group(2) in numbers else match.group(0)

    return re.sub(r"([A-Za-z][.,;:’”)]?)(\d{1,3})(?=\s|$)", replace, text)


def drop_furniture(lines: list[str], doc: SourceDocument) -> list[str]:
    patterns = [re.compile(p) for p in doc.drop_lines]
    kept = []
    for line in lines:
        stripped = line.strip()
        if _PAGE_NUMBER.match(line) and stripped:
            continue
        if _TOC_LINE.match(stripped):
            continue
        if any(p.match(stripped) for p in patterns):
            continue
        kept.append(line)
    return kept


def paragraphs(lines: list[str]) -> list[str]:
    """Join lines into paragraphs: blank lines separate, unless the text plainly runs on
    (no sentence end before, lower-case word after, or a dangling connective).

    PDF pages start with a line indented by one space; when that line is a short title and
    the text goes straight on below it, the title stands alone (it is a heading)."""
    blocks: list[str] = []
    current: list[str] = []
    page_block = False
    for line in lines:
        if _blank(line):
            if current:
                blocks.append(" ".join(current))
                current = []
            continue
        stripped = re.sub(r"\s+", " ", line.strip())
        page_start = line.startswith(" ") and not line.startswith("  ")
        title_alone = page_block and len(current) == 1 and _title_like(current[0]) and not stripped[:1].islower()
        if current and (_BULLET_START.match(stripped) or page_start or title_alone):
            blocks.append(" ".join(current))
            current = []
        if not current:
            page_block = page_start
        current.append(stripped)
    if current:
        blocks.append(" ".join(current))

    merged: list[str] = []
    for block in blocks:
        if merged and runs_on(merged[-1], block):
            merged[-1] = f"{merged[-1]} {block}"
        else:
            merged.append(block)
    return merged


def _title_like(text: str) -> bool:
    return len(text.split()) <= 12 and not text.endswith(_TERMINAL + (",",)) and text[:1].isupper()


def runs_on(previous: str, block: str) -> bool:
    if previous.endswith(_TERMINAL) or _BULLET_START.match(block):
        return False
    first = block[0]
    if first.islower():
        return True
    return bool(_CONTINUES.search(previous)) and not previous.startswith(("-", "•"))


def leading_space_bullets(lines: list[str]) -> list[str]:
    """PDF bullets lost their glyph and kept two leading spaces: mark them as list items."""
    return [f"- {line.strip()}" if re.match(r"^  \S", line) else line for line in lines]
