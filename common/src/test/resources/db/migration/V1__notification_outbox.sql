-- The outbox of a service that publishes events to notification-service, as every such service creates it in its
-- own schema (dev.flotilla.common.notification.NotificationOutbox writes it, OutboxShipper publishes it).
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
