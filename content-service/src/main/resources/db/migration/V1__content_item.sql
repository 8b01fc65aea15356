-- Content items partners submit; the catalogue issue adds media, rights and territories.
CREATE TABLE content_item (
    id          uuid         PRIMARY KEY,
    partner_id  uuid         NOT NULL,
    external_id varchar(200) NOT NULL,
    kind        varchar(20)  NOT NULL,
    title       varchar(300) NOT NULL,
    status      varchar(20)  NOT NULL,
    version     bigint       NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    -- re-sending a partner's own id updates its item, never duplicates it
    CONSTRAINT content_item_partner_external_id UNIQUE (partner_id, external_id)
);
