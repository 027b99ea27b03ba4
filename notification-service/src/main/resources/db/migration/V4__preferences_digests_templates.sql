-- Whether a user receives, on one channel, the event types a pattern selects (task.failed, task.*, *).
-- No row means on; of the rows whose pattern selects an event's type, the most specific decides.
create table preferences (
    tenant_id  uuid        not null,
    user_id    text        not null,
    channel    text        not null check (channel in ('inbox', 'email', 'webhook')),
    pattern    text        not null,
    enabled    boolean     not null,
    updated_at timestamptz not null,
    primary key (tenant_id, user_id, channel, pattern)
);

-- A user's time zone (IANA), locale (BCP 47) and quiet hours: a daily window of wall-clock times in
-- that zone, crossing midnight when it ends before it starts. E-mail is held until the window ends.
create table user_settings (
    tenant_id   uuid        not null,
    user_id     text        not null,
    time_zone   text,
    locale      text,
    quiet_start time,
    quiet_end   time,
    updated_at  timestamptz not null,
    primary key (tenant_id, user_id),
    check ((quiet_start is null) = (quiet_end is null)),
    check (quiet_start is null or (time_zone is not null and quiet_start <> quiet_end))
);

-- A tenant's digests: e-mail of the event types a pattern selects is collected per recipient for a
-- window and sent as one message. The most specific pattern that selects a type gives its window.
create table digest_rules (
    id             uuid primary key,
    tenant_id      uuid        not null,
    pattern        text        not null,
    window_seconds int         not null check (window_seconds > 0),
    created_by     text        not null,
    created_at     timestamptz not null,
    unique (tenant_id, pattern)
);

create index digest_rules_tenant_id on digest_rules (tenant_id, id);

-- Qute templates of a tenant per event type pattern, channel and locale: an inbox notification's title
-- and body, an e-mail's subject and HTML and plain-text parts (at least one of the two).
create table templates (
    id            uuid primary key,
    tenant_id     uuid        not null,
    pattern       text        not null,
    channel       text        not null check (channel in ('inbox', 'email')),
    locale        text        not null,
    inbox_title   text,
    inbox_body    text,
    email_subject text,
    email_html    text,
    email_text    text,
    created_by    text        not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       int         not null default 0,
    unique (tenant_id, channel, pattern, locale),
    check (channel <> 'inbox' or (inbox_title is not null and email_subject is null and email_html is null
                                  and email_text is null)),
    check (channel <> 'email' or (email_subject is not null and inbox_title is null and inbox_body is null
                                  and (email_html is not null or email_text is not null)))
);

create index templates_tenant_id on templates (tenant_id, id);
