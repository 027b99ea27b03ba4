-- Tenants, their users, login sessions and the refresh tokens that keep them alive.

create table tenant (
    id          uuid primary key,
    slug        text        not null unique,
    name        text        not null,
    created_at  timestamptz not null
);

-- "user" is a reserved word in SQL.
create table app_user (
    id            uuid primary key,
    tenant_id     uuid        not null references tenant (id) on delete cascade,
    email         text        not null,
    display_name  text        not null,
    password_hash text        not null,
    roles         varchar(32)[] not null,
    status        text        not null check (status in ('active', 'disabled')),
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    unique (tenant_id, email)
);
create index app_user_tenant_id on app_user (tenant_id, id);

create table login_session (
    id             uuid primary key,
    tenant_id      uuid        not null,
    user_id        uuid        not null references app_user (id) on delete cascade,
    client_address text,
    user_agent     text,
    created_at     timestamptz not null,
    last_used_at   timestamptz not null,
    expires_at     timestamptz not null,
    revoked_at     timestamptz,
    revoked_reason text
);
create index login_session_user on login_session (tenant_id, user_id, id);
create index login_session_expires on login_session (expires_at);

-- Only the SHA-256 of a refresh token is stored. A used token stays, marked, so that its reuse is recognised.
create table refresh_token (
    id          uuid primary key,
    tenant_id   uuid        not null,
    session_id  uuid        not null references login_session (id) on delete cascade,
    token_hash  text        not null unique,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index refresh_token_session on refresh_token (tenant_id, session_id);

-- Signing keys, shared by all replicas. The private key is AES-GCM encrypted with the master key
-- whose fingerprint is master_key_id.
create table signing_key (
    id             uuid primary key,
    kid            text        not null unique,
    algorithm      text        not null,
    public_key     bytea       not null,
    private_key    bytea       not null,
    master_key_id  text        not null,
    created_at     timestamptz not null,
    activates_at   timestamptz not null,
    expires_at     timestamptz
);

create table service_client (
    id                uuid primary key,
    tenant_id         uuid        not null references tenant (id) on delete cascade,
    client_id         text        not null unique,
    name              text        not null,
    secret_hash       text        not null,
    roles             varchar(32)[] not null,
    created_at        timestamptz not null,
    secret_rotated_at timestamptz not null
);
create index service_client_tenant on service_client (tenant_id, id);

create table audit_event (
    id             uuid primary key,
    tenant_id      uuid        not null,
    type           text        not null,
    actor          text,
    subject        text,
    occurred_at    timestamptz not null,
    client_address text,
    user_agent     text,
    detail         jsonb       not null
);
create index audit_event_tenant on audit_event (tenant_id, id);
create index audit_event_occurred on audit_event (occurred_at);

-- Brute-force protection: failures per account and per client address, shared by all replicas.
create table login_throttle (
    key             text primary key,
    failures        integer     not null,
    locked_until    timestamptz,
    last_failure_at timestamptz not null
);
