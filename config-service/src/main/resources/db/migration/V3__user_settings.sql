-- Settings categories a tenant defines next to the built-in ones (editor, theme, llm, terminal,
-- workspace, which are not stored), each with an optional JSON Schema every value in it must satisfy.
create table setting_categories (
    tenant_id    uuid        not null,
    name         text        not null,
    description  text,
    value_schema jsonb,
    created_by   text        not null,
    created_at   timestamptz not null,
    primary key (tenant_id, name)
);

-- A user's own settings: one JSON value per category and key. The user is the token's subject;
-- nothing but that subject ever selects these rows.
create table user_settings (
    tenant_id  uuid        not null,
    user_id    text        not null,
    category   text        not null,
    key        text        not null,
    value      jsonb       not null,
    updated_at timestamptz not null,
    primary key (tenant_id, user_id, category, key)
);

-- Deleting a tenant's category removes every user's settings in it.
create index user_settings_category on user_settings (tenant_id, category);

-- Tenant-wide defaults: what a user without an own setting of the category and key gets.
create table setting_defaults (
    tenant_id  uuid        not null,
    category   text        not null,
    key        text        not null,
    value      jsonb       not null,
    updated_by text        not null,
    updated_at timestamptz not null,
    primary key (tenant_id, category, key)
);
