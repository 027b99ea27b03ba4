-- Recurring tasks: a cron expression in a time zone and the template of the task each tick creates.
create table schedules (
    id                    uuid primary key,
    tenant_id             uuid             not null,
    name                  text             not null,
    cron                  text             not null,
    time_zone             text             not null,
    catch_up              text             not null check (catch_up in ('SKIP', 'RUN_ONCE')),
    enabled               boolean          not null default true,
    task_type             text             not null,
    payload               jsonb,
    priority              smallint         not null,
    required_capabilities text[]           not null default '{}',
    timeout_ms            bigint,
    max_attempts          int              not null,
    backoff_initial_ms    bigint           not null,
    backoff_max_ms        bigint           not null,
    backoff_multiplier    double precision not null,
    next_run_at           timestamptz      not null,
    last_run_at           timestamptz,
    created_at            timestamptz      not null,
    updated_at            timestamptz      not null
);

create index schedules_tenant_id on schedules (tenant_id, id);
create unique index schedules_tenant_name on schedules (tenant_id, name);
create index schedules_due on schedules (next_run_at) where enabled;
