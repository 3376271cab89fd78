-- "You said, we did". A commissioner answers what families said: the response cites published words
-- and the outcomes it aims to move; the forum signs it off before it is published; its actions move
-- through timestamped milestones; everyone it reached is told once per event.
create table responses (
    area_id      text not null references areas (id),
    id           uuid not null,
    status       text not null check (status in ('draft', 'in_review', 'changes_requested', 'signed_off', 'published')),
    version      integer not null default 1 check (version >= 1),
    title        text not null check (length(title) between 1 and 200),
    summary      text not null check (length(summary) between 1 and 2000),
    we_did       text not null check (length(we_did) between 1 and 4000),
    easy_read    text check (length(easy_read) between 1 and 2000),
    themes       text[] not null check (cardinality(themes) between 1 and 10),
    period_from  date not null,
    period_to    date not null,
    -- The outcomes and indicators it aims to move: {"outcomes": [uuid], "indicators": [uuid]}.
    aims         jsonb not null,
    -- Families behind the cited words (authors and "me too"s) when it was last saved, and how many
    -- members it reached when last published.
    families     integer not null default 0,
    reached      integer,
    revision     integer check (revision >= 1),
    created_by   text not null,
    created_at   timestamptz not null,
    published_at timestamptz,
    updated_at   timestamptz,
    primary key (area_id, id),
    check (period_to >= period_from),
    check (status <> 'published' or revision is not null),
    check (status <> 'published' or published_at is not null)
);

create index responses_feed on responses (area_id, published_at desc, id desc) where published_at is not null;
create index responses_themes on responses using gin (themes);

-- The words a response cites: single texts, or a group of texts that say the same thing.
create table response_citations (
    area_id      text not null,
    response_id  uuid not null,
    content_type text not null check (content_type in ('comment', 'survey_answer')),
    content_id   uuid not null,
    group_no     integer check (group_no >= 1),
    primary key (area_id, response_id, content_type, content_id),
    foreign key (area_id, response_id) references responses (area_id, id)
);

create index response_citations_by_content on response_citations (area_id, content_type, content_id);

create table response_reviews (
    area_id     text not null,
    response_id uuid not null,
    seq         integer not null check (seq >= 1),
    decision    text not null check (decision in ('submitted', 'signed_off', 'sent_back')),
    comment     text check (length(comment) between 1 and 2000),
    by_uid      text not null,
    at          timestamptz not null,
    primary key (area_id, response_id, seq),
    foreign key (area_id, response_id) references responses (area_id, id),
    check (decision <> 'sent_back' or comment is not null)
);

-- Every published text of a response, kept: an edit after publishing shows as "updated".
create table response_revisions (
    area_id      text not null,
    response_id  uuid not null,
    revision     integer not null check (revision >= 1),
    title        text not null,
    summary      text not null,
    we_did       text not null,
    easy_read    text,
    change_note  text check (length(change_note) between 1 and 500),
    published_by text not null,
    published_at timestamptz not null,
    primary key (area_id, response_id, revision),
    foreign key (area_id, response_id) references responses (area_id, id),
    check (revision = 1 or change_note is not null)
);

create table response_actions (
    area_id     text not null,
    id          uuid not null,
    response_id uuid not null,
    position    integer not null check (position >= 1),
    text        text not null check (length(text) between 1 and 500),
    owner       text not null check (owner in ('council', 'nhs', 'school', 'forum', 'other')),
    starts_on   date not null,
    due_on      date not null,
    status      text not null check (status in ('planned', 'in_progress', 'done', 'not_possible')),
    progress    integer not null check (progress between 0 and 100),
    reason      text check (length(reason) between 1 and 500),
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    done_at     timestamptz,
    primary key (area_id, id),
    unique (area_id, response_id, position),
    foreign key (area_id, response_id) references responses (area_id, id),
    check (due_on >= starts_on),
    check (status <> 'not_possible' or reason is not null),
    check ((status = 'done') = (done_at is not null))
);

create table action_milestones (
    area_id   text not null,
    action_id uuid not null,
    seq       integer not null check (seq >= 1),
    at        timestamptz not null,
    by_uid    text not null,
    status    text not null,
    progress  integer not null,
    reason    text,
    note      text check (length(note) between 1 and 500),
    primary key (area_id, action_id, seq),
    foreign key (area_id, action_id) references response_actions (area_id, id)
);

-- Who a published response reached, through which of their words: what "what happened to what I
-- said" shows and who is told.
create table response_reach (
    area_id      text not null,
    response_id  uuid not null,
    uid          text not null,
    content_type text not null,
    content_id   uuid not null,
    how          text not null check (how in ('cited', 'me_too', 'theme')),
    primary key (area_id, response_id, uid, content_type, content_id),
    foreign key (area_id, response_id) references responses (area_id, id)
);

create index response_reach_by_member on response_reach (area_id, uid, response_id);

-- One push per event per person: an event (a publication, an action's milestone) is noted for a
-- member once, whatever retries or edits follow.
create table loop_notices (
    area_id     text not null,
    event       text not null,
    uid         text not null,
    response_id uuid not null,
    muted       boolean not null,
    batch       uuid not null,
    noted_at    timestamptz not null,
    primary key (area_id, event, uid)
);

create table loop_mutes (
    area_id  text not null references areas (id),
    uid      text not null,
    muted_at timestamptz not null,
    primary key (area_id, uid)
);
