-- The outbox dispatcher takes undelivered rows oldest first (order by id); this index hands them
-- over in that order instead of sorting the whole backlog on every batch, which a busy queue's
-- outbox (three rows per task lifecycle) made the dispatcher's main cost.
drop index outbox_undelivered;
create index outbox_undelivered on outbox (id) where delivered_at is null;
