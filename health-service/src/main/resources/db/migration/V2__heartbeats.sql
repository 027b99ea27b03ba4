-- Push targets: checked by the heartbeats a job sends, not by a probe. They have no URL and no request to make.

alter table health.targets drop constraint targets_kind_check;
alter table health.targets add constraint targets_kind_check check (kind in ('http', 'tcp', 'quarkus', 'push'));
alter table health.targets alter column url drop not null;
alter table health.targets alter column method drop not null;
alter table health.targets add constraint targets_probe_check
    check ((kind = 'push') = (url is null) and (kind = 'push') = (method is null));

-- A push target's heartbeat token (its SHA-256; the token itself is answered once) and the last heartbeat it sent,
-- with the status and message the job reported. A row exists once a token has been issued.
create table health.heartbeats (
    tenant_id      uuid        not null,
    target_id      uuid        not null,
    token_hash     bytea       not null,
    last_at        timestamptz,
    status         text        check (status in ('up', 'down')),
    message        text,
    primary key (tenant_id, target_id),
    foreign key (tenant_id, target_id) references health.targets (tenant_id, id) on delete cascade
);

-- A heartbeat names its target by id alone (the token is its credential, the tenant is unknown until it matches).
create unique index heartbeats_target on health.heartbeats (target_id);
