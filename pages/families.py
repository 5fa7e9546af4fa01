"""The Event page's Reprints tab: each family of derived articles together, its original first, then what
every copy changed and the evidence its verdict rests on (core/reprints.py says both in words)."""
import pandas as pd
import streamlit as st

from core.reprints import describe, describe_evidence, families, family_sure
from pages.common import safe


def families_view(reps: pd.DataFrame, arts: pd.DataFrame) -> None:
    """One heading and one table per family: the original (or its outlet when not stored), then its copies."""
    if reps.empty:
        st.info("No article in this event is a reprint of another outlet's story.")
        return
    info = arts.set_index("id")
    for fam in families(reps.to_dict("records")):
        oid = fam["original_id"]
        if oid and oid in info.index:
            # without a credit, boilerplate or time to tell, the text the others share is only the likeliest source
            role = "original" if family_sure(fam["copies"]) else \
                "likeliest original: no credit, boilerplate or time shows which text came first"
            st.markdown(f"**{safe(info.at[oid, 'outlet'])}** ({role}): {safe(info.at[oid, 'title'])}")
        elif fam["original_outlet"] == "unknown":
            st.markdown("**Source not named** (an aggregator's copy)")
        else:
            st.markdown(f"**{safe(fam['original_outlet'])}** (original not in the store)")
        rows = [{"outlet": info.at[r["id"], "outlet"] if r["id"] in info.index else "", "kind": r.get("kind") or "",
                 "headline": info.at[r["id"], "title"] if r["id"] in info.index else "",
                 "what changed": describe(r.get("changes")), "score": round(float(r.get("score") or 0), 2),
                 "evidence": describe_evidence(r.get("evidence"))}
                for r in fam["copies"]]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key=f"family_{fam['key']}")
