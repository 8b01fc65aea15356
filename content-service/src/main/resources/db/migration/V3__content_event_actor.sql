-- Who acted is named from their verified token: as long as the identity provider makes names, not 200.
ALTER TABLE content_event ALTER COLUMN actor TYPE text;
