-- Every change of a flag in an environment, numbered per tenant, environment and flag key without gaps:
-- writers of an environment hold its flag_sets row, so each takes the next number after the last one.
-- before and after: the definition as stored before and after the change (null: absent). A flag deleted
-- and created again continues its numbers.
create table flag_revisions (
    tenant_id      uuid        not null,
    environment    text        not null,
    key            text        not null,
    number         bigint      not null,
    kind           text        not null check (kind in ('create', 'update', 'delete', 'rollback')),
    author         text        not null,
    message        text,
    rolled_back_to bigint,
    before         jsonb,
    after          jsonb,
    created_at     timestamptz not null,
    primary key (tenant_id, environment, key, number)
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
