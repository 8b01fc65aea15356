-- The token buckets every gateway replica shares (bucket4j's PostgreSQL back end, select-for-update):
-- one row per client key, its state serialized by bucket4j, and when it may be dropped (epoch ms).
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(512) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);
