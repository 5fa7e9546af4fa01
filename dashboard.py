"""framelens dashboard entry point: `streamlit run dashboard.py`. Routes to the pages in pages/."""
import streamlit as st

st.set_page_config(page_title="framelens", page_icon="🔎", layout="wide")

nav = st.navigation([
    st.Page("pages/articles.py", title="Articles", icon="📰", default=True, url_path="articles"),
])
nav.run()
