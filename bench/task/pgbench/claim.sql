-- The claim statement of task-service (ClaimSql.CLAIM) for one task, bare: no agent row, no
-- event, no outbox row, no NOTIFY, no HTTP.
update task.tasks t
   set status = 'RUNNING', agent_id = gen_random_uuid(), lease_id = gen_random_uuid(), lease_ms = 60000,
       attempt = t.attempt + 1, started_at = now(), updated_at = now(), progress = null, progress_message = null,
       deadline_at = now() + t.timeout_ms * interval '1 millisecond',
       lease_expires_at = least(now() + 60000::bigint * interval '1 millisecond',
                                coalesce(now() + t.timeout_ms * interval '1 millisecond', 'infinity'))
  from (select id from task.tasks
         where tenant_id = :tenant::uuid and status = 'SCHEDULED' and required_capabilities <@ '{bench}'::text[]
         order by priority desc, id
         limit 1
         for update skip locked) p
 where t.id = p.id;
