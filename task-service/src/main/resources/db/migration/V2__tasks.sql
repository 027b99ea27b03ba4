-- Workflows: a DAG of tasks; the status is rolled up from the tasks' statuses.
create table workflows (
    id               uuid primary key,
    tenant_id        uuid        not null,
    name             text        not null,
    status           text        not null check (status in ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    cancel_requested boolean     not null default false,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    finished_at      timestamptz
);

create index workflows_tenant_id on workflows (tenant_id, id);

-- The task queue. PENDING tasks wait for their time or their dependencies, SCHEDULED tasks are
-- claimable, RUNNING tasks are held under a lease (lease_id, lease_expires_at).
create table tasks (
    id                    uuid primary key,
    tenant_id             uuid             not null,
    type                  text             not null,
    payload               jsonb,
    priority              smallint         not null check (priority between 0 and 9),
    required_capabilities text[]           not null default '{}',
    status                text             not null check (status in ('PENDING', 'SCHEDULED', 'RUNNING', 'SUCCEEDED',
                                                                      'FAILED', 'CANCELLED', 'TIMED_OUT', 'DEAD')),
    run_at                timestamptz      not null,
    timeout_ms            bigint,
    max_attempts          int              not null check (max_attempts >= 1),
    attempt               int              not null default 0,
    backoff_initial_ms    bigint           not null,
    backoff_max_ms        bigint           not null,
    backoff_multiplier    double precision not null,
    workflow_id           uuid references workflows (id) on delete cascade,
    workflow_key          text,
    deps_pending          int              not null default 0,
    agent_id              uuid,
    lease_id              uuid,
    lease_ms              bigint,
    lease_expires_at      timestamptz,
    deadline_at           timestamptz,
    cancel_requested      boolean          not null default false,
    progress              double precision,
    progress_message      text,
    result                jsonb,
    error                 text,
    idempotency_key       text,
    idempotency_hash      text,
    schedule_id           uuid,
    scheduled_for         timestamptz,
    created_at            timestamptz      not null,
    updated_at            timestamptz      not null,
    started_at            timestamptz,
    finished_at           timestamptz
);

create index tasks_tenant_id on tasks (tenant_id, id);
-- The claim query: claimable tasks of a tenant, highest priority first, oldest (UUIDv7) first.
create index tasks_claimable on tasks (tenant_id, priority desc, id) where status = 'SCHEDULED';
-- Promotion of PENDING tasks whose time has come and whose dependencies have all succeeded.
create index tasks_due on tasks (run_at) where status = 'PENDING' and deps_pending = 0;
-- The lease sweeper.
create index tasks_leases on tasks (lease_expires_at) where status = 'RUNNING';
create index tasks_agent on tasks (tenant_id, agent_id, id) where agent_id is not null;
create index tasks_workflow on tasks (workflow_id) where workflow_id is not null;
create unique index tasks_idempotency on tasks (tenant_id, idempotency_key) where idempotency_key is not null;
-- Exactly one task per schedule tick, whichever replica ticks.
create unique index tasks_schedule_tick on tasks (schedule_id, scheduled_for) where schedule_id is not null;
create unique index tasks_workflow_key on tasks (workflow_id, workflow_key) where workflow_id is not null and workflow_key is not null;

create table task_dependencies (
    task_id    uuid not null references tasks (id) on delete cascade,
    depends_on uuid not null references tasks (id) on delete cascade,
    primary key (task_id, depends_on)
);

create index task_dependencies_depends_on on task_dependencies (depends_on);

-- Every transition of every task: when, from what, to what, why, in which attempt, by which agent.
-- attempt_started_at is set on the event that ends an attempt, for durations and metrics.
create table task_events (
    id                 bigint generated always as identity primary key,
    tenant_id          uuid        not null,
    task_id            uuid        not null references tasks (id) on delete cascade,
    from_status        text,
    to_status          text        not null,
    reason             text        not null,
    attempt            int         not null,
    agent_id           uuid,
    attempt_started_at timestamptz,
    at                 timestamptz not null default now()
);

create index task_events_task on task_events (task_id, id);
-- Agent metrics: attempts an agent ended within a window.
create index task_events_agent on task_events (tenant_id, agent_id, at) where from_status = 'RUNNING';

-- Transactional outbox: written in the same transaction as the change it announces, delivered
-- by the outbox dispatcher, which claims rows with FOR UPDATE SKIP LOCKED.
create table outbox (
    id              bigint generated always as identity primary key,
    tenant_id       uuid        not null,
    topic           text        not null,
    aggregate_id    uuid        not null,
    payload         jsonb       not null,
    created_at      timestamptz not null default now(),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    delivered_at    timestamptz
);

create index outbox_undelivered on outbox (next_attempt_at, id) where delivered_at is null;
create index outbox_delivered on outbox (delivered_at) where delivered_at is not null;
