-- The versions of a tenant's policies a logged decision was made under, stored once per distinct
-- set and referenced by every entry made under it. Stored inline they made each entry of a tenant
-- with 100 policies ~3 KB larger (compressed into TOAST on every insert).
create table decision_log_policy_sets (
    -- Derived from the tenant and the versions, so every replica names the same set alike.
    id           uuid primary key,
    tenant_id    uuid not null,
    versions     jsonb not null,
    -- Refreshed whenever entries referencing the set are written; retention deletes sets unused
    -- for the retention period, whose entries have all expired too.
    last_used_at timestamptz not null
);

alter table decision_logs add column policy_set_id uuid;
-- Entries written before this migration keep their versions inline, and replicas not yet upgraded
-- go on writing them that way; the log reads either.
alter table decision_logs alter column policy_versions drop not null;
