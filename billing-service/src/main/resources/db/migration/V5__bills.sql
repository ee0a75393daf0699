-- Post-pay bills: drafted from a billable (ACTIVE) meter read, rated, validated, then posted or held for review.
-- A posted bill is never edited: cancelling it reverses its ledger charge and marks it CANCELLED.
create table bill (
    id                   uuid           primary key,
    account_number       varchar(10)    not null references billing_account (account_number),
    esi_id               varchar(22)    not null,
    meter_read_id        uuid           not null references meter_read (id),
    product_code         varchar(40)    not null,
    period_start         date           not null,
    period_end           date           not null,
    days                 integer        not null,
    total_kwh            numeric(16, 4) not null,
    reading_quality      varchar(20)    not null,
    charges_total        numeric(14, 2) not null,
    tax_total            numeric(14, 2) not null,
    amount_due           numeric(14, 2) not null,
    status               varchar(20)    not null,
    -- every rule checked, passed or not: [{rule, passed, detail}]
    validation           jsonb          not null,
    -- the bill run (its date) that drafted the bill
    run_date             date           not null,
    drafted_at           timestamptz    not null,
    issue_date           date,
    due_date             date,
    posted_at            timestamptz,
    ledger_posting_id    uuid,
    cancelled_at         timestamptz,
    reversal_posting_id  uuid,
    version              bigint         not null default 0,
    constraint bill_period check (period_end > period_start)
);
-- each account+period bills once: re-running a bill run creates nothing twice
create unique index bill_account_period on bill (account_number, period_start, period_end);
create index bill_esi_id on bill (esi_id, period_start desc);
create index bill_run_date on bill (run_date, status);
create index bill_read on bill (meter_read_id);

create table bill_line (
    id                   uuid           primary key,
    bill_id              uuid           not null references bill (id),
    line_no              integer        not null,
    kind                 varchar(30)    not null,
    code                 varchar(60)    not null,
    description          text           not null,
    quantity             numeric(18, 6) not null,
    unit                 varchar(30)    not null,
    rate                 numeric(18, 6) not null,
    amount               numeric(14, 2) not null,
    ledger_account       varchar(30)    not null,
    unique (bill_id, line_no)
);

-- The audit trail of a bill: drafted, posted, held, approved, cancelled — who, when, why.
create table bill_action (
    id                   bigserial      primary key,
    bill_id              uuid           not null references bill (id),
    action               varchar(20)    not null,
    actor                varchar(100)   not null,
    note                 text,
    at                   timestamptz    not null
);
create index bill_action_bill on bill_action (bill_id, id);
