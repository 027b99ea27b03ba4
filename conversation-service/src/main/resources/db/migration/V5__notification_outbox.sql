-- Events of this service on their way to notification-service (conversation.message.created, one per stored
-- message, never its content): written in the transaction of the change they announce, deleted once
-- notification-service has accepted them (dev.flotilla.common.notification.NotificationOutbox and OutboxShipper).
-- A row being published is leased (next_attempt_at in the future), so replicas never publish one at once. data is
-- json, not jsonb, so it keeps its keys' order and a repeat under the row's idempotency key is the same request.
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
