-- Devices a member registered for push notifications (FCM registration tokens), per area.
create table devices (
    area_id       text not null references areas (id),
    id            uuid not null,
    uid           text not null,
    token         text not null check (length(token) between 1 and 4096),
    platform      text not null check (platform in ('android', 'ios', 'web')),
    registered_at timestamptz not null,
    primary key (area_id, id),
    unique (area_id, uid, token)
);

-- Invitations to answer a survey: sent to a cohort by a forum lead or commissioner, or created by
-- an "EHC plan issued" event. One live invitation per family and survey.
create table invitations (
    area_id     text not null,
    id          uuid not null,
    survey_id   uuid not null,
    invitee_uid text not null,
    origin      text not null check (origin in ('cohort', 'ehc_plan_issued')),
    state       text not null check (state in ('sent', 'opened', 'answered', 'expired')),
    created_by  text not null,
    created_at  timestamptz not null,
    opened_at   timestamptz,
    answered_at timestamptz,
    expires_at  timestamptz not null,
    primary key (area_id, id),
    foreign key (area_id, survey_id) references surveys (area_id, id)
);

create unique index invitations_one_live on invitations (area_id, survey_id, invitee_uid) where state in ('sent', 'opened');
create index invitations_by_invitee on invitations (area_id, invitee_uid, created_at desc);

-- Events posted by a commissioner's system; the event id makes a repeated post harmless and
-- guarantees exactly one invitation per event.
create table ehc_plan_events (
    area_id       text not null references areas (id),
    event_id      text not null check (length(event_id) between 1 and 200),
    family_uid    text not null,
    issued_on     date not null,
    invitation_id uuid,
    request_hash  text not null,
    received_at   timestamptz not null,
    primary key (area_id, event_id)
);

-- The transactional outbox: one row per notification per device, written in the transaction that
-- made the invitation, sent after commit by a sender that leases rows (FOR UPDATE SKIP LOCKED).
-- A row is sent at most once: it is marked sent in the same short transaction that records FCM's
-- message id; transient failures retry with backoff; an unregistered token drops the row and
-- removes the device.
create table notification_outbox (
    area_id         text not null,
    id              uuid not null,
    uid             text not null,
    device_id       uuid not null,
    token           text not null,
    title           text not null,
    body            text not null,
    data            jsonb not null,
    state           text not null check (state in ('pending', 'sending', 'sent', 'failed', 'dropped')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    leased_until    timestamptz,
    message_id      text,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    primary key (area_id, id),
    check ((state = 'sent') = (message_id is not null))
);

create index notification_outbox_due on notification_outbox (next_attempt_at) where state in ('pending', 'sending');
create index notification_outbox_log on notification_outbox (area_id, created_at desc);
