-- Who did what to whose words: every moderation decision and role grant, never the words
-- themselves.
create table audit_log (
    area_id      text not null references areas (id),
    id           uuid not null,
    at           timestamptz not null,
    actor_uid    text not null,
    action       text not null check (action ~ '^[a-z_]+\.[a-z_]+$'),
    content_type text,
    content_id   text,
    detail       jsonb not null default '{}'::jsonb,
    primary key (area_id, id)
);

create index audit_log_by_content on audit_log (area_id, content_type, content_id, at);
