"""Canonical speakers: one name per person in an event, without merging two people."""
from core.canonical import canonicalise_speakers, person_name
from core.quotes import Quote


def _canon(names, stype="person"):
    qs = [Quote(str(i), '"x"', 0, 3, "direct", "said", n, 0, 1, stype, None) for i, n in enumerate(names)]
    return [q.canonical_speaker for q in canonicalise_speakers(qs)]


def test_a_short_form_of_a_first_name_is_the_same_person():
    # BASIL events showed "Dick Durbin" beside "Richard J. Durbin" and "Chuck Schumer" beside "Charles Schumer"
    assert len(set(_canon(["Dick Durbin", "Richard J. Durbin", "Richard Durbin"]))) == 1
    assert len(set(_canon(["Charles Schumer", "Chuck Schumer", "Schumer"]))) == 1
    assert len(set(_canon(["Liz Cheney", "Elizabeth Cheney", "Elizabeth Cheney"]))) == 1
    assert _canon(["Mike Bloomberg", "Michael Bloomberg", "Michael Bloomberg"]) == ["Michael Bloomberg"] * 3


def test_different_first_names_and_ambiguous_short_forms_stay_apart():
    assert _canon(["Dick Cheney", "Liz Cheney", "Mary Cheney"]) == ["Dick Cheney", "Liz Cheney", "Mary Cheney"]
    # Ted is Edward or Theodore, Chris is Christopher or Christine: no merge on a guess
    assert _canon(["Ted Kennedy", "Edward Kennedy"]) == ["Ted Kennedy", "Edward Kennedy"]
    assert _canon(["Chris Smith", "Christine Smith"]) == ["Chris Smith", "Christine Smith"]
    # a junior is not his father, whatever his first name's form
    assert _canon(["Jesse Jackson", "Jesse Jackson Jr"]) == ["Jesse Jackson", "Jesse Jackson Jr"]


def test_titles_and_sentence_openers_are_not_part_of_a_name():
    assert person_name("Editor-in-Chief Ben Smith") == "Ben Smith"
    assert person_name("Majority Whip Kevin McCarthy") == "Kevin McCarthy"
    assert person_name("Plus Obama") == "Obama"
    assert _canon(["Barack Obama", "Plus Obama"]) == ["Barack Obama"] * 2


def test_a_lone_given_name_goes_to_no_one_and_a_surname_first_name_still_does():
    # "Richard" alone went to whichever Richard the event quotes most (Richard Blumenthal, then Rick Santorum)
    assert _canon(["Rick Santorum", "Rick Santorum", "Richard"])[2] == "Richard"
    assert _canon(["Dong Jun", "Dong"]) == ["Dong Jun", "Dong Jun"]
    assert _canon(["Kim Jong", "Kim"]) == ["Kim Jong", "Kim Jong"]   # Kim is a surname, not only Kimberly's


def test_a_name_that_starts_one_longer_name_is_that_person():
    # "Kim Jong" beside "Kim Jong Un" in one event: one person, shown by the longer name
    assert _canon(["Kim Jong", "Kim Jong Un"]) == ["Kim Jong Un", "Kim Jong Un"]
    # two longer names: no guess; a junior is not his father
    assert _canon(["Kim Jong", "Kim Jong Un", "Kim Jong Il"])[0] == "Kim Jong"
    assert _canon(["Jesse Jackson", "Jesse Jackson Jr."])[0] == "Jesse Jackson"


def test_a_bare_name_goes_only_to_a_full_name_of_its_own_event():
    # A witness "Alexei" in a report of the concert-hall attack became "Alexei Navalny", quoted in another event
    # of the same analysis run. Full names still merge across events (one person on the Named sources page).
    names = ["Alexei Navalny", "Alexei Navalny", "Navalny", "Alexei", "Navalny", "Sergey Shoigu", "Sergei Shoigu"]
    qs = [Quote(str(i), '"x"', 0, 3, "direct", "said", n, 0, 1, "person", None) for i, n in enumerate(names)]
    events = {"0": "death", "1": "death", "2": "death", "3": "attack", "4": "attack", "5": "death", "6": "attack"}
    got = [q.canonical_speaker for q in canonicalise_speakers(qs, event_of=events)]
    assert got[:3] == ["Alexei Navalny"] * 3
    assert got[3:5] == ["Alexei", "Navalny"]
    assert got[5] == got[6]
    # a stored name of the same event counts as its own; of another event it does not
    lone = [Quote("9", '"x"', 0, 3, "direct", "said", "Navalny", 0, 1, "person", None)]
    known = [{"event_id": "death", "canonical_speaker": "Alexei Navalny", "speaker_type": "person", "n": 4}]
    assert canonicalise_speakers(lone, event_of={"9": "death"}, known=known)[0].canonical_speaker == "Alexei Navalny"
    lone = [Quote("9", '"x"', 0, 3, "direct", "said", "Navalny", 0, 1, "person", None)]
    assert canonicalise_speakers(lone, event_of={"9": "attack"}, known=known)[0].canonical_speaker == "Navalny"
