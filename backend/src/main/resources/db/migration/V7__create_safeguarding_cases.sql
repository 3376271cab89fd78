-- A safeguarding case: tagging flagged a family's text (a wall comment, a free-text survey answer,
-- whatever comes next) and a person of the Parent Carer Forum must look at it. It lives beside the
-- content, keyed by (content_type, content_id), and is independent of the content's review state:
-- a text flagged after it was published or rejected (a re-tag with a new model) still opens a case.
-- One case per piece of content; a later flag of a handled case does not reopen it.
create table safeguarding_cases (
    area_id       text not null references areas (id),
    content_type  text not null check (content_type in ('comment', 'survey_answer')),
    content_id    uuid not null,
    status        text not null check (status in ('new', 'handled')),
    flagged_at    timestamptz not null,
    model_version text not null,
    handled_at    timestamptz,
    handled_by    text,
    -- The forum lead's own words about what they did: staff only, never shown to the author.
    handling_note text check (handling_note is null or length(handling_note) between 1 and 2000),
    primary key (area_id, content_type, content_id),
    check ((status = 'handled') = (handled_at is not null and handled_by is not null and handling_note is not null))
);

create index safeguarding_cases_queue on safeguarding_cases (area_id, status, flagged_at, content_id);

-- Every flag stored so far becomes a case. A comment published after a forum lead confirmed the
-- safeguarding review (the audit says so) is handled; everything else waits for a person, including
-- survey answers, which no queue showed before, and comments published before tagging had run.
insert into safeguarding_cases (area_id, content_type, content_id, status, flagged_at, model_version,
                                handled_at, handled_by, handling_note)
select t.area_id, t.content_type, t.content_id,
       case when reviewed.at is null then 'new' else 'handled' end,
       t.tagged_at, t.model_version, reviewed.at, reviewed.actor_uid,
       case when reviewed.at is null then null else 'Safeguarding review confirmed when the comment was published.' end
from content_tags t
left join lateral (
    select a.at, a.actor_uid from audit_log a
    where a.area_id = t.area_id and a.content_type = t.content_type and a.content_id = t.content_id::text
      and a.action = 'comment.publish' and a.detail ->> 'safeguardingFlagged' = 'true'
    order by a.at limit 1) reviewed on true
where t.safeguarding_flagged and t.content_type in ('comment', 'survey_answer');
