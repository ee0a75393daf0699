-- What collections (dunning-service) asks of billing.

-- Late fees assessed by collections (16 TAC §25.480(c)): one row per fee id, whatever became of it. CHARGED: on the
-- ledger (posting_id, a FEE posting whose reference is the fee id); NOT_CHARGED: refused with the reason (an unknown
-- account, an amount over 5 % of the past-due balance...), a LATE_FEE_NOT_CHARGED work item raised, retryable.
create table late_fee (
    fee_id            uuid           primary key,
    account_number    varchar(30),
    esi_id            varchar(22),
    amount            numeric(14, 2),
    past_due_amount   numeric(14, 2),
    assessed_on       date,
    status            varchar(20)    not null,
    reason_code       varchar(40),
    reason            varchar(500),
    posting_id        uuid           references ledger_posting (id),
    event_id          uuid           not null,
    correlation_id    uuid,
    recorded_at       timestamptz    not null,
    updated_at        timestamptz    not null,
    constraint late_fee_status check (status in ('CHARGED', 'NOT_CHARGED'))
);
create index late_fee_account on late_fee (account_number);

-- Changes of an account's billing type, with who, why and when: a pre-pay customer designated critical care or
-- chronic condition is moved to a postpaid product without a fee (16 TAC §25.498). One conversion per account.
create table billing_type_change (
    id                 uuid           primary key,
    account_number     varchar(10)    not null references billing_account (account_number),
    esi_id             varchar(22)    not null,
    from_billing_type  varchar(10)    not null,
    to_billing_type    varchar(10)    not null,
    from_product       varchar(40)    not null,
    to_product         varchar(40)    not null,
    -- the first day billed post-pay: pre-pay daily charging stops from it
    postpaid_from      date           not null,
    -- what the customer had prepaid (positive) or owed (negative) when it moved, dollars
    prepaid_balance    numeric(14, 2) not null,
    designation        varchar(40),
    requested_on       date,
    reason             varchar(500)   not null,
    actor              varchar(100)   not null,
    source             varchar(100)   not null,
    source_id          varchar(100)   not null,
    correlation_id     uuid,
    changed_at         timestamptz    not null,
    constraint billing_type_change_once unique (account_number, to_billing_type)
);
create index billing_type_change_esi_id on billing_type_change (esi_id);
