-- Summarising memory: a model's summary of a conversation's older messages, used in the context instead of them; and
-- the requests to (re)write a conversation's summary, worked by a background job under a lease.

create table summaries (
    tenant_id         uuid        not null,
    conversation_id   uuid        not null,
    content           text        not null,
    -- The place and id of the last message the summary covers: the context takes only messages after it.
    covers_seq        bigint      not null,
    covers_message_id uuid        not null,
    token_count       integer     not null,
    model             text,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    primary key (tenant_id, conversation_id),
    foreign key (tenant_id, conversation_id) references conversations (tenant_id, id) on delete cascade
);

-- At most one request per conversation, so its summary is written by one job at a time. A job being worked is leased
-- (lease_until in the future); one that failed waits until due_at.
create table summary_jobs (
    tenant_id        uuid        not null,
    conversation_id  uuid        not null,
    -- The summary is to cover the messages before this place: those the context window no longer holds.
    summarise_before bigint      not null,
    due_at           timestamptz not null,
    attempts         integer     not null default 0,
    lease_until      timestamptz,
    last_error       text,
    created_at       timestamptz not null,
    primary key (tenant_id, conversation_id),
    foreign key (tenant_id, conversation_id) references conversations (tenant_id, id) on delete cascade
);

create index summary_jobs_due on summary_jobs (due_at);
