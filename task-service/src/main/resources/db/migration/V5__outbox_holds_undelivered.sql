-- The dispatcher deletes each row in the transaction that delivers it, so the outbox holds only
-- rows still to be delivered: a delivery is one small delete instead of an update that wrote the
-- whole row again with two index entries, and the dispatcher takes due rows in id order through
-- the primary key.
drop index outbox_undelivered;
drop index outbox_delivered;
alter table outbox drop column delivered_at;
