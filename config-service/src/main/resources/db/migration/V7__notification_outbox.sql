-- config.changed events wait in the outbox every service that publishes to notification-service keeps
-- (dev.flotilla.common.notification.NotificationOutbox), with the subject and topic they are published with;
-- the events still waiting in change_outbox move into it, keeping their ids, attempts and due times.
create table notification_outbox (
    id              uuid        primary key,
    tenant_id       uuid        not null,
    type            text        not null,
    subject         text,
    topic           text        not null,
    data            json        not null,
    created_at      timestamptz not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null
);

create index notification_outbox_due on notification_outbox (next_attempt_at);

insert into notification_outbox (id, tenant_id, type, subject, topic, data, created_at, attempts, next_attempt_at)
select id, tenant_id, 'config.changed', 'Configuration ' || namespace || ' changed', 'config.' || namespace, data,
       created_at, attempts, next_attempt_at
  from change_outbox;

drop table change_outbox;
