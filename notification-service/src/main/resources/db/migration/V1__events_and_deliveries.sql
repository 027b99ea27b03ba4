-- Events as published, each written with every delivery it fans out to, in one transaction
-- (the transactional outbox of design brief §5).
create table events (
    id              uuid primary key,
    tenant_id       uuid        not null,
    type            text        not null,
    subject         text,
    data            jsonb       not null,
    critical        boolean     not null default false,
    -- The recipients as the publisher named them ({userId} | {email} | {topic}).
    recipients      jsonb       not null,
    published_by    text        not null,
    idempotency_key text,
    -- A digest of the request sent with the key: a repeat with another request is a conflict.
    idempotency_hash text,
    created_at      timestamptz not null
);

create index events_tenant_id on events (tenant_id, id);
-- A repeated Idempotency-Key of the same publisher answers the first event.
create unique index events_idempotency on events (tenant_id, published_by, idempotency_key)
    where idempotency_key is not null;

-- Who follows a topic (e.g. workflow.<id>): a user's or a service client's subject.
create table topic_subscribers (
    tenant_id  uuid        not null,
    topic      text        not null,
    subscriber text        not null,
    created_at timestamptz not null,
    primary key (tenant_id, topic, subscriber)
);

create index topic_subscribers_by_subscriber on topic_subscribers (tenant_id, subscriber, topic);

-- Each recipient's inbox position: the sequence of its last notification and its unread count.
-- Every change to a recipient's inbox updates this row first, so that recipient's changes commit in
-- sequence order and a stream resuming after sequence n misses nothing.
create table inbox_heads (
    tenant_id uuid   not null,
    recipient text   not null,
    last_seq  bigint not null,
    unread    int    not null,
    primary key (tenant_id, recipient)
);

create table inbox (
    id          uuid primary key,
    tenant_id   uuid        not null,
    recipient   text        not null,
    seq         bigint      not null,
    event_id    uuid        not null references events (id) on delete cascade,
    type        text        not null,
    subject     text,
    data        jsonb       not null,
    read_at     timestamptz,
    archived_at timestamptz,
    created_at  timestamptz not null,
    unique (tenant_id, recipient, seq)
);

create index inbox_event on inbox (event_id);

-- Standard Webhooks endpoints of a tenant. A rotated secret stays valid (both signatures are sent)
-- until previous_secret_expires_at.
create table webhook_endpoints (
    id                         uuid primary key,
    tenant_id                  uuid        not null,
    url                        text        not null,
    description                text,
    event_types                text[]      not null,
    secret                     text        not null,
    previous_secret            text,
    previous_secret_expires_at timestamptz,
    enabled                    boolean     not null default true,
    disabled_reason            text,
    -- Since when every delivery has failed (null after a success): five days of it disable the endpoint.
    failing_since              timestamptz,
    created_by                 text        not null,
    created_at                 timestamptz not null,
    updated_at                 timestamptz not null,
    version                    int         not null default 0
);

create index webhook_endpoints_tenant_id on webhook_endpoints (tenant_id, id);

-- One event to one destination: an inbox (written at once, recorded as delivered), a webhook
-- endpoint or an e-mail address. PENDING deliveries are due at next_attempt_at; a worker claims
-- one by moving next_attempt_at past its lease, so a worker that dies mid-delivery leaves it to be
-- claimed again when the lease runs out.
create table deliveries (
    id              uuid primary key,
    tenant_id       uuid        not null,
    event_id        uuid        not null references events (id) on delete cascade,
    channel         text        not null check (channel in ('inbox', 'webhook', 'email')),
    endpoint_id     uuid references webhook_endpoints (id) on delete cascade,
    recipient       text,
    status          text        not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'SKIPPED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz,
    last_error      text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    completed_at    timestamptz
);

create index deliveries_due on deliveries (next_attempt_at) where status = 'PENDING';
create index deliveries_event on deliveries (event_id);
create index deliveries_endpoint on deliveries (tenant_id, endpoint_id, id) where endpoint_id is not null;

-- Every attempt of a delivery, with a bounded excerpt of what the other side answered.
create table delivery_attempts (
    delivery_id      uuid        not null references deliveries (id) on delete cascade,
    attempt          int         not null,
    tenant_id        uuid        not null,
    started_at       timestamptz not null,
    duration_ms      int,
    response_status  int,
    response_excerpt text,
    error            text,
    primary key (delivery_id, attempt)
);
