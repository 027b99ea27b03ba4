-- History: per-minute and per-hour rollups of the results, the marks the rollup job has reached, and each target's
-- uptime over the status page's windows. Raw results, minute and hour rollups are each deleted past their retention.

create table health.rollups_minute (
    tenant_id   uuid        not null,
    target_id   uuid        not null,
    -- The bucket's start (UTC minute); the bucket holds the results whose check began in it.
    bucket      timestamptz not null,
    checks      integer     not null,
    failures    integer     not null,
    latency_min integer     not null,
    latency_max integer     not null,
    p50         integer     not null,
    p95         integer     not null,
    p99         integer     not null,
    primary key (tenant_id, target_id, bucket),
    foreign key (tenant_id, target_id) references health.targets (tenant_id, id) on delete cascade
);

create table health.rollups_hour (like health.rollups_minute including all);
alter table health.rollups_hour
    add foreign key (tenant_id, target_id) references health.targets (tenant_id, id) on delete cascade;

-- The rollup job and the retention job read every tenant's rows by time: the newest closed bucket, the oldest rows.
-- Btree rather than BRIN: retention frees the oldest pages and new rows fill them, which widens BRIN ranges for good.
create index results_at on health.results (at);
create index rollups_minute_bucket on health.rollups_minute (bucket);
create index rollups_hour_bucket on health.rollups_hour (bucket);

-- How far each level is rolled up: every bucket before `through` is in its table. Not a tenant's: the job rolls up
-- every tenant's results at once, and the row's lock lets one replica at a time do it.
create table health.rollup_marks (
    level   text        primary key check (level in ('minute', 'hour')),
    through timestamptz not null
);

-- Checks and failures of each target over the last hour, day, week and month and its latency percentiles over the
-- day, as of `through` (the minute mark), read for many targets at once by the status. The whole hours of the windows
-- before `hours_through` (the hour mark) are summed once an hour into the `hours_` columns; every minute the job adds
-- the minutes since to them.
create table health.uptime_windows (
    tenant_id            uuid        not null,
    target_id            uuid        not null,
    hours_through        timestamptz not null,
    hours_checks_day     integer     not null default 0,
    hours_failures_day   integer     not null default 0,
    hours_checks_week    integer     not null default 0,
    hours_failures_week  integer     not null default 0,
    hours_checks_month   integer     not null default 0,
    hours_failures_month integer     not null default 0,
    -- The day's latencies, each hour's percentile times its checks.
    hours_p50_day        bigint      not null default 0,
    hours_p95_day        bigint      not null default 0,
    through              timestamptz not null,
    checks_hour          integer     not null default 0,
    failures_hour        integer     not null default 0,
    checks_day           integer     not null default 0,
    failures_day         integer     not null default 0,
    checks_week          integer     not null default 0,
    failures_week        integer     not null default 0,
    checks_month         integer     not null default 0,
    failures_month       integer     not null default 0,
    p50_day              integer,
    p95_day              integer,
    primary key (tenant_id, target_id),
    foreign key (tenant_id, target_id) references health.targets (tenant_id, id) on delete cascade
);
