-- What a slot's placement knew of its content: the sequence of the last event about the item that the
-- state it was placed on reflected (content-service's answer, or the view). An event about the item heals
-- only slots placed on older knowledge: a late event never removes a slot placed on newer knowledge, and a
-- slot placed on older knowledge is healed however late it committed. Slots placed before are 0: every
-- event is newer.
ALTER TABLE slot ADD COLUMN content_sequence bigint NOT NULL DEFAULT 0;
