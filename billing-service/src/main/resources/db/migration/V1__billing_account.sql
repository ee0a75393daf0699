-- Account numbers: a nine-digit sequence number followed by a Luhn check digit.
create sequence billing_account_number_seq start with 100000001;

create table billing_account (
    account_number  varchar(10)  primary key,
    esi_id          varchar(22)  not null,
    enrollment_id   uuid         not null unique,
    customer_name   varchar(100) not null,
    customer_email  varchar(254),
    customer_phone  varchar(20),
    address_line1   varchar(100) not null,
    address_line2   varchar(100),
    city            varchar(60)  not null,
    state_code      varchar(2)   not null,
    zip             varchar(10)  not null,
    county          varchar(60)  not null,
    product_code    varchar(40)  not null,
    billing_type    varchar(10)  not null,
    tdsp            varchar(20)  not null,
    bill_cycle      integer      not null,
    start_date      date         not null,
    opened_at       timestamptz  not null,
    version         bigint       not null
);
create index billing_account_esi_id on billing_account (esi_id);
create index billing_account_cycle on billing_account (bill_cycle);
