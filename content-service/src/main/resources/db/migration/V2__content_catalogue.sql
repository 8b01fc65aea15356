-- The full content item: what it is, when and where it may air, and its moderation history.
-- (No item was stored before this version: the columns need no back-fill.)
ALTER TABLE content_item
    ADD COLUMN synopsis         varchar(5000),
    ADD COLUMN language         varchar(35)   NOT NULL,
    ADD COLUMN categories       varchar(20)[] NOT NULL DEFAULT '{}',
    ADD COLUMN duration_seconds integer,
    ADD COLUMN start_at         timestamptz,
    ADD COLUMN end_at           timestamptz,
    ADD COLUMN media_url        varchar(2048) NOT NULL,
    ADD COLUMN thumbnail_url    varchar(2048),
    ADD COLUMN age_rating       varchar(20)   NOT NULL DEFAULT 'ALL_AGES',
    ADD COLUMN available_from   timestamptz   NOT NULL,
    ADD COLUMN available_until  timestamptz,
    ADD COLUMN territories      varchar(2)[]  NOT NULL DEFAULT '{}',
    ADD COLUMN reason           varchar(1000),
    ADD COLUMN updated_at       timestamptz   NOT NULL DEFAULT now(),
    ADD CONSTRAINT content_item_window CHECK (available_until IS NULL OR available_until > available_from),
    ADD CONSTRAINT content_item_timing CHECK (
        (kind = 'LIVE_EVENT' AND start_at IS NOT NULL AND end_at > start_at AND duration_seconds IS NULL)
        OR (kind <> 'LIVE_EVENT' AND duration_seconds BETWEEN 1 AND 86400 AND start_at IS NULL AND end_at IS NULL));

-- Free text over title and synopsis, on an index.
ALTER TABLE content_item ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(synopsis, '')), 'B')) STORED;
CREATE INDEX content_item_search ON content_item USING gin (search);
CREATE INDEX content_item_territories ON content_item USING gin (territories);
CREATE INDEX content_item_categories ON content_item USING gin (categories);
CREATE INDEX content_item_status_id ON content_item (status, id);
CREATE INDEX content_item_partner_id ON content_item (partner_id, id);

CREATE TABLE content_event (
    id          uuid          PRIMARY KEY,
    content_id  uuid          NOT NULL REFERENCES content_item (id),
    actor       varchar(200)  NOT NULL,
    action      varchar(40)   NOT NULL,
    from_status varchar(20),
    to_status   varchar(20)   NOT NULL,
    reason      varchar(1000),
    occurred_at timestamptz   NOT NULL
);
CREATE INDEX content_event_newest_first ON content_event (content_id, occurred_at DESC, id DESC);
