-- Audit records: one row per tool call, failed authentication and admin action.
-- The same script serves PostgreSQL and embedded H2 (run in MODE=PostgreSQL).
create sequence audit_event_seq start with 50 increment by 50;

create table audit_event (
    id             bigint       not null primary key,
    occurred_at    timestamp with time zone not null,
    event_type     varchar(32)  not null,
    principal      varchar(256),
    auth_method    varchar(16),
    client_address varchar(64),
    transport      varchar(32),
    session_id     varchar(128),
    action         varchar(128) not null,
    namespace      varchar(253),
    outcome        varchar(16)  not null,
    status         varchar(8)   not null,
    error          varchar(2100),
    duration_ms    bigint       not null,
    arguments      varchar
);

create index audit_event_time_idx on audit_event (occurred_at, id);
create index audit_event_principal_idx on audit_event (principal, occurred_at);
create index audit_event_status_idx on audit_event (status, occurred_at);

-- API keys: only a SHA-256 hash and a short prefix of each key are stored.
create table api_key (
    id           varchar(36)  not null primary key,
    name         varchar(128) not null,
    groups_csv   varchar(2048) not null,
    prefix       varchar(16)  not null,
    key_hash     char(64)     not null unique,
    source       varchar(32)  not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone,
    revoked_at   timestamp with time zone,
    last_used_at timestamp with time zone,
    replaced_by  varchar(36)
);

create index api_key_prefix_idx on api_key (prefix);
create index api_key_name_idx on api_key (name);
