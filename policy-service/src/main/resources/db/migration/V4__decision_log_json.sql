-- A logged question and answer are written thousands of times a second and read back whole, never
-- queried inside: `json` keeps the text as written (checked, not parsed into a tree), which costs
-- PostgreSQL less to store than `jsonb` and nothing to hand back.
alter table decision_logs
    alter column input type json using input::json,
    alter column result type json using result::json;
