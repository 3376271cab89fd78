-- The area's outcomes framework (Results-Based Accountability): outcomes, the indicators that
-- measure them, and each indicator's values by period. A value entered again for a period is a
-- correction: the earlier row stays, marked as replaced, so the history is never lost.
create table outcomes (
    area_id     text not null references areas (id),
    id          uuid not null,
    title       text not null check (length(title) between 1 and 200),
    description text check (length(description) <= 2000),
    position    integer not null check (position > 0),
    created_by  text not null,
    created_at  timestamptz not null,
    primary key (area_id, id)
);

create table indicators (
    area_id         text not null,
    id              uuid not null,
    outcome_id      uuid not null,
    title           text not null check (length(title) between 1 and 200),
    kind            text not null check (kind in ('how_much', 'how_well', 'better_off')),
    unit            text not null check (length(unit) between 1 and 40),
    polarity        text not null check (polarity in ('higher_is_better', 'lower_is_better')),
    period_kind     text not null check (period_kind in ('month', 'quarter')),
    baseline_period text,
    baseline_value  double precision,
    target_period   text,
    target_value    double precision,
    created_by      text not null,
    created_at      timestamptz not null,
    primary key (area_id, id),
    foreign key (area_id, outcome_id) references outcomes (area_id, id),
    check ((baseline_period is null) = (baseline_value is null)),
    check ((target_period is null) = (target_value is null))
);

create table indicator_values (
    area_id      text not null,
    indicator_id uuid not null,
    period       text not null,
    entry        integer not null check (entry > 0),
    value        double precision not null,
    source       text not null check (length(source) between 1 and 200),
    note         text check (length(note) <= 1000),
    entered_by   text not null,
    entered_at   timestamptz not null,
    replaced     boolean not null default false,
    primary key (area_id, indicator_id, period, entry),
    foreign key (area_id, indicator_id) references indicators (area_id, id)
);

-- One value in force per period.
create unique index indicator_values_in_force on indicator_values (area_id, indicator_id, period) where not replaced;
