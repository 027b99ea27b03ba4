-- The agent registry. Capabilities and tools are varchar arrays (the type Hibernate binds a
-- List<String> as); the claim query tests "the task's required capabilities are contained in the
-- agent's" with <@ against them.
create table agents (
    id                uuid primary key,
    tenant_id         uuid        not null,
    name              text        not null,
    type              text        not null check (type in ('COORDINATOR', 'SPECIALIST', 'SUBAGENT')),
    capabilities      varchar[]   not null default '{}',
    tools             varchar[]   not null default '{}',
    model_preference  text,
    config            jsonb       not null default '{}',
    memory            jsonb       not null default '{}',
    lifecycle         text        not null default 'ACTIVE' check (lifecycle in ('ACTIVE', 'INACTIVE', 'DRAINING')),
    last_heartbeat_at timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

create unique index agents_tenant_name on agents (tenant_id, name);
create index agents_tenant_id on agents (tenant_id, id);
