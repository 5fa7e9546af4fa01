-- The store schema of framelens 0.1.0 (commit a520016) as sqlite DDL, frozen: tests open a store it made.

CREATE TABLE articles (
	id VARCHAR(200) NOT NULL, 
	outlet VARCHAR(200) NOT NULL, 
	title TEXT, 
	text TEXT, 
	summary TEXT, 
	url VARCHAR(2000), 
	guid TEXT, 
	feed_url VARCHAR(2000), 
	author TEXT, 
	categories TEXT, 
	language VARCHAR(16), 
	published DATETIME, 
	date_source VARCHAR(16), 
	date_flag TEXT, 
	first_seen DATETIME, 
	text_status VARCHAR(16), 
	text_error TEXT, 
	text_length INTEGER, 
	origin VARCHAR(16), 
	event_id VARCHAR(64), 
	quoted BOOLEAN NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_articles_event_id ON articles (event_id);

CREATE INDEX ix_articles_event_outlet_published ON articles (event_id, outlet, published);

CREATE INDEX ix_articles_outlet ON articles (outlet);

CREATE INDEX ix_articles_outlet_event ON articles (outlet, event_id);

CREATE INDEX ix_articles_published ON articles (published);

CREATE INDEX ix_articles_published_outlet ON articles (published, outlet);

CREATE INDEX ix_articles_url ON articles (url);

CREATE TABLE events (
	id VARCHAR(64) NOT NULL, 
	label TEXT, 
	terms TEXT, 
	topics TEXT, 
	first_published DATETIME, 
	last_published DATETIME, 
	n_articles INTEGER, 
	n_outlets INTEGER, 
	n_reprints INTEGER, 
	n_original_outlets INTEGER, 
	updated DATETIME, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_events_first_published ON events (first_published);

CREATE INDEX ix_events_last_published ON events (last_published);

CREATE INDEX ix_events_rank ON events (n_original_outlets DESC, n_articles DESC, last_published DESC);

CREATE TABLE feeds (
	url VARCHAR(2000) NOT NULL, 
	outlet VARCHAR(200) NOT NULL, 
	etag TEXT, 
	last_modified TEXT, 
	last_status VARCHAR(40), 
	http_status INTEGER, 
	last_error TEXT, 
	latency_ms FLOAT, 
	failures_in_row INTEGER, 
	items_seen INTEGER, 
	new_articles INTEGER, 
	last_fetched DATETIME, 
	last_ok DATETIME, 
	PRIMARY KEY (url)
);

CREATE INDEX ix_feeds_outlet ON feeds (outlet);

CREATE TABLE outlets (
	name VARCHAR(200) NOT NULL, 
	homepage TEXT, 
	country VARCHAR(8), 
	language VARCHAR(16), 
	ownership VARCHAR(16), 
	groups TEXT, 
	PRIMARY KEY (name)
);

CREATE TABLE quotes (
	article_id VARCHAR(200) NOT NULL, 
	n INTEGER NOT NULL, 
	quote TEXT, 
	quote_start INTEGER, 
	quote_end INTEGER, 
	kind VARCHAR(16), 
	cue VARCHAR(80), 
	speaker TEXT, 
	canonical_speaker TEXT, 
	speaker_start INTEGER, 
	speaker_end INTEGER, 
	speaker_type VARCHAR(16), 
	speaker_role TEXT, 
	words INTEGER, 
	official BOOLEAN, 
	PRIMARY KEY (article_id, n)
);

CREATE INDEX ix_quotes_canonical_speaker ON quotes (canonical_speaker);

CREATE TABLE reprints (
	id VARCHAR(200) NOT NULL, 
	original_id VARCHAR(200), 
	original_outlet VARCHAR(200), 
	score FLOAT, 
	changes TEXT, 
	event_id VARCHAR(64), 
	PRIMARY KEY (id)
);

CREATE INDEX ix_reprints_event_id ON reprints (event_id);

CREATE INDEX ix_reprints_original_id ON reprints (original_id);
