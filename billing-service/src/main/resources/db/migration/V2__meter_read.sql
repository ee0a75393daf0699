-- Usage as the wires utility reports it (867_03 through edi-gateway's edi.usage-reported.v1): one row per meter per
-- service period per usage document. Restatements never edit a read: a cancel marks the read it cancels
-- CANCELLED, a replacement marks it REPLACED and is stored as a new read; only ACTIVE reads are billable.
create table meter_read (
    id                  uuid           primary key,
    esi_id              varchar(22)    not null,
    meter_number        varchar(30)    not null,
    document_reference  varchar(30)    not null,
    original_reference  varchar(30),
    purpose             varchar(10)    not null,
    period_start        date           not null,
    period_end          date           not null,
    reading_quality     varchar(10)    not null,
    final_read          boolean        not null,
    total_kwh           numeric(16, 4) not null,
    demand_kw           numeric(12, 4),
    interval_start      timestamptz,
    interval_minutes    integer,
    interval_kwh        jsonb,
    interval_count      integer        not null,
    status              varchar(20)    not null,
    superseded_by       uuid,
    edi_transaction_id  uuid,
    event_id            uuid           not null,
    received_at         timestamptz    not null
);
-- the same usage document announced twice is one read
create unique index meter_read_once on meter_read (esi_id, meter_number, document_reference, purpose);
create index meter_read_premise on meter_read (esi_id, period_start);
create index meter_read_original on meter_read (original_reference);
