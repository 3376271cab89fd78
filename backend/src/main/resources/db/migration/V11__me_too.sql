-- "Me too": a family says a published comment speaks for them as well. One per person per comment
-- (adding it again changes nothing); taken back by deleting it. A family's voice: later, whoever said
-- "me too" is told what was done, like the comment's author.
create table me_too (
    area_id    text not null,
    comment_id uuid not null,
    uid        text not null,
    created_at timestamptz not null,
    primary key (area_id, comment_id, uid),
    foreign key (area_id, comment_id) references comments (area_id, id)
);
