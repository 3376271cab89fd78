-- Surveys: a survey has numbered versions; a published version is immutable (answers are checked
-- against the exact version they were given for) and editing makes a new draft. Publishing the draft
-- supersedes the version before it, which still takes answers begun on it (phones offline for days);
-- retiring a version stops all answers to it. At most one draft and one published version at a time.
create table surveys (
    area_id    text not null references areas (id),
    id         uuid not null,
    kind       text not null check (kind in ('ehc_plan', 'equipment', 'annual_impact', 'i_statements', 'other')),
    created_by text not null,
    created_at timestamptz not null,
    primary key (area_id, id)
);

create table survey_versions (
    area_id      text not null,
    survey_id    uuid not null,
    version      integer not null check (version >= 1),
    status       text not null check (status in ('draft', 'published', 'superseded', 'retired')),
    definition   jsonb not null,
    created_at   timestamptz not null,
    published_at timestamptz,
    retired_at   timestamptz,
    primary key (area_id, survey_id, version),
    foreign key (area_id, survey_id) references surveys (area_id, id),
    check ((status = 'draft') = (published_at is null))
);

create unique index survey_versions_one_draft on survey_versions (area_id, survey_id) where status = 'draft';
create unique index survey_versions_one_published on survey_versions (area_id, survey_id) where status = 'published';

-- Answers (the word "response" is kept for "you said, we did"). The phone makes the id (a UUID)
-- and may save partial answers before submitting: the same id always means the same answer set.
create table survey_answers (
    area_id         text not null,
    id              uuid not null,
    survey_id       uuid not null,
    version         integer not null,
    respondent_uid  text not null,
    respondent_role text not null check (respondent_role in ('family', 'young_person')),
    status          text not null check (status in ('partial', 'submitted')),
    answers         jsonb not null,
    -- Hash of the submitted body: resubmitting it is a no-op, anything else under this id is a conflict.
    request_hash    text,
    started_at      timestamptz not null,
    updated_at      timestamptz not null,
    submitted_at    timestamptz,
    primary key (area_id, id),
    foreign key (area_id, survey_id, version) references survey_versions (area_id, survey_id, version),
    check ((status = 'submitted') = (submitted_at is not null and request_hash is not null))
);

create index survey_answers_results on survey_answers (area_id, survey_id, submitted_at) where status = 'submitted';
create index survey_answers_by_respondent on survey_answers (area_id, respondent_uid, updated_at desc);
