-- A tenant's namespaces of configuration. last_index is the number of the namespace's latest revision:
-- every change takes this row's lock, raises it by one and writes revision last_index, so numbers grow
-- without gaps in the order changes commit (what a watcher holding index N may rely on).
create table namespaces (
    id          uuid primary key,
    tenant_id   uuid        not null,
    name        text        not null,
    description text,
    created_by  text        not null,
    created_at  timestamptz not null,
    last_index  bigint      not null default 0,
    unique (tenant_id, name)
);

-- The environments a tenant defines besides dev, staging and prod, which every tenant has without a row.
create table environments (
    tenant_id   uuid        not null,
    name        text        not null,
    description text,
    created_by  text        not null,
    created_at  timestamptz not null,
    primary key (tenant_id, name)
);

-- An entry of a namespace in one environment, or in the namespace default (env ''), which environments
-- fall back to. Values and schemas are json, not jsonb, so they read back as written (key order kept).
-- A secret's value is only in sealed: AES-GCM (nonce and ciphertext) under the master key key_id names.
-- revision: the number of the revision that wrote the entry as it is, its ETag.
create table entries (
    tenant_id    uuid        not null,
    namespace_id uuid        not null references namespaces (id) on delete cascade,
    key          text        not null,
    env          text        not null,
    type         text        not null check (type in ('string', 'number', 'boolean', 'json')),
    value        json,
    sealed       bytea,
    key_id       text,
    schema       json,
    description  text,
    revision     bigint      not null,
    created_at   timestamptz not null,
    updated_by   text        not null,
    updated_at   timestamptz not null,
    primary key (tenant_id, namespace_id, key, env),
    check ((value is null) = (sealed is not null) and (sealed is null) = (key_id is null))
);

-- Whether an environment still holds entries, before it is deleted.
create index entries_environment on entries (tenant_id, env);

-- One change of a namespace, numbered by the namespace's last_index; kind says what made it.
create table revisions (
    tenant_id      uuid        not null,
    namespace_id   uuid        not null references namespaces (id) on delete cascade,
    number         bigint      not null,
    kind           text        not null check (kind in ('create', 'update', 'delete', 'rollback')),
    author         text        not null,
    message        text,
    rolled_back_to bigint,
    created_at     timestamptz not null,
    primary key (tenant_id, namespace_id, number)
);

-- What a revision did to each entry it touched: the entry before and after as the stored state
-- ({type, value | sealed + keyId, schema, description}); null where the entry did not exist.
create table revision_changes (
    tenant_id    uuid   not null,
    namespace_id uuid   not null,
    number       bigint not null,
    key          text   not null,
    env          text   not null,
    action       text   not null check (action in ('create', 'update', 'delete')),
    before       json,
    after        json,
    primary key (tenant_id, namespace_id, number, key, env),
    foreign key (tenant_id, namespace_id, number) references revisions (tenant_id, namespace_id, number) on delete cascade
);

-- An entry's state at a revision (the latest change at or below it), and the revisions of a key.
create index revision_changes_entry on revision_changes (tenant_id, namespace_id, key, env, number);
