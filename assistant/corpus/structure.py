"""Split a document's paragraphs into sections along its real headings.

Two strategies (chosen per document in sources.yml):
- generic: a heading is a short stand-alone line, capitalised, with no sentence punctuation,
  after a paragraph that ended a sentence (so link lists after "go to:" stay text);
- numbered: the numbered sections that the document's own table of contents lists
  ("8.3 Initial Response Principles"), found in order in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.corpus.sources import SourceDocument

MAX_HEADING_WORDS = 12
_NO_HEADING_END = tuple(".,;:!?\"”’")
_PREVIOUS_ENDS = tuple(".!?\"”’)")


@dataclass
class Section:
    path: list[str]
    paragraphs: list[str] = field(default_factory=list)
    number: str | None = None


def looks_like_heading(text: str, previous: str | None) -> bool:
    words = text.split()
    if not words or len(words) > MAX_HEADING_WORDS:
        return False
    if text.endswith(_NO_HEADING_END) or text.startswith(("-", "•", "*", "(", "[", "<")):
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    if re.search(r"\d[\d,.]*%?$", text) and len(words) > 1 and not re.match(r"^\d", text):
        return False  # table rows ending in figures
    if re.fullmatch(r"[\d.,%£ ]+", text) or "%" in text or re.search(r"\d{3}", text):
        return False  # figures and table rows
    if text[0].isdigit():
        return False  # numbered headings are found by the `numbered` strategy
    if len(words) > 1 and sum(len(w) <= 2 for w in words) * 2 > len(words):
        return False  # letter-spaced chart labels ("D e vo n")
    return previous is None or previous.endswith(_PREVIOUS_ENDS) or looks_like_heading_quick(previous)


def looks_like_heading_quick(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= MAX_HEADING_WORDS and not text.endswith(_NO_HEADING_END) and text[0].isupper()


def generic_sections(paragraphs: list[str], doc: SourceDocument) -> list[Section]:
    level1 = [re.compile(p) for p in doc.level1]
    not_headings = set(doc.not_headings)
    extra = set(doc.extra_headings)
    sections = [Section(path=[doc.title])]
    top: str | None = None
    previous: str | None = None
    for i, text in enumerate(paragraphs):
        is_last = i == len(paragraphs) - 1
        heading = text in extra or (
            text not in not_headings and not is_last and looks_like_heading(text, previous)
        )
        if heading:
            if any(p.match(text) for p in level1) or not level1:
                top = text
                path = [text]
            else:
                path = [top, text] if top else [text]
            if sections[-1].paragraphs or len(sections) > 1 or sections[-1].path != [doc.title]:
                sections.append(Section(path=path))
            else:
                sections[-1] = Section(path=path)
        else:
            sections[-1].paragraphs.append(text)
        previous = text
    return [s for s in _merge_empty(sections) if s.paragraphs]


def _merge_empty(sections: list[Section]) -> list[Section]:
    """A heading directly followed by a sub-heading (a chapter title, then its first
    section) keeps only the deeper path; a run of empty headings otherwise vanishes."""
    out: list[Section] = []
    for section in sections:
        if out and not out[-1].paragraphs and section.path[:-1] == out[-1].path[-1:] and len(section.path) > 1:
            out[-1] = section
        else:
            out.append(section)
    return out


_TOC_ENTRY = re.compile(r"^(\d+(?:\.\d+)*)\.?\t(.+?)\t\d+\s*$")


def toc_entries(raw_lines: list[str]) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2).strip()) for line in raw_lines if (m := _TOC_ENTRY.match(line.strip()))]


def numbered_sections(paragraphs: list[str], raw_lines: list[str], doc: SourceDocument) -> list[Section]:
    """Sections start at body paragraphs that begin with the next table-of-contents number."""
    entries = toc_entries(raw_lines)
    titles = dict(entries)
    titles.setdefault('', '')
    position = 0
    starts: dict[int, str] = {}
    for number, title in entries:
        pattern = re.compile(rf"^{re.escape(number)}\.?(\s|$)")
        candidates = [j for j in range(position, len(paragraphs)) if pattern.match(paragraphs[j])]
        # a numbered list item ("12. Ensuring privacy ...") can carry a section's number:
        # prefer the line whose words begin like the table-of-contents title
        first_word = _norm(title).split(" ")[0]
        chosen = next((j for j in candidates if _norm(pattern.sub("", paragraphs[j], count=1)).startswith(first_word)),
                      candidates[0] if candidates else None)
        if chosen is not None:
            starts[chosen] = number
            position = chosen + 1
    if not starts:
        return generic_sections(paragraphs, doc)
    first = min(starts)
    sections = generic_sections(paragraphs[:first], doc) if first else []
    current: Section | None = None
    for j in range(first, len(paragraphs)):
        text = paragraphs[j]
        if j in starts:
            number = starts[j]
            parts = number.split(".")
            path = [f"{'.'.join(parts[:k])} {titles['.'.join(parts[:k])]}" for k in range(1, len(parts) + 1)
                    if '.'.join(parts[:k]) in titles]
            current = Section(path=path, number=number)
            sections.append(current)
            rest = re.sub(rf"^{re.escape(number)}\.?\s*", "", text)
            # a heading line that is only the title is not body text; "3.1 Domestic abuse is
            # defined as:" is, so it stays as the first paragraph
            if rest and rest.rstrip(". ").lower() != titles[number].rstrip(". ").lower() and \
                    not _same_title(rest, titles[number]):
                current.paragraphs.append(text)
        elif current is not None and not (not current.paragraphs and _same_title(text, titles[current.number or ''])):
            current.paragraphs.append(text)
    return [s for s in sections if s.paragraphs]


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("&", "and")).strip()


def _same_title(text: str, title: str) -> bool:
    norm = _norm

    return norm(text) == norm(title) or norm(text).startswith(norm(title)) and len(text.split()) <= len(title.split()) + 3 \
        and not text.rstrip().endswith((":", "."))
