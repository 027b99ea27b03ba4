-- Claimable tasks for pgbench's bare claim query: :n SCHEDULED tasks of tenant :tenant, shaped
-- like the ones task-service creates (UUIDv7 ids, a small payload, one required capability).
insert into task.tasks (id, tenant_id, type, payload, priority, required_capabilities, status, run_at, max_attempts,
                        backoff_initial_ms, backoff_max_ms, backoff_multiplier, created_at, updated_at)
select uuidv7(), :'tenant', 'bench-lifecycle', jsonb_build_object('sequence', n), 5, '{bench}', 'SCHEDULED', now(), 3,
       1000, 300000, 2.0, now(), now()
  from generate_series(1, :n) n;
vacuum analyze task.tasks;
