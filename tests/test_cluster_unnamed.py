"""Feed summaries of two subjects that tell the same kind of act (short_unnamed), and the credit and dateline that
open a summary (summary_datelines): where and by whom it was filed is no evidence of one happening."""
from __future__ import annotations

from core.cluster import ClusterConfig, cluster_batch
from core.cluster.events import Member, members_agree
from core.cluster.online import _without_dateline, name_words
from tests.test_cluster_anchors import art, loose   # summary-only articles, and thresholds loose enough to join on words


# Two subjects' spending, told in the same words (Kenya's State House, Britain's defence)
KENYA = ("Kenya: State House spending surpasses full-year budget",
         "State House has exhausted its full-year budget allocation halfway through the financial year, government "
         "spending data show.")
BRITAIN = ("Britain must step up defence spending faster, says Starmer",
           "Prime Minister Keir Starmer said Britain should accelerate defence spending, with the government "
           "exploring how to lift the budget.")
# One happening told by two outlets that name it differently (US, Pentagon), in many of the same words
BOATS = ("US kills 11 in three strikes on alleged drug boats",
         "Three strikes on alleged drug boats killed 11 people, officials in Washington said.")
BOATS2 = ("Pentagon strikes three more alleged drug boats, killing 11",
          "The military carried out three strikes on alleged drug boats in the Caribbean, killing 11 people.")


def member(anchors, names=()) -> Member:
    """A member remembered only for its anchor terms and its names' words."""
    return Member({}, None, "O", "", (), None, None, {}, anchors=frozenset(anchors), names=frozenset(names))


def test_a_pair_that_shares_no_name_needs_more_shared_words():
    spend = {"a": member({"spending", "budget", "government", "state"}, {"kenya", "nairobi"})}
    other = {"b": member({"spending", "budget", "government", "defence"}, {"britain", "starmer"})}
    assert members_agree(spend, other, 3, 30)                      # the rule off: three words of the act
    assert not members_agree(spend, other, 3, 30, unnamed=1)
    same = {"b": member({"spending", "budget", "government"}, {"nairobi"})}
    assert members_agree(spend, same, 3, 30, unnamed=1)            # a shared name: three are enough
    more = {"b": member({"spending", "budget", "government", "state"}, {"britain"})}
    assert members_agree(spend, more, 3, 30, unnamed=1)            # four shared words without one


def test_names_words_leave_out_titles_and_news_outlets():
    words = name_words(["Japanese Prime Minister Sanae Takaichi", "Reuters", "Russia-Ukraine", "Man", "Officials"])
    assert {"takaichi", "sanae", "russia", "ukraine"} <= words
    assert not {"prime", "minister", "reuters", "man", "official"} & words


def test_two_subjects_spending_stay_apart_one_happening_named_two_ways_joins():
    rows = [art("k", *KENYA), art("b", *BRITAIN, hours=1)]
    assert len(set(cluster_batch(rows, loose(short_unnamed=0)))) == 1    # three words of the act: joined
    assert len(set(cluster_batch(rows, loose()))) == 2
    boats = [art("c", *BOATS), art("d", *BOATS2, hours=1)]
    assert len(set(cluster_batch(boats, ClusterConfig()))) == 1


def test_a_summary_s_credit_and_dateline_are_left_out():
    assert _without_dateline("[Capital FM] Nairobi -- State House has emerged as") == "State House has emerged as"
    assert _without_dateline("LONDON: Britain should step up") == "Britain should step up"
    assert _without_dateline("[Daily Trust] Some members of the House walked out") == "Some members of the House walked out"
    assert _without_dateline("Kenya's main airport resumed operations.") == "Kenya's main airport resumed operations."
    assert _without_dateline("[Capital FM] ") == "[Capital FM] "   # nothing left: kept whole


def test_summaries_filed_from_one_place_by_one_wire_do_not_join_on_it():
    strike = ("Kenya: Aviation workers suspend strike after deal",
              "[Capital FM] Nairobi -- Aviation workers at the main airport suspended their strike after reaching "
              "a deal with the government on pay.")
    tobacco = ("Kenya: Traders warn tobacco bill may fuel illicit trade",
               "[Capital FM] Nairobi -- Traders urged the Senate to reconsider the tobacco control bill, warning "
               "of illicit trade.")
    rows = [art("s", *strike), art("t", *tobacco, hours=1)]
    # on similarity alone (no anchor rule): the credit and the dateline are what the two share most
    cfg = dict(threshold=0.08, merge_threshold=0.05, cohesion=0.0, short_anchors=0)
    assert len(set(cluster_batch(rows, ClusterConfig(summary_datelines=False, **cfg)))) == 1
    assert len(set(cluster_batch(rows, ClusterConfig(**cfg)))) == 2
    # a page read whole keeps its dateline: the place it was filed from is often where it happened
    whole = [{**r, "text_status": None} for r in rows]
    assert len(set(cluster_batch(whole, ClusterConfig(**cfg)))) == 1
