-- Partners of the platform; the onboarding issue adds the application fields.
CREATE TABLE partner (
    id           uuid         PRIMARY KEY,
    slug         varchar(63)  NOT NULL UNIQUE,
    legal_name   varchar(200) NOT NULL,
    display_name varchar(100) NOT NULL,
    category     varchar(20)  NOT NULL,
    status       varchar(20)  NOT NULL,
    version      bigint       NOT NULL DEFAULT 0,
    created_at   timestamptz  NOT NULL DEFAULT now()
);
