-- What airs on a channel when: half-open [start_at, end_at) in UTC; never two at once on a channel.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE slot (
    id          uuid         PRIMARY KEY,
    channel_id  uuid         NOT NULL REFERENCES channel (id),
    content_id  uuid         NOT NULL,
    kind        varchar(20)  NOT NULL,
    -- a snapshot of the content for the guide, taken when placed
    title       varchar(300) NOT NULL,
    partner_id  uuid         NOT NULL,
    age_rating  varchar(20)  NOT NULL,
    start_at    timestamptz  NOT NULL,
    end_at      timestamptz  NOT NULL,
    version     bigint       NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT slot_positive CHECK (end_at > start_at),
    -- concurrent placements cannot double-book: the database refuses the second
    CONSTRAINT slot_no_overlap EXCLUDE USING gist (channel_id WITH =, tstzrange(start_at, end_at, '[)') WITH &&)
);
