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
