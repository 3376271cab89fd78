-- Local areas are the tenants. Every tenant-owned table carries area_id and leads its keys with
-- it, so the schema can be distributed by area (Citus: areas is a reference table, the rest are
-- distributed on area_id).
create table areas (
    id         text primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    name       text not null check (length(name) between 1 and 200),
    created_at timestamptz not null default now()
);

create table memberships (
    area_id    text not null references areas (id),
    id         uuid not null,
    uid        text not null check (length(uid) between 1 and 128),
    role       text not null check (role in ('family', 'young_person', 'forum_lead', 'commissioner', 'area_admin')),
    joined_at  timestamptz not null default now(),
    granted_by text,
    updated_at timestamptz not null default now(),
    primary key (area_id, id),
    unique (area_id, uid)
);

-- "Which areas am I in?" is asked by uid across areas.
create index memberships_by_uid on memberships (uid);
