"""The article reader's marks: shown only where the stored text holds what they claim."""
import pandas as pd

from core.reader import Mark, marks, paragraphs

TEXT = 'Talks ended.\n"We will not retreat," Shoigu said.\n\nThe invasion went on.'


def quote(start, end, quote, speaker="Shoigu", s_start=None, s_end=None):
    return {"quote_start": start, "quote_end": end, "quote": quote, "speaker": speaker, "canonical_speaker": "Sergei Shoigu",
            "speaker_start": s_start, "speaker_end": s_end}


def test_marks_hold_the_text_they_claim_and_the_rest_are_counted():
    q = pd.DataFrame([quote(13, 35, '"We will not retreat,"', s_start=36, s_end=42),
                      quote(0, 5, "something else said")])  # stale offsets: left out, counted
    terms = [{"id": "a", "field": "text", "start": 54, "end": 62, "surface": "invasion", "family": "war"},
             {"id": "a", "field": "title", "start": 0, "end": 3, "surface": "xyz", "family": "f"},  # the title's
             {"id": "a", "field": "text", "start": 900, "end": 910, "surface": "gone", "family": "f"}]
    found, bad = marks(TEXT, q, terms)
    assert found == [Mark(13, 35, "quote", "Sergei Shoigu"), Mark(36, 42, "speaker", "Sergei Shoigu"),
                     Mark(54, 62, "term", "war")]
    assert bad == 2


def test_paragraphs_split_at_line_breaks_and_the_narrower_mark_shows():
    found = [Mark(13, 35, "quote"), Mark(22, 26, "term")]
    paras = paragraphs(TEXT, found)
    assert [p[0][0] for p in paras] == ["Talks ended.", '"We will ', "The invasion went on."]
    assert paras[1][:3] == [('"We will ', "quote"), ("not ", "term"), ('retreat,"', "quote")]
    assert "".join(piece for p in paras for piece, _ in p) == TEXT.replace("\n", "")
