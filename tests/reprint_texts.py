"""Synthetic story paragraphs and helpers shared by the credit-rule tests (tests/test_reprints_credits*.py): a story
long enough to be compared, its credits as (kind, outlet) pairs, and the reprint verdicts over a few articles."""
from __future__ import annotations

from core.credits import find_credits
from core.reprints import find_reprints

STORY = ("The dam on the river gave way overnight and flooded six villages downstream, officials said on Monday, "
         "as rescue teams searched the water for survivors and the army sent boats to the worst hit district. ")
MORE = ("Hundreds of families spent the night on rooftops waiting for help, and the regional governor asked the "
        "capital for helicopters, tents and drinking water for the people forced from their homes. ")
LAST = ("Engineers had warned for years that the old earthen wall was weak, a report by the water ministry shows, "
        "but repairs planned for the spring were postponed for lack of money. ")


def kinds(text, title="", url=None, own=None):
    """The credits found in a text, as (kind, outlet) pairs."""
    return [(c.kind, c.outlet) for c in find_credits(title, text, url, own=own)]


def art(i, outlet, text, title="", published=None):
    """An article as find_reprints reads it."""
    return {"id": i, "outlet": outlet, "title": title, "text": text, "published": published}


def verdicts(*arts):
    """(id, original outlet, kind) of every derived article among these."""
    return [(r.id, r.original_outlet, r.kind) for r in find_reprints(list(arts))]
