-- config.changed events for notification-service, written in the transaction of the change they announce
-- (a transactional outbox), so none is lost and none is sent for a change that rolled back. Each replica
-- leases due rows (next_attempt_at) with FOR UPDATE SKIP LOCKED, publishes them, and deletes them once
-- accepted; one notification-service cannot take now waits, with growing delays. No foreign key: an event of
-- a namespace deleted since is still published. data holds no value of any entry, secret or not.
create table change_outbox (
    id              uuid        primary key,
    tenant_id       uuid        not null,
    namespace_id    uuid        not null,
    namespace       text        not null,
    number          bigint      not null,
    data            json        not null,
    created_at      timestamptz not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null
);

create index change_outbox_due on change_outbox (next_attempt_at);
