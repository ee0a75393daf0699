-- Payments from every channel (API, payment file lines, auto-draft), posted once per idempotency key.
create table payment (
    id                      uuid          primary key,
    -- "api:<caller>:<Idempotency-Key>", "file:<file id>:<line>", "autopay:<debit id>": one payment per key
    idempotency_key         varchar(300)  not null,
    source                  varchar(10)   not null check (source in ('API', 'FILE', 'AUTOPAY')),
    source_file_id          uuid,
    source_line             integer,
    -- what the payer named (kept as given, even when it matches nothing)
    account_number          varchar(30),
    esi_id                  varchar(30),
    amount                  numeric(12,2) not null check (amount > 0),
    currency                varchar(3)      not null check (currency = 'USD'),
    channel                 varchar(20)   not null,
    external_reference      varchar(100),
    -- masked only: a card's or bank account's last 4 digits, never the full number
    instrument_type         varchar(20),
    instrument_last4        varchar(4)      check (instrument_last4 ~ '^[0-9]{4}$'),
    received_at             timestamptz   not null,
    -- the business date (market zone) of received_at: reconciliation's day
    received_on             date          not null,
    recorded_at             timestamptz   not null,
    submitted_by            varchar(100)  not null,
    status                  varchar(30)   not null
        check (status in ('POSTED', 'UNAPPLIED', 'APPLIED_FROM_SUSPENSE', 'REFUNDED', 'RETURNED')),
    status_changed_at       timestamptz   not null,
    -- the payable account the money went to (null while unapplied or refunded)
    applied_account_number  varchar(10),
    applied_esi_id          varchar(22),
    posted_at               timestamptz,
    unapplied_reason        varchar(30),
    unapplied_detail        text,
    constraint payment_idempotency_key unique (idempotency_key),
    constraint payment_file_line unique (source_file_id, source_line),
    constraint payment_file_source check ((source = 'FILE') = (source_file_id is not null and source_line is not null)),
    constraint payment_posted_has_account check (
        status not in ('POSTED', 'APPLIED_FROM_SUSPENSE', 'RETURNED')
        or (applied_account_number is not null and posted_at is not null))
);
create index payment_received_on on payment (received_on);
create index payment_account_number on payment (account_number);
create index payment_esi_id on payment (esi_id);
create index payment_applied_account_number on payment (applied_account_number);
create index payment_applied_esi_id on payment (applied_esi_id);
create index payment_unapplied on payment (recorded_at) where status = 'UNAPPLIED';

-- What an analyst did to a payment (applied unapplied cash to an account, refunded it): who, when, why.
create table payment_action (
    id           bigserial    primary key,
    payment_id   uuid         not null references payment (id),
    action       varchar(20)  not null,
    from_status  varchar(30)  not null,
    to_status    varchar(30)  not null,
    account_number varchar(10),
    actor        varchar(100) not null,
    note         text         not null,
    at           timestamptz  not null
);
create index payment_action_payment on payment_action (payment_id);

-- POST /payments requests that were refused, kept with the reasons (card numbers masked, unknown fields' values
-- not kept) so that nothing sent to us is lost without a trace.
create table rejected_payment_request (
    id               uuid          primary key,
    received_at      timestamptz   not null,
    submitted_by     varchar(100)  not null,
    idempotency_key  varchar(200),
    correlation_id   varchar(200),
    body             text,
    body_truncated   boolean       not null,
    errors           jsonb         not null
);
create index rejected_payment_request_received_at on rejected_payment_request (received_at);
