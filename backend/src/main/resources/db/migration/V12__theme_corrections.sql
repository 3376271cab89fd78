-- A forum lead's correction of the themes tagging gave a text: the labelled example the area's
-- theme model learns from (the latest per text; every change is in the audit log), kept with what the
-- model said and which model said it.
create table theme_corrections (
    area_id          text not null references areas (id),
    content_type     text not null check (content_type in ('comment', 'survey_answer')),
    content_id       uuid not null,
    model_themes     text[] not null,
    model_version    text,
    corrected_themes text[] not null,
    corrected_by     text not null,
    corrected_at     timestamptz not null,
    primary key (area_id, content_type, content_id)
);
