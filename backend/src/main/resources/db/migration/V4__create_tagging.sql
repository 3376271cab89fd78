-- Tagging jobs: the durable queue between a family's submission and the NLP pipeline. A job is
-- inserted in the submitting transaction (so no submission is ever left untagged); workers lease
-- due jobs with FOR UPDATE SKIP LOCKED; a worker that dies leaves a lease that runs out, and the
-- job is leased again. Failures are retried with backoff and end in 'failed', which stays visible.
create table tagging_jobs (
    area_id      text not null references areas (id),
    id           uuid not null,
    content_type text not null,
    content_id   uuid not null,
    reason       text not null check (reason in ('submitted', 'retag')),
    state        text not null check (state in ('queued', 'running', 'done', 'failed')),
    attempts     integer not null default 0 check (attempts >= 0),
    run_after    timestamptz not null,
    leased_by    text,
    leased_until timestamptz,
    -- The exception class only: a message could quote the text being tagged.
    last_error   text,
    created_at   timestamptz not null,
    finished_at  timestamptz,
    primary key (area_id, id),
    check ((state = 'running') = (leased_until is not null)),
    check ((state in ('done', 'failed')) = (finished_at is not null))
);

-- One live job per piece of content: a retry of a submission or a second re-tag request adds nothing.
create unique index tagging_jobs_one_live on tagging_jobs (area_id, content_type, content_id)
    where state in ('queued', 'running');
create index tagging_jobs_due on tagging_jobs (run_after) where state = 'queued';
create index tagging_jobs_leases on tagging_jobs (leased_until) where state = 'running';
create index tagging_jobs_failed on tagging_jobs (area_id, finished_at desc) where state = 'failed';

-- The latest tags of each piece of content, with the model version that produced them. Raw
-- redaction spans and safeguarding evidence quote the family's words: moderators only.
create table content_tags (
    area_id              text not null references areas (id),
    content_type         text not null,
    content_id           uuid not null,
    model_version        text not null,
    themes               jsonb not null,
    sentiment            smallint check (sentiment between 1 and 5),
    sentiment_confidence real,
    redactions           jsonb not null,
    safeguarding_flagged boolean not null,
    safeguarding_reasons jsonb not null,
    tagged_at            timestamptz not null,
    primary key (area_id, content_type, content_id)
);

create index content_tags_flagged on content_tags (area_id, content_type, tagged_at) where safeguarding_flagged;
create index content_tags_version on content_tags (area_id, model_version);
