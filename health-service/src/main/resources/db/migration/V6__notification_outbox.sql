-- Incident alerts wait in the outbox every service that publishes to notification-service keeps
-- (dev.flotilla.common.notification.NotificationOutbox): the alert outbox becomes it, with the alerts
-- still waiting in it. Its subject may be absent, as other events than alerts have none.
alter table health.alert_outbox rename to notification_outbox;
alter index health.alert_outbox_due rename to notification_outbox_due;
alter table health.notification_outbox alter column subject drop not null;
