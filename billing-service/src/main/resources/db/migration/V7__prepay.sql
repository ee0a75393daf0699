-- Pre-pay accounts (16 TAC §25.498): each day with usage is charged once against the prepaid balance.
-- One row per account and service day charged (or found to rate to nothing): the daily job's memory of what it did.
create table prepay_daily_charge (
    account_number  varchar(10)    not null references billing_account (account_number),
    service_date    date           not null,
    esi_id          varchar(22)    not null,
    meter_read_id   uuid           not null,
    kwh             numeric(16, 4) not null,
    amount          numeric(14, 2) not null,
    posting_id      uuid           references ledger_posting (id),
    balance_after   numeric(14, 2) not null,
    charged_at      timestamptz    not null,
    primary key (account_number, service_date)
);

-- Meter reads whose every day has been charged to an account: the job looks only at reads not listed here.
create table prepay_read_charged (
    meter_read_id   uuid           not null,
    account_number  varchar(10)    not null references billing_account (account_number),
    charged_at      timestamptz    not null,
    primary key (meter_read_id, account_number)
);

-- Which thresholds an account's prepaid balance is below, as last announced: each crossing is published once.
-- low: PrepayBalanceLow published, cleared when the balance is back at the low-balance threshold or above.
-- disconnection: PrepayBalanceBelowDisconnection published, cleared when PrepayReconnectEligible is.
create table prepay_balance_state (
    account_number       varchar(10)    primary key references billing_account (account_number),
    below_low            boolean        not null,
    below_disconnection  boolean        not null,
    last_balance         numeric(14, 2) not null,
    updated_at           timestamptz    not null,
    version              bigint         not null
);
create index prepay_balance_state_flagged on prepay_balance_state (account_number)
    where below_low or below_disconnection;
