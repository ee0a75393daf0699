-- The accounts payments can be applied to, as billing announced them.
create table payable_account (
    account_number   varchar(10)  primary key,
    esi_id           varchar(22)  not null,
    customer_name    varchar(100) not null,
    billing_type     varchar(10)  not null,
    opened_at        timestamptz  not null,
    source_event_id  uuid         not null
);
create index payable_account_esi_id on payable_account (esi_id);
