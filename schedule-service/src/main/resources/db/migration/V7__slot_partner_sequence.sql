-- What a slot's placement knew of its content's partner: the sequence of the last partner event the view
-- had applied when the slot was written (the placement locks that row, so it cannot change before the
-- slot commits). A partner event heals only slots placed on older knowledge of the partner. Slots placed
-- before are 0: every event is newer.
ALTER TABLE slot ADD COLUMN partner_sequence bigint NOT NULL DEFAULT 0;
