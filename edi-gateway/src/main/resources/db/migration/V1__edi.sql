-- Every file in or out, kept whole: inbound files are stored before they are parsed.
create table edi_file (
    id              uuid          primary key,
    direction       varchar(10)   not null,
    file_name       varchar(300),
    content         bytea         not null,
    sha256          varchar(64)   not null,
    size_bytes      integer       not null,
    source          varchar(20)   not null,
    partner         varchar(30),
    status          varchar(20)   not null,
    error           text,
    created_at      timestamptz   not null,
    delivered_at    timestamptz,
    delivered_path  varchar(1000)
);
create index edi_file_undelivered on edi_file (created_at) where direction = 'OUTBOUND' and delivered_at is null;
create index edi_file_sha256 on edi_file (sha256);

-- ISA ... IEA envelopes. An inbound interchange (sender + ISA13) is applied once: a second copy of an ACCEPTED
-- interchange is a DUPLICATE; a REJECTED one may be sent again once corrected.
create table edi_interchange (
    id               uuid         primary key,
    file_id          uuid         not null references edi_file (id),
    direction        varchar(10)  not null,
    sender_id        varchar(15)  not null,
    receiver_id      varchar(15)  not null,
    control_number   varchar(9)   not null,
    usage_indicator  varchar(1),
    status           varchar(20)  not null,
    errors           jsonb,
    created_at       timestamptz  not null
);
create unique index edi_interchange_once on edi_interchange (direction, sender_id, control_number)
    where status = 'ACCEPTED';

-- The transaction log: one row per transaction set in or out.
create table edi_transaction (
    id                  uuid         primary key,
    file_id             uuid         not null references edi_file (id),
    interchange_id      uuid         not null references edi_interchange (id),
    direction           varchar(10)  not null,
    transaction_set     varchar(10)  not null,
    set_id              varchar(3)   not null,
    sender_id           varchar(15)  not null,
    receiver_id         varchar(15)  not null,
    isa13               varchar(9)   not null,
    gs06                varchar(9)   not null,
    st02                varchar(9)   not null,
    bgn_reference       varchar(30),
    original_reference  varchar(30),
    esi_id              varchar(22),
    enrollment_id       uuid,
    status              varchar(20)  not null,
    errors              jsonb,
    details             jsonb,
    raw_segments        text         not null,
    answered_by         uuid,
    produced_event_id   uuid,
    consumed_event_id   uuid,
    correlation_id      uuid,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);
create unique index edi_transaction_one_request_per_enrollment on edi_transaction (enrollment_id)
    where direction = 'OUTBOUND' and transaction_set in ('814_01', '814_16');
create index edi_transaction_bgn on edi_transaction (bgn_reference);
create index edi_transaction_esi_id on edi_transaction (esi_id);
create index edi_transaction_direction_status on edi_transaction (direction, status);
create index edi_transaction_created_at on edi_transaction (created_at);

-- Control numbers per trading partner: allocated in the transaction that stores the file, so never reused and
-- never skipped.
create table edi_control_number (
    partner           varchar(30)  primary key,
    last_interchange  bigint       not null,
    last_group        bigint       not null
);
