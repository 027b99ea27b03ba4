-- Who created a task or a workflow: the user whose token created it (directly, or through a
-- service acting for the user). Null when a service created it with its own token, when a schedule
-- did, and for everything created before this column. Notifications of a task or workflow go to it.
alter table tasks add column created_by text;
alter table workflows add column created_by text;
