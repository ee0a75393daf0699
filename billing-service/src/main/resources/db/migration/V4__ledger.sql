-- The receivables ledger: double entry per billing account. A posting is one business fact (a charge, a fee, a
-- payment, a returned payment, a reversal, an adjustment) with what caused it; its entries debit and credit ledger
-- accounts and always balance. Nothing is ever edited or deleted: a correction is a new posting. The account's
-- balance is the sum of its RECEIVABLE entries (debits minus credits), never a stored figure.
create table ledger_posting (
    id              uuid          primary key,
    account_number  varchar(10)   not null references billing_account (account_number),
    esi_id          varchar(22)   not null,
    kind            varchar(20)   not null,
    -- what makes the posting happen once: PAYMENT:<payment id>, REVERSAL:<posting id>, CHARGE:<account>:<reference>
    posting_key     varchar(300)  not null unique,
    reference       varchar(200)  not null,
    description     text          not null,
    reverses        uuid          references ledger_posting (id),
    reason_code     varchar(20),
    actor           varchar(100)  not null,
    note            text,
    source          varchar(200)  not null,
    source_id       varchar(200),
    correlation_id  uuid,
    effective_date  date          not null,
    posted_at       timestamptz   not null
);
create unique index ledger_posting_reversed_once on ledger_posting (reverses) where reverses is not null;
create index ledger_posting_account on ledger_posting (account_number, posted_at desc, id desc);

create table ledger_entry (
    posting_id      uuid          not null references ledger_posting (id),
    line            integer       not null,
    account_number  varchar(10)   not null,
    ledger_account  varchar(30)   not null,
    debit           numeric(14, 2) not null,
    credit          numeric(14, 2) not null,
    primary key (posting_id, line),
    constraint ledger_entry_one_side check (debit >= 0 and credit >= 0 and (debit = 0) <> (credit = 0))
);
-- the balance is read from here alone (index-only)
create index ledger_entry_receivable on ledger_entry (account_number) include (debit, credit)
    where ledger_account = 'RECEIVABLE';

-- Append-only: updates, deletes and truncation are refused by the database itself.
create function ledger_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only: % on % refused (post a correction instead)', tg_op, tg_table_name;
end
$$;
create trigger ledger_posting_append_only before update or delete on ledger_posting
    for each row execute function ledger_append_only();
create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function ledger_append_only();
create trigger ledger_posting_no_truncate before truncate on ledger_posting
    for each statement execute function ledger_append_only();
create trigger ledger_entry_no_truncate before truncate on ledger_entry
    for each statement execute function ledger_append_only();

-- Every posting balances, checked when its transaction commits: at least two entries, debits = credits, all on the
-- posting's billing account.
create function ledger_posting_balances() returns trigger language plpgsql as $$
declare
    checked   uuid;
    debits    numeric;
    credits   numeric;
    entries   integer;
    strangers integer;
begin
    if tg_table_name = 'ledger_posting' then
        checked := new.id;
    else
        checked := new.posting_id;
    end if;
    select coalesce(sum(e.debit), 0), coalesce(sum(e.credit), 0), count(e.posting_id),
           count(*) filter (where e.account_number <> p.account_number)
      into debits, credits, entries, strangers
      from ledger_posting p left join ledger_entry e on e.posting_id = p.id
     where p.id = checked;
    if entries < 2 or debits <> credits or strangers > 0 then
        raise exception 'ledger posting % does not balance: % entries, debits %, credits %, % on another account',
            checked, entries, debits, credits, strangers;
    end if;
    return null;
end
$$;
create constraint trigger ledger_posting_balanced after insert on ledger_posting
    deferrable initially deferred for each row execute function ledger_posting_balances();
create constraint trigger ledger_entry_balanced after insert on ledger_entry
    deferrable initially deferred for each row execute function ledger_posting_balances();

-- How billing handled each payment payment-service announced: APPLIED to an account's ledger, UNAPPLIED (no account
-- matched, or the payment could not be posted: a work item says why) or RETURNED. One row per payment id, so a
-- payment announced twice is applied once.
create table payment_application (
    payment_id              uuid          primary key,
    status                  varchar(20)   not null,
    named_account_number    varchar(40),
    named_esi_id            varchar(40),
    account_number          varchar(10)   references billing_account (account_number),
    amount                  numeric,
    channel                 varchar(40),
    external_reference      varchar(200),
    received_at             timestamptz,
    payment_posted_at       timestamptz,
    unapplied_reason        varchar(40),
    unapplied_detail        text,
    posting_id              uuid          references ledger_posting (id),
    return_id               uuid,
    return_reason_code      varchar(20),
    return_posting_id       uuid          references ledger_posting (id),
    event_id                uuid          not null,
    recorded_at             timestamptz   not null,
    updated_at              timestamptz   not null,
    version                 bigint        not null
);
create index payment_application_status on payment_application (status);
create index payment_application_account on payment_application (account_number);
