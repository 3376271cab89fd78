-- Safeguarding alerts that need no phone: one email per person to tell, written in the transaction
-- that opens the case and sent after commit (retried; a sent row is never sent again). A row names
-- the case and how critical it is, never the family's words or who they are. A member of staff's
-- address is read from their account when the email is sent; the safeguarding contact's is copied
-- from the area's settings, as named when the case opened.
create table alert_outbox (
    area_id         text not null,
    id              uuid not null,
    content_type    text not null,
    content_id      uuid not null,
    criticality     integer not null check (criticality between 0 and 5),
    flagged_at      timestamptz not null,
    recipient       text not null,
    recipient_uid   text,
    recipient_email text,
    state           text not null check (state in ('pending', 'sending', 'sent', 'failed', 'not_sent')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    leased_until    timestamptz,
    notification_id text,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    primary key (area_id, id),
    unique (area_id, content_type, content_id, recipient),
    check (num_nonnulls(recipient_uid, recipient_email) = 1),
    check ((state = 'sent') = (notification_id is not null))
);

create index alert_outbox_due on alert_outbox (next_attempt_at) where state in ('pending', 'sending');
