-- What scheduling needs of content-service's items and partner-service's partners, kept from their
-- events (topics content and partner): validation, filling and live insertion read it in one query
-- instead of asking content-service item by item. Each row remembers the sequence of the last event
-- applied to it: an event at or below it is a duplicate or arrived late, and is ignored.
CREATE TABLE content_view (
    id               uuid         PRIMARY KEY,
    partner_id       uuid         NOT NULL,
    kind             varchar(20)  NOT NULL,
    title            varchar(300) NOT NULL,
    status           varchar(20)  NOT NULL,
    duration_seconds integer,
    start_at         timestamptz,
    end_at           timestamptz,
    age_rating       varchar(20)  NOT NULL,
    available_from   timestamptz  NOT NULL,
    available_until  timestamptz,
    territories      varchar(2)[] NOT NULL,
    sequence         bigint       NOT NULL,
    event_id         text         NOT NULL,
    applied_at       timestamptz  NOT NULL
);

CREATE TABLE partner_view (
    id         uuid        PRIMARY KEY,
    status     varchar(20) NOT NULL,
    sequence   bigint      NOT NULL,
    event_id   text        NOT NULL,
    applied_at timestamptz NOT NULL
);

-- Healing looks for an item's, or a partner's, slots that have not ended yet, on every channel at once.
CREATE INDEX slot_content_end ON slot (content_id, end_at);
CREATE INDEX slot_partner_end ON slot (partner_id, end_at);

-- What becomes of a channel's slot whose content may no longer air: FILL (removed, or cut when on air,
-- and the time filled from the channel's filler rotation) or FLAG (left for an operator; validation reports it).
ALTER TABLE channel ADD COLUMN healing varchar(10) NOT NULL DEFAULT 'FILL';

-- Every slot healed (or flagged), the event that caused it and what took its place.
CREATE TABLE heal (
    id           uuid        PRIMARY KEY,
    -- the order heals were recorded in: the operators' list pages by it, newest first
    position     bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    channel_id   uuid        NOT NULL REFERENCES channel (id),
    slot_id      uuid        NOT NULL,
    content_id   uuid        NOT NULL,
    slot_start   timestamptz NOT NULL,
    slot_end     timestamptz NOT NULL,
    action       varchar(20) NOT NULL,
    reason       varchar(30) NOT NULL,
    detail       text        NOT NULL,
    -- where the time given back begins: the slot's start, or the moment a slot on air was cut; null when flagged
    freed_from   timestamptz,
    -- the filler slots that took its place: [{"slotId", "contentId", "title", "start", "end", "cut"}]
    replacements jsonb       NOT NULL,
    event_id     text        NOT NULL,
    event_type   varchar(100) NOT NULL,
    healed_at    timestamptz NOT NULL
);
CREATE INDEX heal_channel_newest ON heal (channel_id, position DESC);
-- a flagged slot is recorded once per reason, however many events find it again
CREATE INDEX heal_flagged_slot ON heal (slot_id) WHERE action = 'FLAGGED';
