"""The word-level diff readers see between two versions of a policy."""

from __future__ import annotations

from hypothesis import given, strategies as st

from apps.watch.diffing import Segment, word_diff

OLD = "Privacy Policy\nWe may use your content to improve our services.\nContact us at any time."
NEW = "Privacy Policy\nWe may use your content to train and improve our models.\nContact us at any time.\nYou can opt out in Settings."


def test_a_one_word_edit_shows_as_words_not_a_whole_paragraph():
    diff = word_diff(OLD, NEW)
    kinds = [p.kind for p in diff.paragraphs]
    assert kinds == ["same", "changed", "same", "added"]
    assert diff.paragraphs[1].segments == (
        Segment("equal", "We may use your content to"),
        Segment("insert", "train and"),
        Segment("equal", "improve our"),
        Segment("delete", "services."),
        Segment("insert", "models."),
    )
    assert diff.words_added == 3 + 6  # three changed words plus the new six-word paragraph
    assert diff.words_removed == 1
    assert diff.changed


def test_identical_texts_have_no_changes():
    diff = word_diff(OLD, OLD)
    assert not diff.changed
    assert {p.kind for p in diff.paragraphs} == {"same"}


def test_context_keeps_unchanged_paragraphs_near_changes_and_counts_the_rest():
    old = "\n".join(f"Clause {n}." for n in range(20))
    new = old.replace("Clause 10.", "Clause 10, amended.")
    diff = word_diff(old, new, context=1)
    kinds = [(p.kind, p.skipped) for p in diff.paragraphs]
    assert kinds == [("gap", 9), ("same", 0), ("changed", 0), ("same", 0), ("gap", 8)]


def rebuild(diff, side):
    keep = {"old": {"equal", "delete"}, "new": {"equal", "insert"}}[side]
    lines = []
    for paragraph in diff.paragraphs:
        words = [s.text for s in paragraph.segments if s.op in keep and s.text]
        if words:
            lines.append(" ".join(words))
    return "\n".join(lines)


lines = st.lists(
    st.lists(
        st.sampled_from(["we", "may", "train", "on", "your", "data", "not", "images", "sell"]),
        min_size=1,
        max_size=6,
    ).map(" ".join),
    min_size=0,
    max_size=8,
).map("\n".join)


@given(lines, lines)
def test_both_versions_can_be_read_back_from_the_diff(old, new):
    diff = word_diff(old, new)
    assert rebuild(diff, "old") == old
    assert rebuild(diff, "new") == new
    assert diff.changed == (old != new)


def test_an_excerpt_keeps_the_words_around_each_change_and_cuts_the_rest():
    before = " ".join(f"w{n}" for n in range(40))
    after = before.replace("w20", "CHANGED")
    from apps.watch.diffing import excerpt

    [paragraph] = excerpt(word_diff(before, after), keep=3)
    assert paragraph.segments == (
        Segment("equal", "… w17 w18 w19"),
        Segment("delete", "w20"),
        Segment("insert", "CHANGED"),
        Segment("equal", "w21 w22 w23 …"),
    )


def test_an_excerpt_shows_only_the_first_changed_paragraphs_and_caps_long_insertions():
    from apps.watch.diffing import excerpt

    old = "\n".join(f"Clause {n}." for n in range(10))
    new = old + "\n" + " ".join(["long"] * 100) + "\nClause 10.\nClause 11."
    shown = excerpt(word_diff(old, new), paragraphs=2, most=5)
    assert [p.kind for p in shown] == ["added", "added"]
    assert shown[0].segments == (Segment("insert", "long long long long long …"),)
