"""framelens dashboard entry point: `streamlit run dashboard.py`. Routes to the pages in pages/."""
import streamlit as st

if __name__ == "__main__":  # a page run: Streamlit executes this file as __main__ for every visitor
    from pages.common import PAGES, page_config, sidebar, store

    page_config()

    # Our own sidebar links (not st.navigation's) so that the filters in the query string follow
    # the user from page to page, and so that the sidebar looks the same however a page was reached.

    def home() -> None:
        """The bare address opens Overview at its own URL, so /overview links work too."""
        st.switch_page("pages/overview.py", query_params={k: st.query_params.get_all(k) for k in st.query_params})

    # Streamlit serves the default page at "/" and ignores its url_path, so the default is a hop to Overview.
    nav = st.navigation([st.Page(home, title="framelens", default=True)]
                        + [st.Page(path, title=title, icon=icon, url_path=url) for path, title, icon, url in PAGES],
                        position="hidden")
    # Filters are drawn here, not in the pages, so they keep their values when the user changes page.
    sidebar(store(), nav.url_path)
    nav.run()
else:
    # `streamlit run dashboard.py` finds `app` here and serves it: the same pages, plus a start-up
    # step that computes every page's first view before the port opens (pages.data.lifespan).
    # Without it the first visitor after a start waited 1-2 s more for imports and cold queries.
    def lifespan(app):
        from pages.data import lifespan as warm_first  # once the runtime exists, which its caches need
        return warm_first(app)

    app = st.App(__file__, lifespan=lifespan)
