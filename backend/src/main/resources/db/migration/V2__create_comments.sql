-- The graffiti wall. The text a family wrote (body) is seen only by its author and moderators;
-- the wall shows published_body, which a forum lead may have edited (e.g. a child's name taken out).
create table comments (
    area_id          text not null references areas (id),
    id               uuid not null,
    author_uid       text not null,
    author_role      text not null check (author_role in ('family', 'young_person')),
    body             text check (body is null or length(body) between 1 and 2000),
    published_body   text check (published_body is null or length(published_body) between 1 and 2000),
    status           text not null check (status in ('pending_review', 'published', 'rejected', 'withdrawn')),
    -- The phone's Idempotency-Key and a hash of what it sent with it: a retry replays, a
    -- different request under the same key is refused.
    idempotency_key  uuid not null,
    request_hash     text not null,
    submitted_at     timestamptz not null,
    decided_at       timestamptz,
    decided_by       text,
    rejection_reason text,
    withdrawn_at     timestamptz,
    primary key (area_id, id),
    unique (area_id, author_uid, idempotency_key),
    check ((status = 'withdrawn') = (withdrawn_at is not null)),
    check (status <> 'withdrawn' or (body is null and published_body is null)),
    check (status <> 'published' or published_body is not null),
    check (status <> 'rejected' or rejection_reason is not null)
);

create index comments_wall on comments (area_id, decided_at desc, id desc) where status = 'published';
create index comments_by_author on comments (area_id, author_uid, submitted_at desc, id desc);
create index comments_review_queue on comments (area_id, submitted_at, id) where status = 'pending_review';
