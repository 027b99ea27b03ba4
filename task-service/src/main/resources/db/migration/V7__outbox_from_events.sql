-- The outbox is delivered from the events themselves: every transition already writes a
-- task_events row with what its outbox row carried, so the outbox's insert, its delete on delivery
-- and its vacuum are gone. The dispatcher reads events in (xid, id) order after a cursor, and only
-- those of transactions older than every transaction still running (the snapshot's xmin): no
-- transaction still running can add an event before that point, so none is ever skipped.

-- One sequence numbers the events of tasks and of workflows: an event id names one message.
create sequence event_ids as bigint;
select setval('event_ids', coalesce((select max(id) from task_events), 0) + 1, false);
alter table task_events alter column id drop identity;
alter table task_events alter column id set default nextval('event_ids');
alter sequence event_ids owned by task_events.id;

-- The transaction that wrote the event. Null on events delivered through the outbox before.
alter table task_events add column xid xid8;
alter table task_events alter column xid set default pg_current_xact_id();
create index task_events_stream on task_events (xid, id);

-- Workflow status changes, as announced (workflow.status-changed).
create table workflow_events (
    id          bigint primary key default nextval('event_ids'),
    xid         xid8        not null default pg_current_xact_id(),
    tenant_id   uuid        not null,
    workflow_id uuid        not null,
    from_status text,
    to_status   text        not null,
    at          timestamptz not null default now()
);

create index workflow_events_stream on workflow_events (xid, id);

-- How far the dispatcher has delivered; one row, locked by the replica that dispatches. A failed
-- delivery is counted here and tried again, from the same point, after a growing delay.
create table outbox_cursor (
    single          boolean primary key default true check (single),
    xid             xid8        not null,
    id              bigint      not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text
);

insert into outbox_cursor (xid, id) values ('0', 0);

-- What the outbox still held is delivered from its events (a task change) or moved to the workflow
-- events. A task change is matched by task, status, attempt and reason: a repeated match delivers
-- an event twice, which at-least-once delivery allows; no undelivered change is lost.
update task_events e set xid = pg_current_xact_id()
 where exists (select 1 from outbox o
                where o.topic = 'task.status-changed' and o.aggregate_id = e.task_id
                  and o.payload ->> 'to' = e.to_status and o.payload ->> 'reason' = e.reason
                  and (o.payload ->> 'attempt')::int = e.attempt);

insert into workflow_events (tenant_id, workflow_id, from_status, to_status, at)
select tenant_id, aggregate_id, payload ->> 'from', payload ->> 'to', created_at
  from outbox where topic = 'workflow.status-changed' order by id;

drop table outbox;
