-- An area's retrainings of its theme model from its forum leads' corrections: each with the model it
-- was measured against, the before/after figures and whether the area switched to it. The model
-- itself (a zip of the model directory) is kept only while it is the one tagging uses, so every
-- server of the area reads the same one.
create table area_theme_models (
    area_id       text not null references areas (id),
    number        integer not null check (number > 0),
    status        text not null check (status in ('training', 'switched', 'kept', 'failed')),
    requested_by  text not null,
    requested_at  timestamptz not null,
    finished_at   timestamptz,
    base_version  text not null,
    -- What it learned from: the corrections and the area's themes, hashed; the same data against the
    -- same model gives the same result, so it is not trained twice.
    data_sha256   text not null,
    version       text,
    corrections   integer,
    held_back     integer,
    figures       jsonb,
    reason        text,
    themes        text[],
    active        boolean not null default false,
    model         bytea,
    primary key (area_id, number),
    check (not active or (status = 'switched' and model is not null))
);

-- One retraining at a time per area, and one model in use.
create unique index area_theme_models_training on area_theme_models (area_id) where status = 'training';
create unique index area_theme_models_active on area_theme_models (area_id) where active;
