-- Themes the model is unsure of: offered to forum leads with their scores, never given.
alter table content_tags add column suggested_themes jsonb not null default '[]'::jsonb;
