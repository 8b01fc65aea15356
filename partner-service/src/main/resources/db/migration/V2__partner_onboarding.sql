-- What an applicant declares, the agreement it accepted, its API client, and the audit trail.
ALTER TABLE partner
    ADD COLUMN territories           varchar(2)[]  NOT NULL DEFAULT '{}',
    ADD COLUMN languages             varchar(35)[] NOT NULL DEFAULT '{}',
    ADD COLUMN contact_email         varchar(254),
    ADD COLUMN website               varchar(2048),
    ADD COLUMN webhook_url           varchar(2048),
    ADD COLUMN agreement_version     varchar(40),
    ADD COLUMN agreement_accepted_at timestamptz,
    ADD COLUMN client_id             varchar(100),
    ADD COLUMN updated_at            timestamptz   NOT NULL DEFAULT now();

CREATE INDEX partner_status_slug ON partner (status, slug);

CREATE TABLE partner_event (
    id          uuid          PRIMARY KEY,
    partner_id  uuid          NOT NULL REFERENCES partner (id),
    actor       varchar(200)  NOT NULL,
    action      varchar(40)   NOT NULL,
    reason      varchar(1000),
    changes     text          NOT NULL DEFAULT '{}',
    occurred_at timestamptz   NOT NULL
);

CREATE INDEX partner_event_newest_first ON partner_event (partner_id, occurred_at DESC, id DESC);
