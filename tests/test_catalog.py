"""The packaged outlet catalog and the errors a user's own catalog gets."""
import pytest

from core.catalog import CatalogError, load_catalog, parse_catalog


def test_packaged_catalog_covers_the_sides_of_international_news():
    outlets = load_catalog()
    assert len(outlets) >= 40
    names = {o.name for o in outlets}
    for must in ("BBC News", "The Guardian", "NPR", "Deutsche Welle", "France 24", "Al Jazeera",
                 "ABC News (Australia)", "RT", "TASS", "Xinhua", "Global Times", "CGTN", "Fox News",
                 "The New York Times", "Dawn", "NDTV", "Japan Today", "MercoPress", "AllAfrica"):
        assert must in names, must
    groups = {g for o in outlets for g in o.groups}
    for g in ("russia", "china", "ukraine", "india", "pakistan", "japan", "latin america", "africa", "state media"):
        assert g in groups, g
    assert {o.ownership for o in outlets} == {"state", "public", "private", "nonprofit"}
    assert all(o.feeds and all(f.startswith("http") for f in o.feeds) for o in outlets)
    assert all(o.country and o.language and o.homepage for o in outlets)


def test_minimal_catalog_needs_only_name_and_feeds(tmp_path):
    p = tmp_path / "mine.toml"
    p.write_text('[[outlet]]\nname = "TASS"\nfeeds = ["https://tass.com/rss/v2.xml"]\n')
    [tass] = load_catalog(p)
    assert tass.name == "TASS" and tass.feeds == ["https://tass.com/rss/v2.xml"] and tass.groups == []


@pytest.mark.parametrize("text, line, field, words", [
    ('[[outlet]]\nname = "A"\n', 1, "feeds", "non-empty list"),
    ('[[outlet]]\nname = "A"\nfeeds = ["https://a.example/rss"]\n\n[[outlet]]\nfeeds = ["https://b.example/rss"]\n',
     5, "name", "required"),
    ('[[outlet]]\nname = "A"\nfeeds = ["https://a.example/rss"]\nownership = "government"\n', 4, "ownership",
     "not one of"),
    ('[[outlet]]\nname = "A"\nfeeds = ["file:///etc/passwd"]\n', 3, "feeds", "not an http(s) URL"),
    ('[[outlet]]\nname = "A"\nfeeds = ["https://a.example/rss"]\ngroups = "us"\n', 4, "groups", "list of strings"),
    ('[[outlet]]\nname = "A"\nfeeds = ["https://a/x"]\n[[outlet]]\nname = "a"\nfeeds = ["https://b/x"]\n', 5,
     "name", "duplicate"),
])
def test_bad_catalog_error_names_file_line_and_field(tmp_path, text, line, field, words):
    p = tmp_path / "bad.toml"
    p.write_text(text)
    with pytest.raises(CatalogError) as e:
        load_catalog(p)
    msg = str(e.value)
    assert msg.startswith(f"{p}:{line}: field '{field}'"), msg
    assert words in msg


def test_toml_syntax_error_names_the_line():
    with pytest.raises(CatalogError) as e:
        parse_catalog('[[outlet]]\nname = "A"\nfeeds = ["x",\nbroken = \n', "cat.toml")
    assert str(e.value).startswith("cat.toml:") and "not valid TOML" in str(e.value)


def test_missing_catalog_file_is_named(tmp_path):
    with pytest.raises(CatalogError, match="nope.toml"):
        load_catalog(tmp_path / "nope.toml")


def test_homepage_must_be_a_web_address(tmp_path):
    p = tmp_path / "bad.toml"
    p.write_text('[[outlet]]\nname = "A"\nfeeds = ["https://a.example/rss"]\nhomepage = "javascript:alert(1)"\n')
    with pytest.raises(CatalogError, match=r"bad.toml:4: field 'homepage'"):
        load_catalog(p)


# -- hostile catalogs: every problem named, never a traceback -------------------------------------------
@pytest.mark.parametrize("text, line, field, words", [
    ('[[outlet]]\nname = "A"\nfeeds = ["https://a.example/rss"]\n\n[[outlet]]\nname = "B"\n'
     'feeds = ["https://b.example/rss", "HTTPS://A.example/rss"]\n', 7, "feeds",
     "feed 'https://a.example/rss' is also listed under outlet 'A' (line 3)"),
    ('[[outlet]]\nname = "A"\nfeeds = ["https://a.example/' + "x" * 2100 + '"]\n', 3, "feeds", "longer than 2,000"),
    ('[[outlet]]\nname = "' + "N" * 300 + '"\nfeeds = ["https://a.example/rss"]\n', 2, "name", "300 characters"),
    ('[[outlet]]\nname = "A"\nfeeds = ["http://[::1/rss"]\n', 3, "feeds", "malformed"),
])
def test_hostile_catalog_entries_are_named(text, line, field, words):
    with pytest.raises(CatalogError) as e:
        parse_catalog(text, "cat.toml")
    assert str(e.value).startswith(f"cat.toml:{line}: field '{field}'"), str(e.value)
    assert words in str(e.value)


def test_deeply_nested_toml_is_refused_with_a_sentence():
    with pytest.raises(CatalogError, match="cat.toml: is nested too deeply"):
        parse_catalog('[[outlet]]\nname = "A"\nfeeds = ["https://a.example/rss"]\nx = ' + "[" * 50_000 + "]" * 50_000,
                      "cat.toml")
    with pytest.raises(CatalogError, match="must be a table"):
        parse_catalog('outlet = [1, 2]\n', "cat.toml")


def test_upper_case_scheme_is_accepted_and_normalised():
    [a] = parse_catalog('[[outlet]]\nname = "A"\nfeeds = ["HTTPS://A.Example:8443/News/RSS", "https://a.example:8443/News/RSS"]\n'
                        'homepage = "HTTPS://a.example/"\n', "cat.toml")
    assert a.feeds == ["https://a.example:8443/News/RSS"] and a.homepage == "HTTPS://a.example/"


@pytest.mark.parametrize("extra, line, field, words", [
    # a misspelt key silently dropped the label it was meant to set
    ('ownershp = "state"', 4, "ownershp", "unknown key (did you mean 'ownership'?)"),
    ('group = ["wire"]', 4, "group", "unknown key (did you mean 'groups'?)"),
    ('notes = "x"', 4, "notes", "unknown key; the keys are name, feeds"),
])
def test_an_unknown_key_is_named_with_the_key_it_may_mean(extra, line, field, words):
    with pytest.raises(CatalogError) as e:
        parse_catalog(f'[[outlet]]\nname = "A"\nfeeds = ["https://a.example/rss"]\n{extra}\n', "c.toml")
    assert (e.value.line, e.value.field) == (line, field) and words in str(e.value), str(e.value)


@pytest.mark.parametrize("text, field, words", [
    # a space in the host passed and failed at run time as "cannot resolve host exa%20mple.com"
    ('[[outlet]]\nname = "A"\nfeeds = ["http://exa mple.com/rss"]\n', "feeds", "is not an http(s) URL"),
    # a right-to-left override makes one outlet's name display as another's
    ('[[outlet]]\nname = "Reuters\\u202e"\nfeeds = ["https://a.example/rss"]\n', "name", "U+202E at position 8"),
    ('[[outlet]]\nname = "Re\\u200buters"\nfeeds = ["https://a.example/rss"]\n', "name", "U+200B at position 3"),
])
def test_a_feed_url_with_a_space_or_a_name_with_invisible_characters_is_refused(text, field, words):
    with pytest.raises(CatalogError) as e:
        parse_catalog(text, "c.toml")
    assert e.value.field == field and words in str(e.value), str(e.value)
