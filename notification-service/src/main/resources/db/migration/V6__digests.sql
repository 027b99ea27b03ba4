-- Quiet hours hold an e-mail without it counting as a failed attempt: the retry schedule counts a delivery's
-- attempts less the holds among them.
alter table deliveries add column held_attempts int not null default 0;

-- A user's e-mail of one digest rule collected for one window: one message for every event of the window, sent
-- once when it ends (or when the user's quiet hours end). The window is the rule's length aligned on the epoch, so
-- publishers on any replica name the same row. It keeps the rule's id and pattern, not a reference to it: a rule
-- deleted while a window is open still has that window sent. Its first claim closes it: an event arriving after
-- that goes by itself. Claimed, leased and retried like a single delivery (see deliveries).
create table digests (
    id              uuid primary key,
    tenant_id       uuid        not null,
    user_id         text        not null,
    rule_id         uuid        not null,
    pattern         text        not null,
    window_start    timestamptz not null,
    window_end      timestamptz not null,
    status          text        not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'SKIPPED')),
    attempts        int         not null default 0,
    held_attempts   int         not null default 0,
    next_attempt_at timestamptz,
    last_error      text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    completed_at    timestamptz,
    unique (tenant_id, user_id, rule_id, window_start)
);

create index digests_due on digests (next_attempt_at) where status = 'PENDING';

-- An e-mail delivery collected into a digest: PENDING until its digest's window ends, then recorded with each of
-- the digest's attempts. The single-delivery worker leaves it to the digest's.
alter table deliveries add column digest_id uuid references digests (id);

create index deliveries_digest on deliveries (digest_id) where digest_id is not null;

drop index deliveries_due;
create index deliveries_due on deliveries (next_attempt_at) where status = 'PENDING' and digest_id is null;

-- Templates of the digest e-mail, per rule pattern and locale: a subject and HTML and plain-text parts, like e-mail's.
alter table templates drop constraint templates_channel_check;
alter table templates add constraint templates_channel_check check (channel in ('inbox', 'email', 'digest'));
alter table templates add constraint templates_digest_parts_check
    check (channel <> 'digest' or (email_subject is not null and inbox_title is null and inbox_body is null
                                   and (email_html is not null or email_text is not null)));
