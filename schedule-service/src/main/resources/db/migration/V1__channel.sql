-- Round-the-clock channels; slots and the guide arrive with the scheduling issue.
CREATE TABLE channel (
    id                 uuid         PRIMARY KEY,
    slug               varchar(253) NOT NULL UNIQUE,
    name               varchar(200) NOT NULL,
    time_zone          varchar(64)  NOT NULL,
    territories        varchar(2)[] NOT NULL,
    filler_content_ids uuid[]       NOT NULL DEFAULT '{}',
    status             varchar(20)  NOT NULL,
    version            bigint       NOT NULL DEFAULT 0,
    created_at         timestamptz  NOT NULL DEFAULT now()
);
