-- Notices issued to customers, when they were sent, and the print vendor's daily batches.

-- A print batch: the day's printed notices, one PDF each, and a manifest, written to the outbound folder.
create table print_batch (
    id               uuid          primary key,
    batch_date       date          not null,
    folder           varchar(200)  not null,
    notice_count     integer       not null,
    manifest_file    varchar(200)  not null,
    manifest_sha256  varchar(64)   not null,
    manifest         bytea         not null,
    created_by       varchar(200)  not null,
    created_at       timestamptz   not null,
    delivered_at     timestamptz,
    delivery_error   text
);
create index print_batch_undelivered on print_batch (created_at) where delivered_at is null;

create table notice (
    id               uuid          primary key,
    account_number   varchar(10)   not null,
    esi_id           varchar(22)   not null,
    kind             varchar(40)   not null,
    channel          varchar(10)   not null,
    template         varchar(100)  not null,
    recipient_name   varchar(200),
    email            varchar(320),
    phone            varchar(30),
    address_line1    varchar(200),
    address_line2    varchar(200),
    city             varchar(100),
    state            varchar(2),
    zip              varchar(10),
    county           varchar(60),
    amount           numeric(12,2),
    disconnect_date  date,
    issued_on        date          not null,
    issued_at        timestamptz   not null,
    sent_at          timestamptz,
    batch_id         uuid          references print_batch (id),
    send_problem     varchar(500),
    not_sent_reported_at timestamptz
);
create index notice_esi_id on notice (esi_id, issued_on);
create index notice_issued_on on notice (issued_on);
create index notice_unsent on notice (issued_at) where sent_at is null;

-- The printable document of a notice, kept as rendered and sent.
create table notice_document (
    notice_id    uuid          primary key references notice (id),
    batch_id     uuid          not null references print_batch (id),
    file_name    varchar(200)  not null,
    sha256       varchar(64)   not null,
    content      bytea         not null,
    rendered_at  timestamptz   not null
);
