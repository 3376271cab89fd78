-- The safeguarding desk: each case has a staff-only criticality (Care Opinion's idea: 0 no concern,
-- 5 immediate risk) and may be escalated to the area's named safeguarding contact, with when, by
-- whom, to whom and why, before it is handled.
alter table safeguarding_cases drop constraint safeguarding_cases_status_check;
alter table safeguarding_cases drop constraint safeguarding_cases_check;
alter table safeguarding_cases
    add column criticality smallint not null default 3 check (criticality between 0 and 5),
    add column escalated_at timestamptz,
    add column escalated_by text,
    add column escalated_to text,
    add column escalation_note text check (escalation_note is null or length(escalation_note) between 1 and 2000),
    add check (status in ('new', 'escalated', 'handled')),
    add check ((status = 'handled') = (handled_at is not null and handled_by is not null and handling_note is not null)),
    add check ((escalated_at is null) = (escalated_by is null) and (escalated_at is null) = (escalated_to is null)
               and (escalated_at is null) = (escalation_note is null)),
    add check (status <> 'escalated' or escalated_at is not null);

-- What an area sets for itself: the named safeguarding contact forum leads escalate to, and the
-- support lines a family is shown when what they wrote raised a concern. An area without a row uses
-- the national lines shipped with YouSaid.
create table area_settings (
    area_id              text primary key references areas (id),
    safeguarding_contact jsonb,
    support_lines        jsonb not null default '[]'::jsonb,
    updated_at           timestamptz not null,
    updated_by           text not null
);
