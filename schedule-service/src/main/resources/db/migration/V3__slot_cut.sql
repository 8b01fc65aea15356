-- A slot shorter than its content (filler cut to fit a gap, a programme trimmed by a live event) says so.
ALTER TABLE slot ADD COLUMN cut boolean NOT NULL DEFAULT false;

-- The guide and the window reads walk a channel's slots in start order.
CREATE INDEX slot_channel_start ON slot (channel_id, start_at);
