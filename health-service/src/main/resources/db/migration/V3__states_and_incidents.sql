-- Where each target stands (one row, changed with every result), the incidents opened and resolved from it with
-- their timelines, maintenance windows, and the alerts waiting to be published to notification-service.

create table health.target_states (
    tenant_id             uuid        not null,
    target_id             uuid        not null,
    status                text        not null check (status in ('UP', 'DOWN')),
    -- When the first result of the current status came.
    since                 timestamptz not null,
    last_result_at        timestamptz not null,
    -- Why the last failing result failed: its failing conditions, or the error.
    last_failure          text,
    consecutive_failures  integer     not null default 0,
    consecutive_successes integer     not null default 0,
    -- Down while a target it depends on is down: the root's incident covers it.
    impacted              boolean     not null default false,
    primary key (tenant_id, target_id),
    foreign key (tenant_id, target_id) references health.targets (tenant_id, id) on delete cascade
);

create table health.incidents (
    tenant_id      uuid        not null,
    id             uuid        not null,
    target_id      uuid        not null,
    status         text        not null check (status in ('investigating', 'identified', 'monitoring', 'resolved')),
    reason         text,
    opened_at      timestamptz not null,
    resolved_at    timestamptz,
    -- Opened during a maintenance window of the target: no alert is sent for it.
    in_maintenance boolean     not null default false,
    -- Names of the targets down because this one is.
    impacted       text[]      not null default '{}',
    -- When the last alert about it was written (opened or reminder); null when none is sent for it.
    alerted_at     timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, target_id) references health.targets (tenant_id, id) on delete cascade
);

-- One open incident per target at a time; also the status page's and the checker's look-up of it.
create unique index incidents_open on health.incidents (tenant_id, target_id) where resolved_at is null;
-- The reminders' scan.
create index incidents_alerted on health.incidents (alerted_at) where resolved_at is null and alerted_at is not null;

create table health.incident_updates (
    tenant_id   uuid        not null,
    incident_id uuid        not null,
    id          uuid        not null,
    at          timestamptz not null,
    kind        text        not null check (kind in ('opened', 'update', 'resolved')),
    status      text        not null check (status in ('investigating', 'identified', 'monitoring', 'resolved')),
    body        text        not null,
    -- Who wrote it; null for the service's own entries.
    author      text,
    primary key (tenant_id, incident_id, at, id),
    foreign key (tenant_id, incident_id) references health.incidents (tenant_id, id) on delete cascade
);

create table health.maintenance_windows (
    tenant_id   uuid        not null,
    id          uuid        not null,
    name        text        not null,
    -- What it covers: targets by name, or every target of a group.
    targets     text[]      not null default '{}',
    group_name  text,
    -- A one-off window.
    starts_at   timestamptz,
    ends_at     timestamptz,
    -- A recurring one: on these days (ISO day numbers, 1 = Monday; all seven for daily) at a local time of a zone.
    days        integer[],
    start_time  time,
    duration_ms bigint,
    zone        text,
    created_at  timestamptz not null,
    primary key (tenant_id, id),
    check ((starts_at is not null and ends_at > starts_at and days is null)
        or (starts_at is null and days is not null and start_time is not null and duration_ms > 0 and zone is not null))
);

create table health.alert_outbox (
    id              uuid        primary key,
    -- The tenant the event is published for.
    tenant_id       uuid        not null,
    type            text        not null,
    topic           text        not null,
    subject         text        not null,
    data            json        not null,
    created_at      timestamptz not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null
);

create index alert_outbox_due on health.alert_outbox (next_attempt_at);
