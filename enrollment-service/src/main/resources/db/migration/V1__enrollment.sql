create table enrollment (
    id                    uuid         primary key,
    esi_id                varchar(22)  not null,
    tdsp                  varchar(20)  not null,
    request_type          varchar(10)  not null,
    requested_start_date  date         not null,
    scheduled_start_date  date,
    state                 varchar(20)  not null,
    customer_name         varchar(100) not null,
    customer_email        varchar(254),
    customer_phone        varchar(20),
    address_line1         varchar(100) not null,
    address_line2         varchar(100),
    city                  varchar(60)  not null,
    state_code            varchar(2)   not null,
    zip                   varchar(10)  not null,
    county                varchar(60)  not null,
    product_code          varchar(40)  not null,
    billing_type          varchar(10)  not null,
    market_reference      varchar(30),
    reject_reason_code    varchar(10),
    reject_reason_text    varchar(200),
    submitted_by          varchar(100) not null,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    version               bigint       not null
);
create index enrollment_esi_id on enrollment (esi_id);
create index enrollment_state on enrollment (state);
-- One enrollment in progress or active per premise.
create unique index enrollment_one_open_per_esi_id on enrollment (esi_id)
    where state in ('SUBMITTED', 'SENT', 'ACCEPTED', 'ACTIVE');

-- Every state change, with the event or request that caused it.
create table enrollment_transition (
    id             bigserial    primary key,
    enrollment_id  uuid         not null references enrollment (id),
    from_state     varchar(20),
    to_state       varchar(20)  not null,
    reason         varchar(300),
    cause_event_id uuid,
    at             timestamptz  not null
);
create index enrollment_transition_enrollment on enrollment_transition (enrollment_id);
