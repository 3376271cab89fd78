-- A family's rights over its words: erasure at their request and retention periods. An erased row
-- keeps its id and times (counts, the desk's history and the audit trail still add up) but no
-- words and no author; erased_at says why the words are gone, for staff and for retention's runs.
alter table comments add column erased_at timestamptz;
alter table comments add check (erased_at is null or (body is null and published_body is null));

alter table survey_answers add column erased_at timestamptz;
-- When the family agreed to be quoted: a consent is shown back to them with its time.
alter table survey_answers add column quote_consent_at timestamptz;
update survey_answers set quote_consent_at = coalesce(submitted_at, updated_at) where quote_consent;
alter table survey_answers add check (quote_consent = (quote_consent_at is not null));

-- Moderation says "erased at the family's request" where it said withdrawn, and "expired" for a text
-- nobody reviewed within the retention period; the item keeps its decisions, never the words. A
-- survey answer a forum lead has read but may not quote (no consent) is "read": off the queue,
-- still counted in the survey's results and the area's themes.
alter table moderation_items drop constraint moderation_items_state_check;
alter table moderation_items add constraint moderation_items_state_check
    check (state in ('pending_review', 'published', 'rejected', 'changes_requested', 'withdrawn', 'erased', 'expired', 'read'));
alter table moderation_items add check (state not in ('erased', 'expired') or (moderated_text is null and reason is null));

-- The area's privacy notice, as the app shows it before a family first speaks.
alter table area_settings add column privacy_notice_url text
    check (privacy_notice_url is null or (privacy_notice_url like 'https://%' and length(privacy_notice_url) <= 500));
alter table area_settings add column privacy_notice_updated_on date;


-- When moderation learnt the words were gone (withdrawn, erased, or purged by retention), so the
-- retention job never looks at an item twice.
alter table moderation_items add column words_gone_at timestamptz;
update moderation_items set words_gone_at = coalesce(decided_at, submitted_at) where state = 'withdrawn';
create index moderation_items_retention on moderation_items (state, decided_at) where words_gone_at is null;
create index notification_outbox_retention on notification_outbox (created_at) where state in ('sent', 'failed', 'dropped');
