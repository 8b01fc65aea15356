-- the actor names who acted: an applicant is "applicant:" and an e-mail of up to 254 characters
ALTER TABLE partner_event ALTER COLUMN actor TYPE text;
