-- Conversations: a user's chat history with its messages in order, soft-deleted (kept for the retention period, then
-- purged); and the audit outbox of what is done to them.

create table conversations (
    tenant_id              uuid        not null,
    id                     uuid        not null,
    owner                  text        not null,
    title                  text,
    description            text,
    tags                   text[]      not null default '{}',
    status                 text        not null check (status in ('ACTIVE', 'ARCHIVED', 'DELETED')),
    workspace_session_id   text,
    ai_provider            text,
    model                  text,
    agent_id               uuid,
    metadata               jsonb       not null default '{}',
    message_count          integer     not null default 0,
    token_count            bigint      not null default 0,
    -- The sequence number of the last message appended: the next ones are taken under this row's lock.
    last_seq               bigint      not null default 0,
    parent_conversation_id uuid,
    forked_from_message_id uuid,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    deleted_at             timestamptz,
    version                integer     not null default 1,
    primary key (tenant_id, id)
);

-- A user's conversations, newest first (an admin's list of the tenant's reads the primary key).
create index conversations_owner on conversations (tenant_id, owner, id desc) where status <> 'DELETED';
create index conversations_tags on conversations using gin (tags);
-- The forks of a conversation.
create index conversations_forks on conversations (tenant_id, parent_conversation_id)
    where parent_conversation_id is not null;
-- The purge reads only the deleted ones, longest deleted first.
create index conversations_deleted on conversations (deleted_at) where status = 'DELETED';

create table messages (
    tenant_id       uuid        not null,
    conversation_id uuid        not null,
    seq             bigint      not null,
    id              uuid        not null,
    role            text        not null check (role in ('user', 'assistant', 'system', 'tool')),
    content         text,
    model           text,
    tool_calls      jsonb,
    tool_call_id    text,
    metadata        jsonb       not null default '{}',
    token_count     integer     not null,
    created_at      timestamptz not null,
    -- Pages in either direction read this index from the cursor on, however long the conversation.
    primary key (tenant_id, conversation_id, seq),
    unique (tenant_id, id),
    foreign key (tenant_id, conversation_id) references conversations (tenant_id, id) on delete cascade
);

-- Audit events of this service on their way to auth-service's audit trail: written in the
-- transaction of the change they describe, deleted once auth-service has accepted them. A row
-- being sent is leased (next_attempt_at in the future), so replicas never send one at once and a
-- replica that dies while sending leaves it to be sent again (at least once).
create table audit_outbox (
    id              uuid        primary key,
    tenant_id       uuid        not null,
    type            text        not null,
    actor           text,
    subject         text,
    detail          jsonb       not null,
    created_at      timestamptz not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null
);

create index audit_outbox_due on audit_outbox (next_attempt_at);
