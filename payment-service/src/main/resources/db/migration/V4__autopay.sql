-- Auto-draft: mandates (the customer's bank account, encrypted), the debits drafted for bills, the NACHA PPD files
-- they went out in, and the returns and notifications of change that came back.

-- An account's authorisation to debit its bank account for each bill. The bank account number is kept only
-- encrypted (AES-GCM, key outside the database: payment.autopay.encryption-key) and as its last four characters.
create table autopay_mandate (
    id                       uuid          primary key,
    account_number           varchar(10)   not null,
    esi_id                   varchar(22)   not null,
    routing_number           varchar(9)    not null check (routing_number ~ '^[0-9]{9}$'),
    -- "v1:" + base64(iv || ciphertext || tag); the mandate id is the associated data, so a value copied to another
    -- row does not decrypt
    bank_account_encrypted   text          not null,
    bank_account_last4       varchar(4)    not null,
    account_type             varchar(10)   not null check (account_type in ('CHECKING', 'SAVINGS')),
    holder_name              varchar(100)  not null,
    days_before_due          integer       not null check (days_before_due between 0 and 15),
    status                   varchar(10)   not null check (status in ('ACTIVE', 'SUSPENDED', 'CANCELLED')),
    status_reason            text,
    status_changed_at        timestamptz   not null,
    enrolled_at              timestamptz   not null,
    enrolled_by              varchar(100)  not null
);
-- one mandate in force (active or suspended) per account; cancelled ones stay as history
create unique index autopay_mandate_in_force on autopay_mandate (account_number) where status <> 'CANCELLED';
create index autopay_mandate_account on autopay_mandate (account_number, enrolled_at desc);

-- What happened to a mandate: enrolled, replaced, cancelled, suspended, corrected by a NOC (values masked).
create table autopay_mandate_history (
    id            bigserial     primary key,
    mandate_id    uuid          not null references autopay_mandate (id),
    event         varchar(20)   not null,
    change_code   varchar(3),
    detail        text          not null,
    actor         varchar(100)  not null,
    at            timestamptz   not null
);
create index autopay_mandate_history_mandate on autopay_mandate_history (mandate_id, id);

-- A NACHA PPD origination file: one per business date, its content encrypted like the account numbers it holds.
create table autopay_origination_file (
    id                     uuid          primary key,
    origination_date       date          not null,
    file_name              varchar(100)  not null,
    content_encrypted      text          not null,
    sha256                 varchar(64)   not null,
    effective_entry_date   date          not null,
    debit_count            integer       not null,
    total_amount           numeric(14,2) not null,
    first_trace_sequence   bigint        not null,
    last_trace_sequence    bigint        not null,
    created_at             timestamptz   not null,
    -- written to the outbound folder (after the commit that made it; retried until it is)
    written_at             timestamptz,
    constraint autopay_origination_file_once_a_day unique (origination_date)
);
create index autopay_origination_file_unwritten on autopay_origination_file (created_at) where written_at is null;

-- A debit for one bill of an account with a mandate: scheduled for its draft date, sent in that day's file with a
-- trace number (the key returns and NOCs quote), and a payment (AUTOPAY, ACH) posted for it.
create table autopay_debit (
    id                     uuid          primary key,
    mandate_id             uuid          not null references autopay_mandate (id),
    bill_id                uuid          not null,
    account_number         varchar(10)   not null,
    esi_id                 varchar(22)   not null,
    amount                 numeric(12,2) not null check (amount > 0),
    due_date               date          not null,
    draft_date             date          not null,
    status                 varchar(10)   not null
        check (status in ('SCHEDULED', 'SENT', 'RETURNED', 'CANCELLED', 'FAILED')),
    status_reason          text,
    status_changed_at      timestamptz   not null,
    created_at             timestamptz   not null,
    source_event_id        uuid          not null,
    origination_file_id    uuid          references autopay_origination_file (id),
    trace_number           varchar(15),
    effective_entry_date   date,
    payment_id             uuid          references payment (id),
    constraint autopay_debit_once_per_bill unique (bill_id),
    constraint autopay_debit_trace_once unique (trace_number),
    constraint autopay_debit_sent_has_trace check (status not in ('SENT', 'RETURNED')
        or (trace_number is not null and origination_file_id is not null and payment_id is not null))
);
create index autopay_debit_due on autopay_debit (draft_date) where status = 'SCHEDULED';
create index autopay_debit_mandate on autopay_debit (mandate_id);

-- Every ACH return and notification of change handed to the returns processing, once per network key
-- (original trace number and reason or change code), with what was done about it.
create table ach_return (
    id                     uuid          primary key,
    kind                   varchar(10)   not null check (kind in ('RETURN', 'NOC')),
    -- ach-return:<original trace>:<reason>, ach-noc:<original trace>:<change code>
    network_key            varchar(100)  not null,
    original_trace_number  varchar(15)   not null,
    code                   varchar(3)    not null,
    description            text          not null,
    amount                 numeric(12,2) not null,
    file_id                uuid,
    line_number            integer,
    outcome                varchar(20)   not null
        check (outcome in ('RETURNED', 'NOC_APPLIED', 'NOC_NOT_APPLIED', 'UNMATCHED')),
    outcome_detail         text,
    debit_id               uuid          references autopay_debit (id),
    payment_id             uuid,
    mandate_id             uuid,
    received_at            timestamptz   not null,
    constraint ach_return_once unique (network_key)
);
create index ach_return_mandate on ach_return (mandate_id, received_at) where kind = 'RETURN';
