"""framelens dashboard entry point: `streamlit run dashboard.py`. Routes to the pages in pages/."""
from pathlib import Path

import streamlit as st

if __name__ == "__main__":  # a page run: Streamlit executes this file as __main__ for every visitor
    from pages.common import PAGES, page_config, run_page, sidebar, store

    page_config()

    # Our own sidebar links (not st.navigation's) so that the filters in the query string follow
    # the user from page to page, and so that the sidebar looks the same however a page was reached.
    (overview, title, icon, url), *others = PAGES

    def overview_by_name() -> None:
        """/overview: the Overview at its own name, for links that use it. The bare address runs the same
        script as the default page, without the hop through st.switch_page that made it the slowest."""
        run_page(Path(__file__).parent / overview)

    # Streamlit serves the default page at "/" but reserves its url_path too: "start" names nothing else.
    nav = st.navigation([st.Page(overview, title=title, icon=icon, default=True, url_path="start"),
                         st.Page(overview_by_name, title=title, icon=icon, url_path=url)]
                        + [st.Page(path, title=title, icon=icon, url_path=url) for path, title, icon, url in others],
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

    # Each page's own address serves Streamlit's page with a hint of where the server is (pages.page_html):
    # without it a new tab at /event first looked for the server under /event.
    from starlette.middleware import Middleware

    from pages.page_html import PageHtml

    app = st.App(__file__, lifespan=lifespan, middleware=[Middleware(PageHtml)])
