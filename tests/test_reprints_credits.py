"""Credit and family rules found on the held-out real-news pages (bench/labels/reprints_pages.py, session 30),
each on synthetic texts: a photo agency's picture sent out by a wire, a byline run into a wire dateline, a
backslash-escaped quote after a syndication dateline, a "-Reuters" sign-off line, "[Source: X]", and a lead credit
to one outlet in a piece built on another's reporting."""
from __future__ import annotations

from core.credits import find_credits
from core.framing import compare_event
from core.reprints import find_reprints

from tests.reprint_texts import LAST, MORE, STORY, art, kinds  # noqa: F401


def test_a_photo_sent_out_by_a_wire_credits_no_text():
    text = f"The leader signs the visitors book at the site.\n\nSPUTNIK/VIA REUTERS\n\nMOSCOW - {STORY}"
    assert kinds(text) == [("photo", "Sputnik"), ("photo", "Reuters")]
    assert kinds(f"{STORY}\n\nKCNA via REUTERS")[-1:] != [("byline", "KCNA")]


def test_a_byline_run_into_a_wire_dateline_is_the_wire_dateline():
    assert kinds(f"By Guy Faulconbridge MOSCOW (Reuters) -{STORY}") == [("dateline", "Reuters")]
    assert kinds(f"Jane Doe And John Roe, The Associated Press WASHINGTON (AP) - {STORY}") == \
        [("dateline", "Associated Press")]
    phrase = find_credits("", f"By Guy Faulconbridge MOSCOW (Reuters) -{STORY}")[0].phrase
    assert phrase == "MOSCOW (Reuters) -"


def test_a_sentence_before_a_parenthesised_name_is_no_byline():
    # A sentence end inside the run: the name in brackets is no dateline of the text.
    assert kinds(f"He said. Then MOSCOW (Reuters) - {STORY}") != [("dateline", "Reuters")]


def test_a_syndication_dateline_before_an_escaped_quote():
    text = f'(MENAFN- Live Mint) \\"The dam gave way,\\" officials said. {STORY}'
    found = find_credits("", text)
    assert [(c.kind, c.outlet) for c in found] == [("dateline", "Live Mint")]
    assert found[0].phrase == "(MENAFN- Live Mint)"


def test_a_dash_sign_off_line_credits_the_wire_but_a_hyphenated_word_does_not():
    assert ("signoff", "Reuters") in kinds(f"{STORY}\n-Reuters\n{MORE}\n-Reuters")
    assert kinds(f"{STORY} The anti-Reuters protesters left.") == []


def test_source_in_square_brackets():
    assert kinds(f"{STORY}\n\n[Source: Reuters]") == [("source", "Reuters")]


def test_a_wire_photo_credit_leaves_the_copy_to_the_wire_credited_elsewhere():
    """Two copies of one Reuters story: one with a byline, one whose only credit is a Sputnik photo sent by Reuters.
    Both are Reuters' story; neither is Sputnik's."""
    credited = art("fbc", "Fiji Paper", f"Reuters\n\n{STORY}\n\n{MORE}\n\n{LAST}", "Dam bursts", "2024-05-20T09:00")
    photo = art("ul", "Union Paper", f"A picture of the dam.\n\nSPUTNIK/VIA REUTERS\n\nMOSCOW - {STORY}\n\n{MORE}",
                "Dam bursts, villages flooded", "2024-05-20")
    found = {r.id: r for r in find_reprints([credited, photo])}
    assert set(found) == {"fbc", "ul"}
    assert {r.original_outlet for r in found.values()} == {"Reuters"}


def test_a_live_blog_signed_by_a_wire_makes_its_family_the_wires():
    """Three sites carry one Reuters story, one as a live blog item signed "-Reuters", one with a later sentence of
    its own: all are Reuters' copies (Reuters absent), none a copy of another site."""
    blog = art("blog", "City Herald", f"{STORY}\n{MORE}\n-Reuters\nQatar offered help, its ministry said.\n-Reuters",
               published="2024-05-20")
    plain = art("plain", "Dhaka Daily", f"{STORY}\n{MORE}\n{LAST}")
    longer = art("longer", "TV Site", f"A day after the flood, reports said no one was missing. {STORY}\n{MORE}\n"
                 f"{LAST}\nThe army said boats would stay.", published="2024-05-20")
    found = {r.id: r for r in find_reprints([blog, plain, longer])}
    assert set(found) == {"blog", "plain", "longer"}
    assert {(r.original_id, r.original_outlet) for r in found.values()} == {(None, "Reuters")}


def test_a_lead_credit_to_one_outlet_in_a_piece_built_on_another_is_no_credited_rewrite():
    text = ("Japanese broadcaster NHK reported that the minister was hurt.\n\n"
            "According to public broadcaster NHK, he was seen bleeding after the blast.\n\n"
            "He was attacked from behind while speaking on a street, according to the Japan Times.\n\n"
            "A witness told NHK that the first bang sounded like a toy.\n\n"
            "Police arrested a man at the scene, NHK reported.")
    assert find_reprints([art("web", "webstories.example", text)]) == []
    # The same lead credit standing alone still makes the piece a credited rewrite.
    alone = ("He was attacked from behind while speaking on a street, according to the Japan Times.\n\n"
             "Police arrested a man at the scene and took him away for questioning.")
    found = find_reprints([art("web", "webstories.example", alone)])
    assert [(r.original_outlet, r.kind) for r in found] == [("The Japan Times", "credited rewrite")]


def test_an_outlet_named_before_a_colon_opening_the_text_is_its_source():
    assert kinds(f"Reuters: {STORY}") == [("source", "Reuters")]
    assert kinds(f"{STORY} Officials told Reuters: more help will come.") != [("source", "Reuters")]


def test_an_editors_initials_and_the_agency_closing_the_story():
    assert kinds(f"{STORY}\n{MORE}\n{LAST} (KB/IANS)") == [("signoff", "IANS")]


def test_a_link_credit_to_an_outlet_written_as_its_web_address():
    text = f"{STORY}\n\nContinue Reading\n\nThis article was written by Jane Doe and originally published on www.theguardian.com"
    assert kinds(text) == [("link", "The Guardian")]
    assert kinds(f"{STORY} The plan was first published on example.org last year.") == []


def test_a_strong_credit_outweighs_repeated_citations_of_another_outlet():
    """An agency's copy that cites a newspaper twice is the agency's copy, not a rewrite of the newspaper."""
    text = (f"Measuring stations registered strong blasts, The Guardian reported.\n{STORY}\n"
            f"The coordinates match the leaks, The Guardian reported.\n{MORE} (KB/IANS)")
    found = find_reprints([art("ng", "News Site", text)])
    assert [(r.original_outlet, r.kind) for r in found] == [("IANS", "wire copy")]


def test_the_agencys_staff_in_the_plural_is_its_own_reporting():
    assert kinds(f"{STORY}\nReuters reporters at the scene saw smoke rising from the rubble.") == [("reporter", "Reuters")]
    assert kinds(f"{STORY}\nReuters journalists observed emergency vehicles outside.") == [("reporter", "Reuters")]
    # Reporters of the agency mentioned in passing, not reporting: no credit.
    assert kinds(f"{STORY}\nThe Reuters reporters' union called a strike.") == []


# -- session 31: rpages4's credit forms, each on synthetic text ----------------------------------------------------

def test_source_after_a_closing_parenthesis_and_from_after_a_time_stamp():
    assert kinds(f"{STORY}\n{MORE} (QNA) Source: Qatar News Agency") == [("source", "QNA")]
    assert kinds(f"2024-12-08 09:00:04 - From: The Guardian\n\n{STORY}") == [("source", "The Guardian")]
    # "From" without a colon is a preposition, not a credit line.
    assert kinds(f"{STORY} Help came from Reuters Foundation staff - from Reuters, in fact.") == []


def test_a_registry_outlet_written_as_its_short_name():
    assert kinds(f"{STORY}\nTokyo =\nSource: Donga") == [("source", "Dong-A Ilbo")]


def test_this_is_reported_by_names_the_source():
    assert kinds(f"{STORY} This is reported by RIA Novosti with reference to the ministry.") == [
        ("reported", "RIA Novosti")]


def test_agency_staff_after_an_introductory_clause():
    assert kinds(f"{STORY} In central Beirut, AFP journalists heard a passerby screaming.") == [("reporter", "AFP")]
    assert kinds(f"{STORY} In central Beirut, AFP journalists were barred.") == []


def test_confirmed_to_an_agency_is_an_interview():
    assert kinds(f"{STORY} A spokesman also confirmed to news agency AFP that the chief was dead.") == [("told", "AFP")]


def test_reported_by_named_reporters_for_an_agency():
    text = (f"Quakes hit the coast, leaving 30 dead, as reported by Hiro Komae and Yuri Kageyama for the Associated "
            f"Press (AP).\n\n{STORY}")
    assert kinds(text) == [("reported", "Associated Press")]
    assert kinds(f"{STORY} She wrote for the Associated Press for ten years.") == []


def test_two_agencies_reporting_in_one_text_make_it_the_copy_of_neither():
    """AP's interview and AFP's photographer in one story: a compilation of two agencies, no wire copy of one."""
    text = (f"{STORY}\n\nAn official told The Associated Press that the wall had cracked.\n\n{MORE}\n\n"
            f"An AFP photographer in Tyre saw boats carrying the injured.")
    assert find_reprints([art("mix", "Beirut Site", text)]) == []
    alone = f"{STORY}\n\n{MORE}\n\nAn AFP photographer in Tyre saw boats carrying the injured."
    assert [(r.original_outlet, r.kind) for r in find_reprints([art("one", "Beirut Site", alone)])] == [
        ("AFP", "wire copy")]


def test_an_interview_two_copies_share_names_their_family_source():
    """Two sites carry one AFP story whose only credits are 'confirmed to AFP' / 'told AFP': both are AFP's copies,
    not one the other's."""
    a = art("hd", "Ankara Daily", f"{STORY}\nA spokesman also confirmed to AFP that the wall broke.\n{MORE}\n{LAST}",
            published="2024-05-20T08:00")
    b = art("na", "Gulf Site", f"{STORY}\nA spokesman also confirmed to news agency AFP that the wall broke.\n{MORE}\n"
            f"{LAST}\nA source told AFP more rain was due.", published="2024-05-20T12:00")
    found = {r.id: r for r in find_reprints([a, b])}
    assert {(i, r.original_outlet) for i, r in found.items()} == {("hd", "AFP"), ("na", "AFP")}
    # One site's interview alone names no source: one text is the copy of the other, not of AFP.
    c = art("na", "Gulf Site", f"{STORY}\nA spokesman said the wall broke.\n{MORE}\n{LAST}\nA source told AFP more "
            f"rain was due.", published="2024-05-20T12:00")
    found = {r.id: r for r in find_reprints([a | {"text": a["text"].replace("confirmed to AFP", "said")}, c])}
    assert len(found) == 1 and {r.original_outlet for r in found.values()} <= {"Ankara Daily", "Gulf Site"}


def test_an_own_report_citing_a_broadcaster_among_other_named_sources_is_no_rewrite():
    """'According to NHK' three times beside 'according to the Japan Meteorological Agency': the site's own report
    citing its sources, no credited rewrite of NHK (NHK's text is not there to share)."""
    text = ("According to Japanese news outlet NHK, waves of up to 5m are expected on the coast.\n\n"
            "A powerful quake struck western Japan, according to the Japan Meteorological Agency. According to "
            "Japan's NHK broadcaster, warnings were issued for five prefectures.\n\n"
            f"{STORY}\n\nResidents fled to high ground, according to public broadcaster NHK.")
    assert find_reprints([art("own", "News Site", text)]) == []
    # Citing no other named source ("according to preliminary data"), the lead credit still makes a rewrite.
    alone = (f"According to NHK, waves of up to 5m are expected on the coast.\n\n{STORY}\n\n"
             "According to preliminary data, no one was hurt.")
    assert [(r.original_outlet, r.kind) for r in find_reprints([art("rw", "News Site", alone)])] == [
        ("NHK", "credited rewrite")]


def test_a_lead_hard_wrapped_across_lines_is_counted_in_sentences_not_lines():
    """A page that breaks its lines mid-sentence: ', Reuters reported.' closes the lead's third sentence, though it
    sits on the fifth line."""
    text = ("SITE EXCLUSIVE:\nThe dam on the river gave way overnight and flooded six villages, and sent\n"
            "families onto their rooftops.Officials said the toll was preliminary and that 153\n"
            "people had been hurt\nA local official said most deaths were in hard to reach places, Reuters reported. "
            f"{MORE}\n{LAST}\n{STORY}")        # no blank line: the first paragraph is longer than a lead
    assert [(r.original_outlet, r.kind) for r in find_reprints([art("hw", "Site", text)])] == [
        ("Reuters", "credited rewrite")]


def test_a_dateline_of_two_cities_joined_by_a_slash():
    text = f"2024-12-08Reuters on MSN.com\nBy Jane Doe and John Roe AMMAN/BEIRUT (Reuters) -{STORY}"
    found = find_credits("", text)
    assert [(c.kind, c.outlet, c.phrase) for c in found] == [("dateline", "Reuters", "AMMAN/BEIRUT (Reuters) -")]
    assert kinds(f"BBC/ITV poll - {STORY}") == []


def test_reporting_from_a_place_names_the_outlet_reporting():
    text = (f"The group said its leader was killed. Reporting from Jerusalem/Beirut on the same day, Reuters suggested "
            f"his death marks a blow. {STORY}")
    assert kinds(text) == [("reported", "Reuters")]
    assert [(r.original_outlet, r.kind) for r in find_reprints([art("bl", "blog.example", text)])] == [
        ("Reuters", "credited rewrite")]


HEADLINE = "Dam gives way and floods six villages downstream"


def test_an_agency_named_under_the_headline_printed_again_credits_the_picture():
    # fc31's Newsy page: the headline, its standfirst, the headline again (the picture's alt text), the picture's
    # credit and a share button; the story is the site's own.
    for kicker in ("", "Asia\n\n"):
        text = (f"{kicker}{HEADLINE}\n\nRescue teams searched the water for survivors.\n\n{HEADLINE}\n"
                f"Islamic Republic News Agency\nSMS\n\n{STORY}\n\n{MORE}\n\n{LAST}\n\nAdditional reporting from "
                "Newsy affiliate CNN")
        assert kinds(text, HEADLINE) == [("photo", "IRNA")], kicker
        assert find_reprints([art("ny", "Newsy", text, HEADLINE)]) == [], kicker
    # the agency under the headline printed once is the story's byline, as before
    assert kinds(f"{HEADLINE}\n\nAssociated Press\n\n{STORY}\n\n{MORE}", HEADLINE) == [("byline", "Associated Press")]


def test_an_agency_named_alone_mid_story_is_no_sign_off():
    # a picture's credit on its own line between paragraphs; the same name closing the story credits it (read as a byline)
    text = (f"{STORY}\n\n{MORE}\n\n{LAST}\n\nThe army said more boats would reach the district on Tuesday.\n\n"
            "Reuters\n\nAid groups appealed for tents.\n\nThe governor toured the area.\n\nSchools stayed shut.")
    assert kinds(text) == []
    assert kinds(f"{STORY}\n\n{MORE}\n\n{LAST}\n\nReuters") == [("byline", "Reuters")]


def test_a_video_blurb_closing_on_its_date_and_credit_credits_no_text():
    # CHECK.md (fc31) item 3: a video blurb above the story ends on its date and credit, whole or cut.
    for credit, outlet in (("(March 19) AP", "Associated Press"), ("(March AP", None), ("(Aug. 24) USA TODAY", "USA Today")):
        text = ("Skip in Skip\n\nAn airliner with 62 people on board crashed while landing in strong winds. Video "
                f"released appears to show the crash. {credit}\n\nAn airliner making a second attempt to land crashed "
                "short of the runway on Saturday, killing all 62 people aboard.")
        assert all(k == "photo" for k, _ in kinds(text)), credit
        arts = [art("1", "Paper", text, "Jet crashes in storm"),
                art("2", "Wire", "The Boeing was lost with all on board near Rostov, the ministry said.", "Dubai flight lost")]
        assert find_reprints(arts) == [], credit
        assert compare_event(arts, reprints=None)["reprints"] == [], credit
    # the story's own sign-off at its end still credits the wire
    assert kinds(f"{STORY}\n\n{MORE}\n\n{LAST} (AP)")[-1:] == [("signoff", "Associated Press")]


# -- session 32: rpages5's misses --------------------------------------------------------------------------------

def test_an_outlet_reporting_on_opening_a_blurb_credits_it():
    """'Reuters reports on the more than 2,000 people who…' opening a blurb under a date line: the outlet's report
    retold; the words in a sentence's middle, or 'reported on Monday', are no such opening."""
    text = f"Sep 13\n\nReuters reports on the more than 2,000 people killed when the dam gave way. {MORE}"
    assert kinds(text) == [("reported", "Reuters")]
    assert [(r.original_outlet, r.kind) for r in find_reprints([art("fm", "Future Site", text)])] == [
        ("Reuters", "credited rewrite")]
    assert kinds(f"{STORY}The minister said the story Reuters reports on the dam is wrong. {MORE}") == []
    assert kinds(f"Reuters reported on Monday that the dam gave way. {MORE}") == [("cited", "Reuters")]


def test_an_agencys_earlier_story_following_below_credits_it():
    """A breaking update over 'AP's earlier story follows below.' carries the agency's story, its dateline too deep
    in the text to be read as the story's."""
    paras = "\n\n".join([STORY, MORE, LAST, "Aid groups appealed for tents.", "The governor toured the area.",
                         "Schools stayed shut.", "THIS IS A BREAKING NEWS UPDATE. AP’s earlier story follows below.",
                         f"ANKARA, Turkey (AP) — {STORY}"])
    assert ("link", "Associated Press") in kinds(paras)
    assert [(r.original_outlet, r.kind) for r in find_reprints([art("nl", "lynx.example", paras)])] == [
        ("Associated Press", "wire copy")]
    # the agency's earlier story named in a sentence of the site's own is no credit
    assert kinds(f"{STORY}The minister disputed the agency's earlier story about AP staff. {MORE}") == []


def test_an_outlet_and_a_bar_opening_a_headline_credit_it():
    """'News24 | …' opening an aggregator's headline names the outlet whose story it carries: two aggregators' copies
    of it are the outlet's, not one the other's; a bar later in the title, or the site's own name, is no credit."""
    title = "News24 | 'It was a shocking sight': six workers presumed dead after dam gives way"
    text = f"{STORY}\n\nRead Entire Article"
    found = find_credits(title, text)
    assert [(c.kind, c.outlet, c.phrase) for c in found] == [("title", "News24", "News24 |")]
    got = find_reprints([art("a", "agg-one.example", text, title, "2024-03-27"),
                         art("b", "agg-two.example", text + "\n", title, "2024-03-27")])
    assert sorted((r.id, r.original_outlet) for r in got) == [("a", "News24"), ("b", "News24")]
    assert find_credits("Dam gives way | News24 readers react", text) == []
    assert find_credits(title, text, own="News24") == []


def test_the_wire_service_named_again_keeps_a_credited_rewrite():
    """'according to the Associated Press' beside 'according to Taiwan's fire agency', and later 'the wire service
    also reports': the piece is built on the agency's report, no own report citing it."""
    text = ("The quake killed nine and injured hundreds, according to officials.\nIt struck during the morning rush "
            "hour off the coast of Hualien County, according to the Associated Press.\nThe number of injured is now "
            f"934, according to Taiwan’s national fire agency.\n{MORE}\nBy noon the metro was again buzzing with "
            "people, the wire service also reports.")
    assert [(r.original_outlet, r.kind) for r in find_reprints([art("jn", "News Site", text)])] == [
        ("Associated Press", "credited rewrite")]
    # without the agency named again, the own-report rule stands
    assert find_reprints([art("jn", "News Site", text.replace("the wire service also reports", "officials said"))]) == []


def test_a_networks_section_in_the_address_credits_the_network():
    """'upr.org/npr-news/2024-04-03/…': a member station's section of the network's stories; a blog's category
    ('/category/fox-news/') or a slug naming an outlet is no such section."""
    found = find_credits("Photos of the quake", STORY, "https://www.upr.org/npr-news/2024-04-03/photos-of-the-quake")
    assert [(c.kind, c.outlet) for c in found] == [("url", "NPR")]
    assert find_credits("t", STORY, "https://blog.example/category/fox-news/why-i-watch") == []
    assert find_credits("t", STORY, "https://www.obiaks.com/world/89621-news24-it-was-a-shocking-sight") == []
    assert find_credits("t", STORY, "https://www.npr.org/npr-news/2024-04-03/x", own="NPR") == []
