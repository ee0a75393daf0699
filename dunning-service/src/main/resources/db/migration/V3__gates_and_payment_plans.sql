-- Gates that stop a disconnection, and deferred payment plans.

-- Extreme-weather moratoriums, decided per county per day (16 TAC §25.483(j)). county_key is the county as compared
-- (trimmed, lower case, without a trailing "county"), so "Harris", "HARRIS" and "Harris County" are one county.
create table moratorium (
    id           uuid         primary key,
    county       varchar(60)  not null,
    county_key   varchar(60)  not null,
    day          date         not null,
    reason       varchar(300),
    source       varchar(20)  not null,
    import_id    uuid,
    recorded_by  varchar(200) not null,
    recorded_at  timestamptz  not null,
    unique (county_key, day)
);
create index moratorium_day on moratorium (day);

-- Every bulk import file, kept whole with its SHA-256 whether it was imported or refused.
create table moratorium_import (
    id            uuid         primary key,
    file_name     varchar(300),
    sha256        varchar(64)  not null,
    content       bytea        not null,
    status        varchar(20)  not null,
    line_count    integer,
    imported      integer,
    problems      jsonb,
    received_by   varchar(200) not null,
    received_at   timestamptz  not null
);

-- Critical care and chronic condition (16 TAC §25.497) and low-income (§25.480(c)) designations of a premise.
-- In force from effective_from until the day before expires_on (computed, or none) or ended_on, whichever is first.
create table premise_designation (
    id              uuid         primary key,
    esi_id          varchar(22)  not null,
    type            varchar(30)  not null,
    effective_from  date         not null,
    expires_on      date,
    ended_on        date,
    note            varchar(500),
    recorded_by     varchar(200) not null,
    recorded_at     timestamptz  not null,
    updated_by      varchar(200) not null,
    updated_at      timestamptz  not null,
    ended_by        varchar(200),
    version         bigint       not null
);
-- one designation of a type at a time per premise that has not been ended; ended ones stay as history
create unique index premise_designation_open on premise_designation (esi_id, type) where ended_on is null;
create index premise_designation_esi_id on premise_designation (esi_id);

-- Who changed which gate, when, and how.
create table gate_change (
    id        bigserial    primary key,
    subject   varchar(20)  not null,
    subject_key varchar(100) not null,
    esi_id    varchar(22),
    action    varchar(20)  not null,
    actor     varchar(200) not null,
    at        timestamptz  not null,
    detail    varchar(1000)
);
create index gate_change_subject on gate_change (subject, subject_key);

-- Deferred payment plans (16 TAC §25.480(j)): a down payment due at once, then monthly installments.
create table payment_plan (
    id                  uuid          primary key,
    account_number      varchar(10)   not null,
    esi_id              varchar(22)   not null,
    amount              numeric(12,2) not null,
    down_payment        numeric(12,2) not null,
    installment_count   integer       not null,
    first_installment_due date        not null,
    reason              varchar(30)   not null,
    required            boolean       not null,
    required_rule       varchar(300)  not null,
    bill_due_date       date          not null,
    status              varchar(20)   not null,
    created_on          date          not null,
    created_by          varchar(200)  not null,
    created_at          timestamptz   not null,
    defaulted_on        date,
    defaulted_installment_due date,
    defaulted_amount_unpaid numeric(12,2),
    completed_on        date,
    version             bigint        not null
);
create index payment_plan_account on payment_plan (account_number, created_at);
create index payment_plan_esi_id on payment_plan (esi_id);

-- The plan's schedule: number 0 is the down payment, then 1..n the installments.
create table payment_plan_installment (
    plan_id   uuid          not null references payment_plan (id),
    number    integer       not null,
    due_date  date          not null,
    amount    numeric(12,2) not null,
    primary key (plan_id, number)
);

-- Payments counted towards a plan, once per payment; a returned payment stays with reversed set.
create table payment_plan_payment (
    payment_id   uuid          primary key,
    plan_id      uuid          not null references payment_plan (id),
    amount       numeric(12,2) not null,
    received_on  date          not null,
    reversed     boolean       not null,
    recorded_at  timestamptz   not null,
    reversed_at  timestamptz
);
create index payment_plan_payment_plan on payment_plan_payment (plan_id);
