-- A workflow task's payload as its workflow defined it, kept when it refers to results of its
-- dependencies ({"$from": key, "path": pointer}): the payload is resolved from it each time the
-- task is released, so a retried dependency's new result flows downstream.
alter table tasks add column payload_template jsonb;

-- Why a workflow's history has an event: a retry is one of its own, naming who asked for it.
alter table workflow_events add column reason text;

-- The version of a schedule, its ETag: it changes with every change people make (edit, pause,
-- resume), not with the ticks that move next_run_at on.
alter table schedules add column version bigint not null default 1;

-- A workflow's history, read with it.
create index workflow_events_workflow on workflow_events (tenant_id, workflow_id, id);
