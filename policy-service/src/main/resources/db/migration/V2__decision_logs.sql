-- Sampled decisions: what was asked, what was answered, under which policy versions, how fast.
create table decision_logs (
    id                uuid primary key,
    tenant_id         uuid not null,
    created_at        timestamptz not null,
    decision          text not null,
    subject_id        text not null,
    action            text not null,
    resource_type     text not null,
    resource_id       text,
    input             jsonb not null,
    result            jsonb not null,
    policy_versions   jsonb not null,
    evaluation_micros bigint not null
);
create index decision_logs_tenant on decision_logs (tenant_id, id desc);
-- The retention job deletes by age across tenants.
create index decision_logs_created_at on decision_logs (created_at);
