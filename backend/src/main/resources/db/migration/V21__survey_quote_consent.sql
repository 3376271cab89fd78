-- Whether the family agreed to be quoted (without their name) when they submitted free-text answers:
-- the survey asks "May we quote your words, without your name?" once per answer set. Answers given
-- before the question was asked were never asked, so they have no consent: an answer approved for
-- quoting before this migration is no longer shown to anyone (PublishedWords reads this column
-- through the survey feature) and cannot be cited again. The approval itself is kept for the record.
alter table survey_answers add column quote_consent boolean not null default false;
