"""Details that tell look-alike happenings apart (core.cluster.details): what is read, how conflicts are
summed for an event, and the clusterer keeping the same actors' next act apart on a day the date cannot."""
from __future__ import annotations

import itertools
import math
from datetime import datetime, timedelta, timezone

from core.cluster import ClusterConfig, EventClusterer, cluster_batch
from core.cluster.details import Tally, pair_conflict, read_details

T0 = datetime(2025, 3, 4, 9, tzinfo=timezone.utc)
WEIGHTS = {"act": 0.3, "weekday": 0.1, "date": 0.1}


def test_reads_acts_and_days_from_the_title_and_opening():
    d = read_details("Gunmen attack concert hall, 40 dead",
                     "At least 40 people were killed on Friday in Moscow when gunmen opened fire, officials said "
                     "on March 22.")
    assert set(d) == {"act", "weekday", "date"}
    assert set(d["act"]) == {"attack", "death"}
    assert max(d["weekday"], key=d["weekday"].get) == "friday"
    assert set(d["weekday"]) == {"thursday", "friday", "saturday"}     # the days either side count half
    assert max(d["date"], key=d["date"].get) == "mar-22"
    for vec in d.values():
        assert math.isclose(math.sqrt(sum(x * x for x in vec.values())), 1.0)


def test_a_day_cut_at_the_opening_s_end_is_no_day():
    text = "x " * 196 + "talks on Monday morning"   # "Monday" straddles the 400th character
    assert "weekday" not in read_details("Talks", text)
    assert "weekday" in read_details("Talks", "x " * 190 + "talks on Monday morning")


def test_days_are_whole_words_in_any_case_unicode_spellings_included():
    # Unicode case rules match "ſunday" (long s) and "FRİDAY" to the names: read as those days, not a crash
    d = read_details("Talks", "Met on ſunday and FRİDAY, and on ſep 5; not on Mondays, in Sundayville or 5Sunday.")
    assert {k for k, x in d["weekday"].items() if x > 0.6} == {"sunday", "friday"}
    assert max(d["date"], key=d["date"].get) == "sep-5"
    assert "weekday" not in read_details("Talks", "Mondays and Sundayville and midday today")
    assert "date" not in read_details("Talks", "talks in May and June")   # no digit, no day of a month


def test_ambiguous_words_name_no_act_and_nothing_read_is_no_detail():
    assert "act" not in read_details("Senator calls for inquiry into spending", "")
    assert read_details("", "") == {}


def test_a_missing_title_or_text_reads_as_empty():
    assert read_details(None, None) == {}
    assert read_details(None, "Talks open in Geneva on Tuesday.") == read_details("", "Talks open in Geneva on Tuesday.")
    assert set(read_details(None, "Talks open in Geneva on Tuesday.")) == {"weekday"}
    assert read_details("Gunmen attack concert hall", None) == read_details("Gunmen attack concert hall", "")


def test_acts_conflict_where_they_clash_not_wherever_they_differ():
    call = read_details("Ministers hold videoconference", "")
    visit = read_details("Minister visits Beijing", "")
    attack = read_details("Gunmen attack hotel", "")
    arrest = read_details("Police arrest suspects", "")
    only_act = {"act": 1.0}
    assert pair_conflict(call, visit, only_act) == 1.0             # a call, then a visit: two happenings
    assert pair_conflict(attack, arrest, only_act) == 0.0          # an attack and its arrests: one
    assert pair_conflict(call, call, only_act) == 0.0
    assert pair_conflict(call, {}, only_act) == 0.0                 # one says nothing: nothing is said


def test_an_event_s_tally_gives_the_sum_of_its_pairs_through_adds_removals_and_merges():
    docs = [("Navalny dies in prison", "He died on Friday, 23 officers said, in Kharp."),
            ("Navalny funeral held in Moscow", "Mourners gathered on Friday."),
            ("Leaders meet in Beijing", "They met on Monday and signed 3 deals."),
            ("Putin phoned Xi", "The two spoke on Thursday, the Kremlin said, from Beijing."),
            ("Gunmen attack concert, 40 dead", "The attack at Crocus in Moscow killed 40."),
            ("Man sentenced over attack", "A court in Paris sentenced him to 22 years on May 3.")]
    ds = [read_details(*d) for d in docs]
    for bonus in (0.0, 0.5):
        a, b = Tally(), Tally()
        for d in ds[:3]:
            a.add(d)
        for d in ds[3:]:
            b.add(d)
        brute = sum(pair_conflict(x, y, WEIGHTS, bonus) for x in ds[:3] for y in ds[3:])
        assert math.isclose(a.conflict_between(b, WEIGHTS, bonus), brute)
        assert math.isclose(a.conflict_with(ds[4], WEIGHTS, bonus),
                            sum(pair_conflict(ds[4], y, WEIGHTS, bonus) for y in ds[:3]))
        a.absorb(b)
        brute = sum(pair_conflict(x, y, WEIGHTS, bonus) for x, y in itertools.permutations(ds, 2))
        assert math.isclose(a.conflict_within(WEIGHTS, bonus), brute)
        a.add(ds[0], -1)
        rest = sum(pair_conflict(x, y, WEIGHTS, bonus) for x, y in itertools.permutations(ds[1:], 2))
        assert math.isclose(a.conflict_within(WEIGHTS, bonus), rest)


FUNERAL = [("Thousands attend funeral of opposition leader Ivanov in Moscow",
            "Thousands of mourners attended the funeral of opposition leader Pavel Ivanov in Moscow, chanting "
            "his name as police watched, his team said."),
           ("Opposition leader Ivanov buried in Moscow as crowds defy police",
            "Opposition leader Pavel Ivanov was buried in Moscow, with thousands of mourners defying police "
            "warnings to pay their last respects, his team said.")]
DEATH = [("Opposition leader Ivanov dies in prison, prison service says",
          "Opposition leader Pavel Ivanov died in prison, the prison service said, prompting outrage from his "
          "team in Moscow and Western leaders."),
         ("Opposition leader Ivanov dead in prison",
          "Pavel Ivanov, the opposition leader, is dead, the prison service said; his team in Moscow said he "
          "had been killed.")]


def test_a_death_and_the_funeral_on_one_day_stay_apart_on_their_acts():
    arts = [{"id": f"d{i}", "outlet": f"O{i}", "title": t, "text": x, "published": T0 + timedelta(hours=i)}
            for i, (t, x) in enumerate(DEATH)]
    arts += [{"id": f"f{i}", "outlet": f"O{i}", "title": t, "text": x, "published": T0 + timedelta(hours=2 + i)}
             for i, (t, x) in enumerate(FUNERAL)]
    # the acts alone: short_anchors, which also reads what each summary says happened, off
    blind = cluster_batch(arts, ClusterConfig(detail_act=0.0, detail_day=0.0, short_anchors=0))
    assert len(set(blind)) == 1                   # on words and date alone, one event
    got = cluster_batch(arts, ClusterConfig(detail_act=0.3, short_anchors=0))
    assert got[0] == got[1] and got[2] == got[3] and got[0] != got[2]
    # told in a feed's summary only (pages not read), their anchors part them by default
    assert cluster_batch([{**a, "text_status": "summary-only"} for a in arts]) == got


def test_details_are_not_read_when_no_weight_asks_for_them():
    cl = EventClusterer(ClusterConfig(detail_act=0.0, detail_day=0.0, detail_type=0.0))
    cl.add({"id": "a", "title": DEATH[0][0], "text": DEATH[0][1], "published": T0})
    assert cl._article_event["a"].members["a"].details == {}


PIRATES = [("Navy captures pirates off Somalia", "The navy captured a group of pirates off the coast of Somalia on {d}, "
            "the defence ministry said, after they tried to board a cargo ship."),
           ("Pirates captured by navy off Somali coast", "Pirates who tried to board a cargo ship off Somalia were "
            "captured by the navy on {d}, the defence ministry said.")]


def test_the_same_act_on_days_the_text_tells_apart_stays_two_events_when_dates_cannot():
    arts = [{"id": f"{d[:3]}{i}", "outlet": f"O{i}", "title": t, "text": x.format(d=d)}
            for d in ("Monday", "Thursday") for i, (t, x) in enumerate(PIRATES)]   # undated: no date to go by
    blind = cluster_batch(arts, ClusterConfig(detail_day=0.0))
    assert len(set(blind)) == 1
    # near-copies: a weight well above the default's shows the mechanism (the bench measures the default)
    cfg = ClusterConfig(detail_day=0.8)
    got = cluster_batch(arts, cfg)
    assert got[0] == got[1] and got[2] == got[3] and got[0] != got[2]
    # a report of the next day is half a match: the same happening told a day on still joins
    nxt = cluster_batch(arts[:2] + [{**arts[2], "text": PIRATES[0][1].format(d="Tuesday")}], cfg)
    assert len(set(nxt)) == 1


def test_weekdays_named_match_the_patterns_on_any_text():
    """The substring search for weekdays finds what the whole-word patterns find, in the same order: names
    inside longer words, next to digits, underscores and accents, in any case, and exotic characters."""
    import random

    from core.cluster.details import _CASE_EXOTIC, _WEEKDAY, _WEEKDAYS, _WORD_6_9, _index, _weekdays_named

    def by_pattern(text):
        return list(dict.fromkeys(_index(_WEEKDAYS, w) for w in filter(_WEEKDAY.fullmatch, _WORD_6_9.findall(text))))

    rng = random.Random(3)
    pieces = ["Monday", "TUESDAY", "sunday", "Fridays", "xFriday", "Friday_", "7Sunday", "é", " ", ".", "\n",
              "Saturday", "wednesday", "thursday", "Mon", "day", "ſunday", "\u2160", "2"]
    cases = ["On Monday and Sunday", "Mondays", "Sunday's vote", "ſunday", "FRİDAY", ""]
    cases += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(5_000)]
    for text in cases:
        low = None if any(c in text for c in _CASE_EXOTIC) else text.lower()
        assert _weekdays_named(text, low) == by_pattern(text), text


def test_the_lowercase_day_month_pattern_matches_as_the_ignore_case_one_on_any_text():
    """_days runs the lowercase pattern on the lowercased text (faster): the same matches in the same places,
    with the same groups but for case, on texts without the exotic characters (those keep the re.I pattern)."""
    import random

    from core.cluster.details import _CASE_EXOTIC, _DAY_MONTH, _DAY_MONTH_LOW

    rng = random.Random(5)
    pieces = ["May", "MAY", "may", "Sept.", "sep", "September", "JUNE", "Jun", "of", "OF", "5", "22nd", "31ST", "1",
              "th", ".", ",", "\n", "x", "é", "Σ", "\u01c5", "\u2160", "\u0663", "_", "marCH", "Decem", "ber"]
    pieces += [" "] * 8   # spaces often enough that a fair share of the texts name a day
    cases = ["Talks on May 29 and 5th of June", "SEPT. 12", "12 Sep", ""]
    cases += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(20_000)]
    for text in cases:
        assert not any(c in text for c in _CASE_EXOTIC)
        want = [(m.span(), tuple(g and g.lower() for g in m.groups())) for m in _DAY_MONTH.finditer(text)]
        assert [(m.span(), m.groups()) for m in _DAY_MONTH_LOW.finditer(text.lower())] == want, text


def test_an_event_s_type_is_read_from_the_members_that_report_an_act():
    death = [read_details(t, "") for t in ("Ivanov dies in prison", "Ivanov dead at 47", "Reactions to Ivanov news")]
    ev = Tally()
    for d in death:
        ev.add(d)
    funeral = read_details("Ivanov buried in Moscow", "")
    # members with no act word do not dilute the clash: both act-reporting members report a death
    assert math.isclose(ev.type_clash(funeral["act"]), 1.0)
    assert math.isclose(pair_conflict(funeral, death[2], {"act": 1.0}), 0.0)
    # a headline reporting both a death and its funeral clashes as much as it agrees: no clash, net
    assert ev.type_clash(read_details("Ivanov funeral held a week after he died", "")["act"]) == 0.0
    assert ev.type_clash(read_details("Ivanov dies", "")["act"]) == 0.0
    assert ev.type_clash({}) == 0.0 and Tally().type_clash(funeral["act"]) == 0.0
    other = Tally()
    other.add(funeral)
    other.add(read_details("Crowds at Ivanov's grave", ""))
    assert math.isclose(ev.types_clash(other), 1.0) and math.isclose(other.types_clash(ev), 1.0)
    mutiny, crash = read_details("Mercenary chief rebels against army", ""), read_details("Jet crashes near Moscow", "")
    assert pair_conflict(mutiny, crash, {"act": 1.0}) == 1.0


def test_a_death_and_the_funeral_stay_apart_on_the_event_s_type_when_few_headlines_name_an_act():
    neutral = [("What we know about opposition leader Ivanov's last days in prison",
                "Opposition leader Pavel Ivanov died in prison, the prison service said; his team in Moscow and "
                "Western leaders reacted."),
               ("Western leaders react to news about opposition leader Ivanov",
                "Western leaders blamed the Kremlin after opposition leader Pavel Ivanov died in prison, the prison "
                "service said; his team in Moscow said he had been killed.")]
    arts = [{"id": f"d{i}", "outlet": f"O{i}", "title": t, "text": x, "published": T0 + timedelta(hours=i)}
            for i, (t, x) in enumerate(DEATH + neutral)]
    arts += [{"id": f"f{i}", "outlet": f"O{i}", "title": t, "text": x, "published": T0 + timedelta(hours=5 + i)}
             for i, (t, x) in enumerate(FUNERAL)]
    long = {"short_chars": 0}   # the texts stand for full articles (short ones are held to more: test_cluster.py)
    blind = cluster_batch(arts, ClusterConfig(detail_type=0.0, detail_day=0.0, **long))
    assert len(set(blind)) == 1                   # on words and date alone, one event
    # pairwise acts, diluted by the headlines that name none, keep it one even at a high weight
    assert len(set(cluster_batch(arts, ClusterConfig(detail_type=0.0, detail_act=0.3, **long)))) == 1
    # near-copies: a weight above the default's shows the mechanism (the bench measures the default)
    got = cluster_batch(arts, ClusterConfig(detail_type=0.2, **long))
    assert len(set(got[:4])) == 1 and got[4] == got[5] and got[0] != got[4]
