-- A task's history is read by task (task_id, id): that is the primary key now, so each event
-- maintains one index fewer (the separate task_events_task index is gone). Events are written only
-- by the statement that changes their task (TaskRepository.transition), from the rows it changed,
-- and nothing deletes tasks: the foreign key's check, a query and a row lock on the
-- task per event, guarded nothing that statement does not already guarantee.
alter table task_events drop constraint task_events_pkey;
alter table task_events drop constraint task_events_task_id_fkey;
drop index task_events_task;
alter table task_events add primary key (task_id, id);
