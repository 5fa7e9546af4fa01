"""Event clustering: articles from different outlets about one happening become one event.

The design follows Miranda et al. (2018), "Multilingual Clustering of Streaming News": each article is a
set of sparse TF-IDF sub-vectors (title, lead, text, named entities; `features`); it joins the most
similar event inside a publication-time window or opens a new one (`online`); a regrouping pass merges
events that turn out to be one and splits events that hold two happenings (`regroup`). `batch` runs the
same procedure over a whole set in a fixed order, which is what `framelens cluster` and imports use.
Settings: core.config.ClusterConfig.
"""
from core.config import ClusterConfig
from core.models import parse_time

from .batch import cluster_batch, read_articles, run_cluster_file
from .events import EventSummary, event_id_for
from .online import EventClusterer, clustering_span, order_key

__all__ = ["ClusterConfig", "EventClusterer", "EventSummary", "cluster_batch", "clustering_span", "event_id_for", "order_key",
           "parse_time", "read_articles", "run_cluster_file"]
