-- Policies, their immutable versions, their stored test cases and the tenants provisioned
-- with the default policy. Every tenant-owned table carries tenant_id; indexes start with it.

create table tenants (
    tenant_id      uuid primary key,
    provisioned_at timestamptz not null
);

create table policies (
    id             uuid primary key,
    tenant_id      uuid not null,
    name           text not null,
    description    text,
    active_version integer not null,
    latest_version integer not null,
    -- Bumped by every change; the ETag of the policy.
    revision       bigint not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    constraint policies_name_unique unique (tenant_id, name)
);
create index policies_tenant_id on policies (tenant_id, id);

create table policy_versions (
    id         uuid primary key,
    tenant_id  uuid not null,
    policy_id  uuid not null references policies (id) on delete cascade,
    version    integer not null,
    -- {"rules": [...]}: the rules exactly as written.
    document   jsonb not null,
    created_at timestamptz not null,
    created_by text,
    constraint policy_versions_unique unique (policy_id, version)
);
create index policy_versions_tenant on policy_versions (tenant_id, policy_id, version);

create table policy_tests (
    id         uuid primary key,
    tenant_id  uuid not null,
    policy_id  uuid not null references policies (id) on delete cascade,
    name       text not null,
    -- The decision request the test asks.
    input      jsonb not null,
    expected   text not null check (expected in ('ALLOW', 'DENY')),
    -- The instant the question is asked at (the `now` variable); null means "when the test runs".
    asked_at   timestamptz,
    created_at timestamptz not null,
    constraint policy_tests_name_unique unique (policy_id, name)
);
create index policy_tests_tenant on policy_tests (tenant_id, policy_id, id);

-- Every change of a policy (a new version, an activation, a deletion) is announced on the
-- channel every replica listens on, when the transaction commits.
create function notify_policy_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('flotilla_policy_changed', coalesce(new.tenant_id, old.tenant_id)::text);
    return null;
end;
$$;

create trigger policies_changed
    after insert or update or delete on policies
    for each row execute function notify_policy_change();
