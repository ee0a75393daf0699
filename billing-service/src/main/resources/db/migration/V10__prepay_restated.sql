-- Restated usage on pre-pay accounts: when the wires utility cancels or replaces a read (867_03 BPT01 01 / 05) whose
-- days were already charged, each such day's charge is reversed on the ledger (a new posting, never an edit) and its
-- prepay_daily_charge row moves here, so that the replacement read charges the day again.
-- One row per account, day and read that had charged it: the day's charge as it was, and how it was undone.
create table prepay_daily_charge_restated (
    account_number       varchar(10)    not null references billing_account (account_number),
    service_date         date           not null,
    esi_id               varchar(22)    not null,
    meter_read_id        uuid           not null,
    kwh                  numeric(16, 4) not null,
    amount               numeric(14, 2) not null,
    posting_id           uuid           references ledger_posting (id),
    balance_after        numeric(14, 2) not null,
    charged_at           timestamptz    not null,
    -- what became of the read: CANCELLED or REPLACED, and the document that did it (the CANCEL row or the new read)
    read_status          varchar(20)    not null,
    superseded_by        uuid,
    -- the mirror posting of posting_id; null when the day had rated to nothing and nothing was posted
    reversal_posting_id  uuid           references ledger_posting (id),
    restated_at          timestamptz    not null,
    primary key (account_number, service_date, meter_read_id)
);

-- the job finds charged days of restated reads from the (few) reads that are no longer active
create index prepay_daily_charge_read on prepay_daily_charge (meter_read_id);
create index meter_read_not_active on meter_read (id) where status <> 'ACTIVE';
