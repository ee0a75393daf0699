-- The collections engine: what collections knows of each account (the ledger as dunning sees it, the customer's
-- contact, pre-pay balances), what it did (notices, service orders) and where each account stands next.

alter table collection_account add column enrollment_id uuid;
alter table collection_account add column tdsp varchar(20);
alter table collection_account add column rule varchar(100);
alter table collection_account add column next_what varchar(300);
alter table collection_account add column next_on date;
-- a pre-pay account moved to postpaid by collections (16 TAC §25.498), and the designation that required it
alter table collection_account add column converted_on date;
alter table collection_account add column converted_for varchar(30);
update collection_account set rule = 'account opened' where rule is null;
create index collection_account_next_on on collection_account (next_on);

-- Bills by billId. A cancellation that arrives before its bill is kept (posted = false) and wins when the bill comes.
create table ledger_bill (
    bill_id          uuid          primary key,
    account_number   varchar(10)   not null,
    esi_id           varchar(22),
    issue_date       date,
    due_date         date,
    amount_due       numeric(12,2),
    posted           boolean       not null,
    cancelled        boolean       not null,
    cancelled_on     date,
    amount_reversed  numeric(12,2),
    recorded_at      timestamptz   not null
);
create index ledger_bill_account on ledger_bill (account_number);

-- Payments by paymentId. account_number is null when no account in collections matched: recorded, then ignored.
-- A return that arrives before its payment is kept (posted = false, returned = true).
create table ledger_payment (
    payment_id       uuid          primary key,
    account_number   varchar(10),
    esi_id           varchar(22),
    amount           numeric(12,2) not null,
    received_on      date          not null,
    posted           boolean       not null,
    returned         boolean       not null,
    returned_at      timestamptz,
    return_id        uuid,
    unmatched_reason varchar(300),
    recorded_at      timestamptz   not null
);
create index ledger_payment_account on ledger_payment (account_number);

-- Late fees: one per bill (16 TAC §25.480(c): never twice on the same balance).
create table ledger_late_fee (
    fee_id           uuid          primary key,
    account_number   varchar(10)   not null,
    bill_id          uuid          not null,
    amount           numeric(12,2) not null,
    past_due_amount  numeric(12,2) not null,
    assessed_on      date          not null,
    unique (account_number, bill_id)
);

-- Pre-pay balances as billing reports them (16 TAC §25.498), one row per account.
create table prepay_balance (
    account_number          varchar(10)   primary key,
    esi_id                  varchar(22)   not null,
    balance                 numeric(12,2),
    balance_on              date,
    low_threshold           numeric(12,2),
    low                     boolean       not null,
    below_disconnection_on  date,
    reconnect_eligible_on   date,
    updated_at              timestamptz   not null
);

-- The customer of each accepted enrollment: who notices go to, and the county moratoriums are decided for.
create table customer_contact (
    enrollment_id   uuid          primary key,
    esi_id          varchar(22)   not null,
    name            varchar(200),
    email           varchar(200),
    phone           varchar(40),
    line1           varchar(200),
    line2           varchar(200),
    city            varchar(100),
    state           varchar(2),
    zip             varchar(10),
    county          varchar(60),
    tdsp            varchar(20),
    accepted_at     timestamptz   not null
);
create index customer_contact_esi_id on customer_contact (esi_id);

-- The notices collections issued (the notices feature keeps their documents and sending).
create table collection_notice (
    notice_id        uuid          primary key,
    account_number   varchar(10)   not null,
    kind             varchar(40)   not null,
    channel          varchar(10)   not null,
    issued_on        date          not null,
    amount           numeric(12,2),
    disconnect_date  date,
    recorded_at      timestamptz   not null
);
create index collection_notice_account on collection_notice (account_number, kind, issued_on);

-- Disconnect, reconnect and cancel orders collections asked edi-gateway to send, and the 650 answers.
create table service_order (
    request_id          uuid          primary key,
    account_number      varchar(10)   not null,
    esi_id              varchar(22)   not null,
    kind                varchar(20)   not null,
    original_request_id uuid,
    tdsp_duns           varchar(13),
    status              varchar(20)   not null,
    requested_on        date          not null,
    requested_at        timestamptz   not null,
    sent_at             timestamptz,
    bgn_reference       varchar(30),
    completed_on        date,
    rejected_on         date,
    reason_code         varchar(10),
    reason_text         varchar(300),
    released_at         timestamptz,
    released_by         varchar(200),
    cause_event_id      uuid
);
create index service_order_account on service_order (account_number, requested_at);
create index service_order_esi_id on service_order (esi_id);
