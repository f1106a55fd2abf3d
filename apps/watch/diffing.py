"""A readable word-level diff between two versions of a policy's text.

Lines (paragraphs) are aligned first, then changed paragraphs are compared word by word, so a
one-word edit in a long policy shows as one word, and moved or rewritten paragraphs still read
as paragraphs. The result is plain data; templates render it with autoescaping (``<ins>`` and
``<del>`` around escaped words), so nothing in a fetched page can inject markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

Op = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class Segment:
    op: Op
    text: str


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the diff: unchanged, added, removed, changed (mixed segments), or a gap
    standing for ``skipped`` unchanged paragraphs left out around the changes."""

    kind: Literal["same", "added", "removed", "changed", "gap"]
    segments: tuple[Segment, ...]
    skipped: int = 0


@dataclass(frozen=True)
class Diff:
    paragraphs: tuple[Paragraph, ...]
    words_added: int
    words_removed: int

    @property
    def changed(self) -> bool:
        return bool(self.words_added or self.words_removed)


def _words(line: str) -> list[str]:
    return line.split(" ")


def _word_segments(old: str, new: str) -> tuple[list[Segment], int, int]:
    a, b = _words(old), _words(new)
    segments: list[Segment] = []
    added = removed = 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            segments.append(Segment("equal", " ".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            segments.append(Segment("delete", " ".join(a[i1:i2])))
            removed += i2 - i1
        if tag in ("insert", "replace"):
            segments.append(Segment("insert", " ".join(b[j1:j2])))
            added += j2 - j1
    return segments, added, removed


def word_diff(old: str, new: str, *, context: int | None = None) -> Diff:
    """Compare two normalised texts (one paragraph per line).

    ``context``: keep only this many unchanged paragraphs around each change (None keeps all).
    """
    old_lines, new_lines = old.splitlines(), new.splitlines()
    paragraphs: list[Paragraph] = []
    added = removed = 0
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            paragraphs.extend(
                Paragraph("same", (Segment("equal", line),)) for line in old_lines[i1:i2]
            )
        elif tag == "delete":
            for line in old_lines[i1:i2]:
                paragraphs.append(Paragraph("removed", (Segment("delete", line),)))
                removed += len(_words(line))
        elif tag == "insert":
            for line in new_lines[j1:j2]:
                paragraphs.append(Paragraph("added", (Segment("insert", line),)))
                added += len(_words(line))
        else:  # replace: pair paragraphs up and diff them word by word
            olds, news = old_lines[i1:i2], new_lines[j1:j2]
            for k in range(max(len(olds), len(news))):
                if k < len(olds) and k < len(news):
                    segments, a, r = _word_segments(olds[k], news[k])
                    paragraphs.append(Paragraph("changed", tuple(segments)))
                    added, removed = added + a, removed + r
                elif k < len(olds):
                    paragraphs.append(Paragraph("removed", (Segment("delete", olds[k]),)))
                    removed += len(_words(olds[k]))
                else:
                    paragraphs.append(Paragraph("added", (Segment("insert", news[k]),)))
                    added += len(_words(news[k]))
    if context is not None:
        paragraphs = _with_context(paragraphs, context)
    return Diff(tuple(paragraphs), added, removed)


def _with_context(paragraphs: list[Paragraph], context: int) -> list[Paragraph]:
    changed = [i for i, p in enumerate(paragraphs) if p.kind != "same"]
    keep = {j for i in changed for j in range(i - context, i + context + 1)}
    result: list[Paragraph] = []
    skipped = 0
    for i, paragraph in enumerate(paragraphs):
        if i in keep:
            if skipped:
                result.append(Paragraph("gap", (), skipped))
                skipped = 0
            result.append(paragraph)
        else:
            skipped += 1
    if skipped:
        result.append(Paragraph("gap", (), skipped))
    return result


def _shorten(words: list[str], keep: int, where: Literal["start", "middle", "end"]) -> str:
    """An unchanged run of words cut to its edges next to the changes around it."""
    room = 2 * keep if where == "middle" else keep
    if len(words) <= room:
        return " ".join(words)
    if where == "start":
        return "… " + " ".join(words[-keep:])
    if where == "end":
        return " ".join(words[:keep]) + " …"
    return " ".join(words[:keep]) + " … " + " ".join(words[-keep:])


def excerpt(diff: Diff, *, paragraphs: int = 3, keep: int = 8, most: int = 60) -> list[Paragraph]:
    """The first ``paragraphs`` changed paragraphs, short enough for an email: unchanged words
    cut to ``keep`` on each side of a change, added or removed runs to ``most`` words."""
    shown: list[Paragraph] = []
    for paragraph in diff.paragraphs:
        if paragraph.kind in ("same", "gap"):
            continue
        if len(shown) == paragraphs:
            break
        segments = []
        last = len(paragraph.segments) - 1
        for i, segment in enumerate(paragraph.segments):
            words = segment.text.split(" ")
            if segment.op == "equal":
                where = "start" if i == 0 else "end" if i == last else "middle"
                segments.append(Segment("equal", _shorten(words, keep, where)))
            elif len(words) > most:
                segments.append(Segment(segment.op, " ".join(words[:most]) + " …"))
            else:
                segments.append(segment)
        shown.append(Paragraph(paragraph.kind, tuple(segments)))
    return shown
