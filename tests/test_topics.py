"""Topic taxonomy: packaged file loads, tagging on hand-written examples, bad files are named."""
from __future__ import annotations

import pytest

from core.topics import TopicFileError, load_topics, tag_topics


def test_packaged_taxonomy_covers_the_main_topics():
    names = {t.name for t in load_topics()}
    assert len(names) >= 15
    for want in ("Russia–Ukraine war", "China–Taiwan", "Israel–Gaza & Middle East", "Iran", "Immigration",
                 "Climate & environment", "Economy & markets", "Trade & tariffs", "Technology & AI", "Sports"):
        assert want in names


@pytest.mark.parametrize("title,text,want", [
    ("Zelensky meets allies in Kyiv", "", "Russia–Ukraine war"),
    ("Chinese warships drill near Taiwan", "The PLA exercise around Taipei drew protests.", "China–Taiwan"),
    ("Hostages freed", "Hamas released hostages in Gaza under the ceasefire deal.", "Israel–Gaza & Middle East"),
    ("Fed holds rates", "The Federal Reserve kept interest rates steady as inflation cooled.", "Economy & markets"),
    ("New tariffs on steel", "", "Trade & tariffs"),
    ("Border arrests rise", "Migrants seeking asylum crossed in record numbers, Border Patrol said.", "Immigration"),
    ("OpenAI releases a new model", "", "Technology & AI"),
    ("Quake kills dozens", "The magnitude 6.8 earthquake triggered landslides.", "Disasters & accidents"),
])
def test_tags_hand_written_examples(title, text, want):
    assert want in tag_topics(title, text)


def test_matching_is_word_bounded_and_needs_enough_evidence():
    assert "Technology & AI" not in tag_topics("He said it was fair", "Officials said the rain stopped.")
    assert "Iran" not in tag_topics("Local bakery wins award", "Its owner once visited Tehran.")  # one body hit
    assert tag_topics("A quiet day", "Nothing happened anywhere.") == []


def test_feed_categories_map_to_topics_and_unknown_ones_are_dropped():
    assert tag_topics("Match report", "", categories=["Sport"]) == ["Sports"]
    assert tag_topics("Something", "", categories=["Top Stories"]) == []


def test_bad_taxonomy_files_name_file_and_field(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[topic]]\nname = "X"\nkeywords = "not a list"\n', encoding="utf-8")
    with pytest.raises(TopicFileError, match=r"bad\.toml: topic 'X'\.keywords"):
        load_topics(bad)
    bad.write_text('[[topic]]\nkeywords = ["a"]\n', encoding="utf-8")
    with pytest.raises(TopicFileError, match=r"bad\.toml: topic #1\.name"):
        load_topics(bad)
    bad.write_text('[[topic]]\nname = "X"\nkeywords = ["a"]\nmin_hits = 0\n', encoding="utf-8")
    with pytest.raises(TopicFileError, match=r"min_hits"):
        load_topics(bad)
    bad.write_text("not = [toml", encoding="utf-8")
    with pytest.raises(TopicFileError, match=r"bad\.toml: invalid TOML"):
        load_topics(bad)
    with pytest.raises(TopicFileError, match="missing.toml"):
        load_topics(tmp_path / "missing.toml")


def test_custom_taxonomy_is_used(tmp_path):
    f = tmp_path / "t.toml"
    f.write_text('[[topic]]\nname = "Space"\nkeywords = ["rocket", "orbit"]\nentities = ["NASA"]\n',
                 encoding="utf-8")
    topics = load_topics(f)
    assert tag_topics("NASA launches probe", "", topics=topics) == ["Space"]
    assert tag_topics("Launch day", "The nasa rocket reached orbit.", topics=topics) == ["Space"]
    assert tag_topics("Launch day", "The nasa team.", topics=topics) == []
