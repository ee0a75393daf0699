-- Every account's collection state, and how it got there.
create table collection_account (
    account_number  varchar(10)  primary key,
    esi_id          varchar(22)  not null,
    billing_type    varchar(10)  not null,
    county          varchar(60),
    state           varchar(30)  not null,
    opened_at       timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null
);
create index collection_account_esi_id on collection_account (esi_id);
create index collection_account_state on collection_account (state);

create table collection_transition (
    id              bigserial    primary key,
    account_number  varchar(10)  not null references collection_account (account_number),
    from_state      varchar(30),
    to_state        varchar(30)  not null,
    rule            varchar(100) not null,
    cause_event_id  uuid,
    at              timestamptz  not null
);
create index collection_transition_account on collection_transition (account_number);
