-- Each text's sentence embedding (all-MiniLM-L6-v2, 384 dimensions, unit length), written by the
-- tagging worker with the tags, to find texts that say the same thing. A number summary of the
-- words, never shown; it goes when the author withdraws the text, like the tags.
create table content_embeddings (
    area_id      text not null references areas (id),
    content_type text not null,
    content_id   uuid not null,
    embedding    real[] not null check (cardinality(embedding) = 384),
    primary key (area_id, content_type, content_id)
);
