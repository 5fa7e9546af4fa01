"""Breadth, blind spots and lags (core.coverage) on small hand-made tables."""
import pandas as pd

from core.coverage import blind_spots, lag_table, lags, original_outlets

OUTLETS = pd.DataFrame({"name": ["Reuters", "TASS", "RT", "Kyiv Independent"],
                        "groups": [["wire"], ["wire", "russian state"], ["russian state"], ["ukrainian"]]})


def pairs(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["event_id", "outlet", "articles", "reprints"])


def test_blind_spots_are_groups_with_no_original_report():
    p = pairs(("e1", "Reuters", 1, 0), ("e1", "RT", 2, 0), ("e2", "Kyiv Independent", 1, 0))
    assert blind_spots(p, OUTLETS) == {"e1": ["ukrainian"], "e2": ["russian state", "wire"]}


def test_a_reprint_does_not_cover_its_outlets_groups():
    # RT only reprinted someone else's story, so Russian state media did not report it themselves.
    p = pairs(("e1", "Reuters", 1, 0), ("e1", "RT", 1, 1))
    assert blind_spots(p, OUTLETS) == {"e1": ["russian state", "ukrainian"]}
    assert original_outlets(p) == {"e1": ["Reuters"]}


def test_original_outlets_are_sorted_per_event():
    p = pairs(("e1", "TASS", 1, 0), ("e1", "Reuters", 3, 1), ("e2", "RT", 1, 1))
    assert original_outlets(p) == {"e1": ["Reuters", "TASS"]}  # e2 has reprints only


def test_an_event_mostly_of_feed_summaries_names_no_first_and_no_lag():
    t = pd.to_datetime(["2024-01-01T10:00Z", "2024-01-01T13:00Z", "2024-01-02T10:00Z", "2024-01-02T12:00Z"], utc=True)
    times = pd.DataFrame({"event_id": ["e1", "e1", "e2", "e2"], "outlet": ["TASS", "Reuters", "TASS", "Reuters"],
                          "first": t})
    out = lags(times, mixed={"e1"}).set_index(["event_id", "outlet"])
    assert not out.loc["e1", "first_to_report"].any() and not out.loc["e1", "tied_first"].any()
    assert out.loc["e1", "lag_hours"].isna().all() and out.loc["e1", "lag_days"].isna().all()
    assert out.loc[("e2", "TASS"), "first_to_report"] and out.loc[("e2", "Reuters"), "lag_hours"] == 2.0
    table = lag_table(out.reset_index()).set_index("outlet")
    assert table.loc["TASS", "first"] == 1 and table.loc["TASS", "events"] == 2


def test_lags_measure_hours_behind_the_first_report():
    t = pd.to_datetime(["2024-01-01T10:00Z", "2024-01-01T13:00Z", "2024-01-02T10:00Z"], utc=True)
    times = pd.DataFrame({"event_id": ["e1", "e1", "e2"], "outlet": ["TASS", "Reuters", "RT"], "first": t})
    out = lags(times)
    assert list(out["outlet"]) == ["TASS", "Reuters"]  # e2 had one outlet: no lag to measure
    assert list(out["lag_hours"]) == [0.0, 3.0]
    table = lag_table(out).set_index("outlet")
    assert table.loc["TASS", "first"] == 1 and table.loc["Reuters", "median_lag_h"] == 3.0


def test_a_family_counts_once_under_its_original_even_when_absent():
    # Two sites carried one Reuters story (Reuters itself is not in the store); RT's copy of TASS counts as TASS.
    p = pairs(("e1", "Straits Daily", 1, 1), ("e1", "Gulf Daily", 1, 1), ("e1", "RT", 1, 1), ("e1", "TASS", 1, 0))
    fam = pd.DataFrame([("e1", "Reuters"), ("e1", "TASS")], columns=["event_id", "outlet"])
    assert original_outlets(p, fam) == {"e1": ["Reuters", "TASS"]}
    assert blind_spots(p, OUTLETS, original_outlets(p, fam)) == {"e1": ["ukrainian"]}


def test_lags_only_between_exact_times_and_date_only_ties_are_never_first():
    t = pd.to_datetime(["2024-01-31T00:00Z", "2024-01-31T00:00Z", "2024-01-31T14:05Z",    # e1: two dates, one time
                        "2024-01-30T00:00Z", "2024-01-31T12:00Z",                         # e2: a date a day earlier
                        "2024-02-01T08:00Z", "2024-02-01T09:30Z",                         # e3: two exact times
                        "2024-01-30T00:00Z", "2024-01-31T06:00Z"], utc=True)              # e4: as e2, 6 h sooner
    times = pd.DataFrame({"event_id": ["e1", "e1", "e1", "e2", "e2", "e3", "e3", "e4", "e4"],
                          "outlet": ["Reuters", "TASS", "Xinhua", "TASS", "Reuters", "A", "B", "TASS", "Reuters"],
                          "first": t})
    out = lags(times).set_index(["event_id", "outlet"])
    # 30 January in UTC-11 runs to 11:00 UTC on the 31st: Reuters's 06:00 report may have been first
    assert not out.loc[("e4", "TASS"), "first_to_report"] and out.loc[("e4", "TASS"), "tied_first"]
    assert out.loc[("e4", "Reuters"), "tied_first"]
    assert not out.loc[("e1", "Reuters"), "first_to_report"] and out.loc[("e1", "Reuters"), "tied_first"]
    assert not out.loc[("e1", "Xinhua"), "first_to_report"] and out.loc[("e1", "Xinhua"), "lag_hours"] == 0.0
    assert pd.isna(out.loc[("e1", "TASS"), "lag_hours"])                 # a date is not a time: no hours
    assert out.loc[("e2", "TASS"), "first_to_report"] and out.loc[("e2", "Reuters"), "lag_days"] == 1
    assert out.loc[("e3", "A"), "first_to_report"] and out.loc[("e3", "B"), "lag_hours"] == 1.5
    # a stored precision wins over the midnight reading
    times["date_precision"] = ["exact", "date", "exact", "date", "exact", "exact", "exact", "date", "exact"]
    out = lags(times).set_index(["event_id", "outlet"])
    assert out.loc[("e1", "Reuters"), "lag_hours"] == 0.0 and pd.isna(out.loc[("e1", "TASS"), "lag_hours"])
    table = lag_table(lags(times)).set_index("outlet")
    assert table.loc["TASS", "date_only"] == 3 and table.loc["TASS", "first"] == 1


def test_an_outlet_with_no_date_leaves_no_one_first_beyond_doubt():
    # e1: Xinhua covered the event but gave no date: TASS is the earliest dated report, not the first
    t = pd.to_datetime(["2024-01-31T08:00Z", "2024-01-31T10:00Z", None, "2024-02-01T08:00Z", "2024-02-01T09:00Z"],
                       utc=True)
    times = pd.DataFrame({"event_id": ["e1", "e1", "e1", "e2", "e2"], "outlet": ["TASS", "Reuters", "Xinhua", "A", "B"],
                          "first": t, "date_precision": ["exact", "exact", "none", "exact", "exact"]})
    out = lags(times).set_index(["event_id", "outlet"])
    assert not out.loc[("e1", "TASS"), "first_to_report"] and out.loc[("e1", "TASS"), "tied_first"]
    assert out.loc[("e1", "Reuters"), "lag_hours"] == 2.0
    assert pd.isna(out.loc[("e1", "Xinhua"), "lag_hours"]) and not out.loc[("e1", "Xinhua"), "dated"]
    assert out.loc[("e2", "A"), "first_to_report"]
    table = lag_table(out.reset_index()).set_index("outlet")
    assert table.loc["TASS", "first"] == 0 and table.loc["Xinhua", "date_only"] == 0 and table.loc["A", "first"] == 1


def test_a_report_known_only_by_when_it_was_seen_is_never_ranked_by_that_time():
    # e1: UNN had no date on feed or page; first seen two years after TASS's report, it may still have been first
    t = pd.to_datetime(["2024-05-16T10:00Z", "2024-05-16T12:00Z", "2026-11-30T18:29Z",
                        "2024-05-16T10:00Z", "2024-05-15T09:00Z"], utc=True)
    times = pd.DataFrame({"event_id": ["e1", "e1", "e1", "e2", "e2"], "outlet": ["TASS", "Reuters", "UNN", "A", "B"],
                          "first": t, "date_precision": ["exact"] * 5, "seen": [False, False, True, False, True]})
    out = lags(times).set_index(["event_id", "outlet"])
    assert not out.loc[("e1", "TASS"), "first_to_report"] and out.loc[("e1", "TASS"), "tied_first"]
    assert out.loc[("e1", "UNN"), "tied_first"] and pd.isna(out.loc[("e1", "UNN"), "lag_hours"])
    assert pd.isna(out.loc[("e1", "UNN"), "lag_days"]) and out.loc[("e1", "Reuters"), "lag_hours"] == 2.0
    # e2: B was seen before A's report appeared: B was first beyond doubt
    assert out.loc[("e2", "B"), "first_to_report"] and not out.loc[("e2", "A"), "tied_first"]
    table = lag_table(out.reset_index()).set_index("outlet")
    assert table.loc["UNN", "date_only"] == 0 and pd.isna(table.loc["UNN", "median_lag_h"])


def test_an_events_first_report_is_stated_as_precisely_as_it_is_known():
    from core.coverage import first_report_texts
    first = pd.to_datetime(["2024-05-16T10:00:00Z", "2024-05-16T00:00:00Z", "2026-11-30T18:29:51Z", "2024-05-16T10:00:00Z", None],
                           utc=True)
    seen = pd.to_datetime([None, None, "2026-11-30T18:29:51Z", "2026-11-30T18:29:51Z", None], utc=True)
    assert list(first_report_texts(pd.Series(first), pd.Series(seen))) == [
        "2024-05-16 10:00",
        "2024-05-16 (date only)",                        # a day stored at 00:00 (core.dates), never "00:00"
        "by 2026-11-30 18:29 (no date; first seen)",     # the earliest report is known only from when it was seen
        "2024-05-16 10:00",                              # a later sighting does not change a dated first report
        "no date"]


def test_event_checks_name_summary_built_and_wide_events_only():
    """The Overview's check column: an event mostly of feed summaries, or whose dated reports lie months apart,
    says so; one of read pages over two days says nothing."""
    from core.coverage import event_checks
    ev = pd.DataFrame({"id": ["sum", "wide", "fine", "lone"], "n_articles": [34, 4, 6, 1],
                       "first_published": pd.to_datetime(["2026-02-16", "2024-02-16", "2024-02-16", "2024-02-16"]),
                       "last_published": pd.to_datetime(["2026-02-18", "2026-02-20", "2024-02-18", "2024-02-16"])})
    checks = dict(zip(ev["id"], event_checks(ev, {"sum": 30, "fine": 2, "lone": 1})))
    assert checks == {"sum": "feed summaries only: 30 of 34; may join stories", "wide": "reports span 735 days",
                      "fine": "", "lone": ""}
