"""Outlets under a bigger outlet's brand, run by other companies (CNN Brasil, Sky News Australia): a credit to one is
not a credit to the brand's owner (session 36's rpages13 read "Source: CNN Brasil" as CNN)."""
from __future__ import annotations

from core.credits import canonical_outlet, mentions
from tests.reprint_texts import LAST, MORE, STORY, kinds


def test_a_licensees_name_is_its_own_outlet_not_the_brands():
    assert [n for _, _, n in mentions("Source: CNN Brasil")] == ["CNN Brasil"]
    assert [n for _, _, n in mentions("Sky News Australia reported the claim.")] == ["Sky News Australia"]
    assert [n for _, _, n in mentions("The claim was first reported by CNN-News18.")] == ["CNN-News18"]
    assert [n for _, _, n in mentions("CNN reported it first.")] == ["CNN"]        # the brand itself still counts
    assert canonical_outlet("www.cnnbrasil.com.br") == "CNN Brasil"
    assert kinds(f"{STORY}\n\n{MORE}\n\n{LAST}\n\nSource: CNN Brasil") != kinds(f"{STORY}\n\n{MORE}\n\n{LAST}\n\nSource: CNN")
    assert all(outlet != "CNN" for _, outlet in kinds(f"{STORY}\n\n{MORE}\n\n{LAST}\n\nSource: CNN Brasil"))
