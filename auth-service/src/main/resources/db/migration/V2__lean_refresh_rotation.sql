-- What a refresh writes besides its own rows, made smaller.

-- The foreign key from a refresh token to its session made every rotation check the session again
-- (and lock its row) after the successor was inserted. The rotation already joins the live session,
-- so a token whose session is gone is refused anyway; the clean-up job deletes such tokens
-- (dev.flotilla.auth.token.SessionCleanup) instead of the cascade.
alter table refresh_token drop constraint refresh_token_session_id_fkey;
-- Only that cascade looked tokens up by session.
drop index refresh_token_session;

-- Only retention looks events up by time alone, and events arrive in time order: a BRIN index
-- serves it at a fraction of a B-tree's cost per inserted event.
drop index audit_event_occurred;
create index audit_event_occurred on audit_event using brin (occurred_at);
