-- What each transaction changed in the schedules, whichever edit wrote the slots: ScheduleEvents reads
-- (and deletes) its own rows before the transaction commits and announces them as events.
CREATE TABLE slot_journal (
    txid           bigint       NOT NULL DEFAULT txid_current(),
    change         varchar(10)  NOT NULL,
    id             uuid         NOT NULL,
    channel_id     uuid         NOT NULL,
    content_id     uuid         NOT NULL,
    kind           varchar(20)  NOT NULL,
    title          varchar(300) NOT NULL,
    partner_id     uuid         NOT NULL,
    age_rating     varchar(20)  NOT NULL,
    start_at       timestamptz  NOT NULL,
    end_at         timestamptz  NOT NULL,
    cut            boolean      NOT NULL,
    version        bigint       NOT NULL,
    -- where a moved or retimed slot was
    previous_start timestamptz,
    previous_end   timestamptz
);
CREATE INDEX slot_journal_txid ON slot_journal (txid);

-- One statement-level trigger per kind of write: a month of slots placed at once is journaled in one
-- INSERT ... SELECT, not a trigger call per row.
CREATE FUNCTION slot_journal_placed() RETURNS trigger AS $$
BEGIN
    INSERT INTO slot_journal (change, id, channel_id, content_id, kind, title, partner_id, age_rating, start_at, end_at, cut, version)
    SELECT 'PLACED', id, channel_id, content_id, kind, title, partner_id, age_rating, start_at, end_at, cut, version FROM placed;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER slot_journal_placed AFTER INSERT ON slot REFERENCING NEW TABLE AS placed
    FOR EACH STATEMENT EXECUTE FUNCTION slot_journal_placed();

CREATE FUNCTION slot_journal_removed() RETURNS trigger AS $$
BEGIN
    INSERT INTO slot_journal (change, id, channel_id, content_id, kind, title, partner_id, age_rating, start_at, end_at, cut, version)
    SELECT 'REMOVED', id, channel_id, content_id, kind, title, partner_id, age_rating, start_at, end_at, cut, version FROM removed;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER slot_journal_removed AFTER DELETE ON slot REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION slot_journal_removed();

CREATE FUNCTION slot_journal_moved() RETURNS trigger AS $$
BEGIN
    INSERT INTO slot_journal (change, id, channel_id, content_id, kind, title, partner_id, age_rating, start_at, end_at, cut, version,
                              previous_start, previous_end)
    SELECT 'MOVED', now.id, now.channel_id, now.content_id, now.kind, now.title, now.partner_id, now.age_rating, now.start_at,
           now.end_at, now.cut, now.version, was.start_at, was.end_at
    FROM moved_to now JOIN moved_from was ON was.id = now.id
    WHERE now.start_at <> was.start_at OR now.end_at <> was.end_at;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER slot_journal_moved AFTER UPDATE ON slot REFERENCING OLD TABLE AS moved_from NEW TABLE AS moved_to
    FOR EACH STATEMENT EXECUTE FUNCTION slot_journal_moved();
