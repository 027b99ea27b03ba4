-- Approvals and scheduled changes: namespaces and environments that take changes only through change
-- requests, and the requests themselves.

-- A namespace whose entries change only through approved change requests.
alter table namespaces add column requires_approval boolean not null default false;

-- The environments (built in or defined) whose entries and flags change only through approved change
-- requests: one row each. A row of its own, as built-in environments have none in environments.
create table environment_approvals (
    tenant_id uuid        not null,
    name      text        not null,
    set_by    text        not null,
    set_at    timestamptz not null,
    primary key (tenant_id, name)
);

-- Changes proposed together, applied together once another admin approves them: at once, or at apply_at.
-- changes holds each change as it will be applied, a secret's value only sealed, with the ETag the entry or
-- flag must still have (null: it must still be absent). namespace_id: of the entries a request changes;
-- deleting the namespace deletes its requests. revision: what applying wrote (the namespace's revision, or
-- the version of the last flag written).
create table change_requests (
    id           uuid primary key,
    tenant_id    uuid        not null,
    kind         text        not null check (kind in ('entries', 'flags')),
    namespace_id uuid references namespaces (id) on delete cascade,
    namespace    text,
    environment  text,
    state        text        not null check (state in ('OPEN', 'SCHEDULED', 'APPLIED', 'FAILED', 'REJECTED', 'CANCELLED')),
    author       text        not null,
    message      text,
    changes      json        not null,
    apply_at     timestamptz,
    created_at   timestamptz not null,
    reviewed_by  text,
    reviewed_at  timestamptz,
    reason       text,
    applied_at   timestamptz,
    revision     bigint,
    check ((kind = 'entries') = (namespace_id is not null) and (kind = 'flags') = (environment is not null))
);

-- A tenant's requests newest first (ids are time-ordered), and the scheduled ones that fall due.
create index change_requests_tenant on change_requests (tenant_id, id);
create index change_requests_due on change_requests (apply_at) where state = 'SCHEDULED';
