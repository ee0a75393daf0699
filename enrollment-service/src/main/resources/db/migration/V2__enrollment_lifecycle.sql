-- The full enrollment lifecycle: activation, cancellation, correction and resubmission, move-out, loss,
-- third-party verification (TPV), switch holds and the market transactions each enrollment went through.

alter table enrollment
    add column correlation_id            uuid,
    add column state_changed_at          timestamptz,
    add column previous_enrollment_id    uuid references enrollment (id),
    add column replaced_by_enrollment_id uuid references enrollment (id),
    add column corrections               varchar(500),
    add column service_start_date        date,
    add column activation_confirmed_by   varchar(30),
    add column service_end_date          date,
    add column move_out_date             date,
    add column move_out_reference        varchar(30),
    add column cancel_reason             varchar(300),
    add column unprocessed_flagged_state varchar(20);
update enrollment set state_changed_at = updated_at;
alter table enrollment alter column state_changed_at set not null;

-- An enrollment waiting for its TPV (PENDING_TPV) holds the premise like one in progress.
drop index enrollment_one_open_per_esi_id;
create unique index enrollment_one_open_per_esi_id on enrollment (esi_id)
    where state in ('PENDING_TPV', 'SUBMITTED', 'SENT', 'ACCEPTED', 'ACTIVE');
create index enrollment_created_at on enrollment (created_at);
create index enrollment_product_code on enrollment (product_code);
create index enrollment_start_date on enrollment (coalesce(scheduled_start_date, requested_start_date));
-- the scheduled checks: accepted enrollments by start date, unprocessed ones by age in their state
create index enrollment_accepted_start on enrollment (scheduled_start_date) where state = 'ACCEPTED';
create index enrollment_awaiting_market on enrollment (state_changed_at) where state in ('SUBMITTED', 'SENT');

-- What caused each state change (the trigger: a market event or an operation; the event id stays in
-- cause_event_id) and who acted (a user name, "market" for the market's transactions, "system" for the
-- business clock).
alter table enrollment_transition
    add column cause varchar(40),
    add column actor varchar(100);

-- Third-party verification of the customer's consent (16 TAC §25.474): one per enrollment.
create table enrollment_tpv (
    enrollment_id       uuid         primary key references enrollment (id),
    vendor              varchar(100) not null,
    confirmation_id     varchar(100) not null,
    verified_on         date         not null,
    recording_reference varchar(300) not null,
    recorded_by         varchar(100) not null,
    recorded_at         timestamptz  not null
);

-- Switch holds placed on premises by 814_20 (domain primer, "Switch hold"): open until removed.
create table switch_hold (
    id                 bigserial    primary key,
    esi_id             varchar(22)  not null,
    placed_on          date,
    placed_reference   varchar(30),
    placed_event_id    uuid         not null,
    removed_on         date,
    removed_reference  varchar(30),
    removed_event_id   uuid,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);
create unique index switch_hold_one_open_per_esi_id on switch_hold (esi_id) where removed_event_id is null;

-- The market transactions an enrollment went through, as the EDI gateway reported them.
create table enrollment_market_transaction (
    id                  bigserial    primary key,
    enrollment_id       uuid         not null references enrollment (id),
    event_id            uuid         not null unique,
    event_type          varchar(100) not null,
    transaction_set     varchar(10)  not null,
    direction           varchar(10)  not null,
    bgn_reference       varchar(50),
    original_reference  varchar(50),
    edi_transaction_id  uuid,
    business_date       date,
    reason_code         varchar(10),
    occurred_at         timestamptz  not null
);
create index enrollment_market_transaction_enrollment on enrollment_market_transaction (enrollment_id);
