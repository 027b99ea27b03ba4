-- What is checked: targets of a tenant (and of the platform: the suite's own services, tenant 0), their schedule
-- and lease, and every result.

create table health.targets (
    tenant_id     uuid        not null,
    id            uuid        not null,
    name          text        not null,
    group_name    text,
    kind          text        not null check (kind in ('http', 'tcp', 'quarkus')),
    url           text        not null,
    method        text        not null default 'GET',
    headers       jsonb       not null default '{}',
    body          text,
    interval_ms   bigint      not null check (interval_ms > 0),
    timeout_ms    bigint      not null check (timeout_ms > 0),
    conditions    text[]      not null default '{}',
    depends_on    text[]      not null default '{}',
    source        text        not null check (source in ('api', 'file', 'suite')),
    enabled       boolean     not null default true,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       integer     not null default 1,
    -- The schedule: a replica claims a target when next_check_at has come and no lease of another is running,
    -- moves next_check_at by one interval and holds the lease until its check is recorded or leased_until passes.
    next_check_at timestamptz not null,
    leased_until  timestamptz,
    leased_by     text,
    primary key (tenant_id, id),
    unique (tenant_id, name)
);

-- The claim's scan: enabled targets in the order they come due.
create index targets_due on health.targets (next_check_at) where enabled;

create table health.results (
    tenant_id  uuid        not null,
    target_id  uuid        not null,
    id         uuid        not null,
    at         timestamptz not null,
    status     text        not null check (status in ('UP', 'DOWN')),
    latency_ms integer     not null,
    failing    text[]      not null default '{}',
    excerpt    text,
    error      text,
    -- History reads: a target's results over a span of time, in order.
    primary key (tenant_id, target_id, at, id),
    foreign key (tenant_id, target_id) references health.targets (tenant_id, id) on delete cascade
);
