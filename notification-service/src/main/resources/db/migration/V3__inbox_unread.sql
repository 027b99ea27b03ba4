-- A recipient's unread notifications by seq: the list of unread ones and read-all read only these,
-- however many read notifications the inbox keeps.
create index inbox_unread on inbox (tenant_id, recipient, seq) where read_at is null;
