-- Review state moves out of the content tables into moderation's own record, keyed by the content
-- reference (type, id), as Decidim keeps moderation beside what is reported. Content features keep
-- their words and their own lifecycle (submitted, withdrawn); the wall keeps a projection of what was
-- published (published_body, published_at), written when moderation says it was published.
create table moderation_items (
    area_id        text not null references areas (id),
    content_type   text not null check (content_type in ('comment', 'survey_answer')),
    content_id     uuid not null,
    author_role    text not null check (author_role in ('family', 'young_person')),
    state          text not null check (state in ('pending_review', 'published', 'rejected', 'changes_requested', 'withdrawn')),
    submitted_at   timestamptz not null,
    -- What tagging found, copied here to filter the queue; the full analysis stays with tagging.
    tagged         boolean not null default false,
    themes         text[] not null default '{}',
    sentiment      smallint check (sentiment between 1 and 5),
    flagged        boolean not null default false,
    -- The text a forum lead approved (the wall shows exactly this) and the redactions that made it.
    moderated_text text check (moderated_text is null or length(moderated_text) between 1 and 4000),
    redactions     jsonb not null default '[]'::jsonb,
    -- Shown to the author: why it was rejected, or what to change.
    reason         text check (reason is null or length(reason) between 1 and 500),
    decided_at     timestamptz,
    decided_by     text,
    claimed_by     text,
    claimed_until  timestamptz,
    version        integer not null default 1 check (version >= 1),
    primary key (area_id, content_type, content_id),
    check ((claimed_by is null) = (claimed_until is null)),
    check (state not in ('rejected', 'changes_requested') or reason is not null),
    check (state <> 'withdrawn' or moderated_text is null)
);

create index moderation_items_queue on moderation_items (area_id, submitted_at, content_id)
    where state = 'pending_review';

insert into moderation_items (area_id, content_type, content_id, author_role, state, submitted_at, tagged, themes,
                              sentiment, flagged, moderated_text, reason, decided_at, decided_by)
select c.area_id, 'comment', c.id, c.author_role,
       c.status,
       c.submitted_at, t.content_id is not null,
       coalesce(array(select jsonb_array_elements(t.themes) ->> 'theme'), '{}'),
       t.sentiment, coalesce(t.safeguarding_flagged, false),
       c.published_body, c.rejection_reason, c.decided_at, c.decided_by
from comments c
left join content_tags t on t.area_id = c.area_id and t.content_type = 'comment' and t.content_id = c.id;

-- Submitted survey answers with free text (those tagging was given) are now reviewed too.
insert into moderation_items (area_id, content_type, content_id, author_role, state, submitted_at, tagged, themes,
                              sentiment, flagged)
select a.area_id, 'survey_answer', a.id, a.respondent_role, 'pending_review', a.submitted_at, t.content_id is not null,
       coalesce(array(select jsonb_array_elements(t.themes) ->> 'theme'), '{}'),
       t.sentiment, coalesce(t.safeguarding_flagged, false)
from survey_answers a
left join content_tags t on t.area_id = a.area_id and t.content_type = 'survey_answer' and t.content_id = a.id
where a.status = 'submitted'
  and (t.content_id is not null or exists (
      select 1 from tagging_jobs j where j.area_id = a.area_id and j.content_type = 'survey_answer' and j.content_id = a.id));

alter table comments add column published_at timestamptz;
update comments set published_at = decided_at where status = 'published';
-- Dropping the review columns drops the checks and indexes that name them.
alter table comments drop column status, drop column decided_at, drop column decided_by, drop column rejection_reason;
alter table comments add check ((published_body is null) = (published_at is null)),
                     add check (withdrawn_at is null or (body is null and published_body is null));
create index comments_wall on comments (area_id, published_at desc, id desc) where published_body is not null;
