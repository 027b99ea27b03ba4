-- The bare lifecycle in SQL, three transactions like the three calls of an agent: create a task,
-- claim one (task-service's claim statement), complete it. No events, outbox, NOTIFY or HTTP.
insert into task.tasks (id, tenant_id, type, payload, priority, required_capabilities, status, run_at, max_attempts,
                        backoff_initial_ms, backoff_max_ms, backoff_multiplier, created_at, updated_at)
values (uuidv7(), :tenant::uuid, 'bench-lifecycle', '{"sequence": 1}', 5, '{bench}', 'SCHEDULED', now(), 3,
        1000, 300000, 2.0, now(), now());
with claimed as (
    update task.tasks t
       set status = 'RUNNING', agent_id = gen_random_uuid(), lease_id = gen_random_uuid(), lease_ms = 60000,
           attempt = t.attempt + 1, started_at = now(), updated_at = now(),
           lease_expires_at = now() + interval '60 seconds'
      from (select id from task.tasks
             where tenant_id = :tenant::uuid and status = 'SCHEDULED' and required_capabilities <@ '{bench}'::text[]
             order by priority desc, id
             limit 1
             for update skip locked) p
     where t.id = p.id
    returning t.id, t.lease_id)
-- Always one row, so that \gset never fails when a claim found every candidate locked.
select coalesce((select id from claimed), '00000000-0000-0000-0000-000000000000') as id,
       coalesce((select lease_id from claimed), '00000000-0000-0000-0000-000000000000') as lease \gset
update task.tasks
   set status = 'SUCCEEDED', result = '{"ok": true}', finished_at = now(), updated_at = now(),
       lease_id = null, lease_expires_at = null
 where id = :id::uuid and lease_id = :lease::uuid and status = 'RUNNING';
