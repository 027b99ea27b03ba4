-- Chat sessions: a user's period of chatting (with an agent), kept active by use and expired after the tenant's TTL;
-- and each user's own prompt customizations of an agent.

create table chat_sessions (
    tenant_id            uuid        not null,
    id                   uuid        not null,
    owner                text        not null,
    agent_id             uuid,
    workspace_session_id text,
    metadata             jsonb       not null default '{}',
    status               text        not null check (status in ('ACTIVE', 'ENDED', 'EXPIRED')),
    created_at           timestamptz not null,
    last_active_at       timestamptz not null,
    expires_at           timestamptz not null,
    ended_at             timestamptz,
    primary key (tenant_id, id)
);

-- A user's sessions, newest first.
create index chat_sessions_owner on chat_sessions (tenant_id, owner, id);
-- The expiry sweep reads only the active sessions, oldest expiry first.
create index chat_sessions_expiry on chat_sessions (expires_at) where status = 'ACTIVE';

create table prompt_customizations (
    tenant_id    uuid        not null,
    id           uuid        not null,
    owner        text        not null,
    agent_id     uuid        not null,
    name         text        not null,
    instructions text        not null,
    enabled      boolean     not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      integer     not null default 1,
    primary key (tenant_id, id),
    unique (tenant_id, owner, agent_id, name)
);
