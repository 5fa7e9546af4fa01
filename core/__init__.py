"""framelens core: the logic behind the dashboard. Never imports streamlit."""
