"""Story text clean-up before parsing: boilerplate lines that are not the story.

News pages carry site menus, bylines, share prompts and "Check also"/"Read more" blocks
that list other stories' headlines. Those lines are dropped before parsing so that they
cannot produce events; a block introduced by a marker line runs until a blank line.
"""

from __future__ import annotations

import re

__all__ = ["clean_text", "story_body"]

_MARKER = re.compile(
    r"^\s*(?:check also|see also|read also|also read|read more|related(?: stories| articles| news)?"
    r"|more on this|recommended|you may also like|most read|trending|latest news|more stories"
    r"|advertisement|share this(?: article)?|follow us|sign up|subscribe)\b\s*[:\-–—|>»]*",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^\s*(?:by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:\s*(?:,|and)\s*[A-Z][\w.'-]+"
    r"(?:\s+[A-Z][\w.'-]+){0,3})*\s*$|(?:posted|published|updated|last updated)\s*(?:on|:|at)?\s*\S.*$"
    r"|copyright\b.*$|©.*$|all rights reserved.*$|photo:.*$|image:.*$|file photo.*$)",
    re.IGNORECASE,
)
_MENU = re.compile(r"^\s*(?:[\w&'’.-]+(?:\s[\w&'’.-]+)?\s*(?:\||•|·|›|»)\s*){2,}[\w&'’.-]*\s*$")


def clean_text(text: str) -> str:
    """Drop boilerplate lines; keep every other line (and the paragraph breaks) as it is."""
    if "\n" not in text and not _MARKER.match(text) and not _BYLINE.match(text):
        return text
    out: list[str] = []
    in_block = False
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            in_block = False
            out.append("")
            continue
        marker = _MARKER.match(stripped)
        if marker:
            rest = stripped[marker.end():].strip()
            # "Check also" alone starts a block; "Check also: headline" is one line.
            in_block = not rest
            continue
        if in_block or _BYLINE.match(stripped) or _MENU.match(stripped):
            continue
        out.append(line)
    # Paragraphs end sentences: a headline without a full stop must not run into the text.
    return "\n\n".join(p for p in "\n".join(out).split("\n\n") if p.strip()).strip()


def story_body(text: str) -> str:
    """The text to parse: boilerplate dropped (:func:`clean_text`) and the dateline
    ("KABUL, Oct 3 (Reuters) -") cut off, since it is context (the story's place and
    date), not a sentence of the story."""
    from .geo.dateline import find_dateline

    cleaned = clean_text(text)
    found = find_dateline(cleaned)
    if found is None:
        return cleaned
    _, start, end = found
    return (cleaned[:start] + cleaned[end:]).strip()
