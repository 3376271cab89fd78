-- "Review" means moderation only; the forum's part in a response is its sign-off. The response
-- waiting for it is "awaiting_sign_off" (was "in_review"), and its steps are the response's sign-offs.
alter table responses drop constraint responses_status_check;
update responses set status = 'awaiting_sign_off' where status = 'in_review';
alter table responses add constraint responses_status_check
    check (status in ('draft', 'awaiting_sign_off', 'changes_requested', 'signed_off', 'published'));

alter table response_reviews rename to response_sign_offs;
alter index response_reviews_pkey rename to response_sign_offs_pkey;
