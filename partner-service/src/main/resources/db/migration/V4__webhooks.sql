-- Partners' webhook subscriptions, and every delivery of an event to one (its log and its retries).
CREATE TABLE webhook_subscription (
    id                    uuid          PRIMARY KEY,
    -- the partner whose events it receives; null: a platform-wide subscription of an admin
    partner_id            uuid          REFERENCES partner (id),
    url                   varchar(2048) NOT NULL,
    -- empty: every type its owner may receive
    event_types           text[]        NOT NULL DEFAULT '{}',
    enabled               boolean       NOT NULL DEFAULT true,
    secret                varchar(100)  NOT NULL,
    -- after a rotation the previous secret still signs, until previous_secret_until
    previous_secret       varchar(100),
    previous_secret_until timestamptz,
    -- since when every delivery has failed (null while deliveries succeed)
    failing_since         timestamptz,
    disabled_reason       text,
    version               bigint        NOT NULL DEFAULT 0,
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL
);
CREATE INDEX webhook_subscription_partner ON webhook_subscription (partner_id, created_at, id);

CREATE TABLE webhook_delivery (
    id               uuid        PRIMARY KEY,
    subscription_id  uuid        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id         uuid        NOT NULL,
    event_type       text        NOT NULL,
    -- deliveries of one subject to one subscription go out in order, one at a time
    subject          text        NOT NULL,
    -- the CloudEvent as JSON: the body of every attempt
    body             text        NOT NULL,
    -- PENDING until the receiver answers 2xx (DELIVERED), or retries end (FAILED)
    status           varchar(20) NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    last_status_code integer,
    last_latency_ms  integer,
    last_error       text,
    next_attempt_at  timestamptz,
    -- failed attempts are retried until then (a redelivery sets it anew)
    retry_until      timestamptz NOT NULL,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    position         bigserial   NOT NULL UNIQUE,
    -- an event reaches a subscription once, however often it is consumed
    CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, event_id)
);
-- the deliveries due, and for each the one before it of the same subject and subscription still pending
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_pending ON webhook_delivery (subscription_id, subject, position) WHERE status = 'PENDING';
-- a subscription's log, newest first
CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, position DESC);
