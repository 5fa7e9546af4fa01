"""Errors found on fc35's fact-check (session 34, round 11), on synthetic texts: two outlets carry one agency's story,
one crediting the agency under its photo only and the other not at all; the shared text could be the agency's, so
neither is shown as the other's copy (a photo credit still names no source)."""
from __future__ import annotations

from tests.reprint_texts import LAST, MORE, STORY, art, kinds, verdicts

CAPTION = "Rescue teams carry a survivor to a boat on Monday. / Photo: AFP"


def test_a_wire_credited_under_a_members_photo_only_keeps_the_uncredited_top_from_being_its_source():
    # fc35's TRT World ("/ Photo: AFP", "Read More") was a "spun copy" of IOL, which carries AFP's story uncredited.
    assert kinds(CAPTION) == [("photo", "AFP")]
    top = art("io", "Top Paper", f"{STORY}\n\n{MORE}\n\n{LAST}", published="2024-02-14T10:00:00Z")
    member = art("tr", "Member Site", f"{CAPTION}\n\n{STORY}\n\n{MORE}\n\n{LAST}\n\nRead More",
                 published="2024-02-14T16:00:00Z")
    assert verdicts(top, member) == []


def test_without_the_wire_photo_or_with_the_tops_own_dateline_the_copy_stays_the_tops():
    member = art("tr", "Member Site", f"{STORY}\n\n{MORE}\n\n{LAST}\n\nRead More", published="2024-02-14T16:00:00Z")
    top = art("io", "Top Paper", f"{STORY}\n\n{MORE}\n\n{LAST}", published="2024-02-14T10:00:00Z")
    assert verdicts(top, member) == [("tr", "Top Paper", "verbatim copy")]
    # A photo agency is no wire: its pictures say nothing of whose text it is.
    pictured = {**member, "text": f"Rescue teams carry a survivor on Monday. / Photo: Getty Images\n\n{member['text']}"}
    assert verdicts(top, pictured) == [("tr", "Top Paper", "verbatim copy")]
    # The top's own dateline makes the text its own: the member's AFP photo is then just a photo.
    dated = {**top, "outlet": "CNN", "text": f"JAKARTA (CNN) — {top['text']}"}
    wired = {**member, "text": f"{CAPTION}\n\n{member['text']}"}
    assert verdicts(dated, wired) == [("tr", "CNN", "verbatim copy")]
