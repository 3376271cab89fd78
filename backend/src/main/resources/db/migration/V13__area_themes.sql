-- Themes per area, owned by its forum leads: they start as the shipped SEND taxonomy, and every
-- change (rename, describe, add, retire, merge, split) makes a new version of the area's taxonomy,
-- kept with who, when and what. A merged theme points at the theme it went into, so tags the model
-- still gives under the old id are filed under the new one.
create table area_themes (
    area_id     text not null references areas (id),
    theme_id    text not null check (theme_id ~ '^[a-z][a-z0-9_]{0,63}$'),
    name        text not null check (length(name) between 1 and 200),
    description text check (description is null or length(description) between 1 and 2000),
    origin      text not null check (origin in ('shipped', 'added', 'split')),
    status      text not null check (status in ('active', 'retired', 'merged')),
    merged_into text,
    primary key (area_id, theme_id),
    check ((status = 'merged') = (merged_into is not null))
);

create table taxonomy_versions (
    area_id    text not null references areas (id),
    version    integer not null check (version >= 1),
    changed_at timestamptz not null,
    changed_by text not null,
    change     jsonb not null,
    primary key (area_id, version)
);
