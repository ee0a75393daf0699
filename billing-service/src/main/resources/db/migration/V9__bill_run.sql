-- The bill run at scale.
--
-- Billable reads are found in the order they were received, a batch at a time, each batch continuing after the last
-- read of the one before (keyset): this index hands them over in that order without sorting or rescanning the reads
-- already taken.
create index meter_read_billable on meter_read (received_at, id) where status = 'ACTIVE';

-- Each bill run that found billable reads, with its progress: how many reads it found, drafted (posted or held),
-- could not bill and failed, when it started and finished. Written as the run goes (after each batch), so the status
-- endpoint and GET /bill-runs/{date} show it on every replica; finished_at is null while it runs.
create table bill_run (
    id            uuid         primary key,
    run_date      date         not null,
    requested_by  varchar(100) not null,
    started_at    timestamptz  not null,
    finished_at   timestamptz,
    reads_found   bigint       not null,
    drafted       bigint       not null,
    posted        bigint       not null,
    held          bigint       not null,
    not_billable  bigint       not null,
    failed        bigint       not null,
    -- time the run has taken so far (measured, not read from the business clock, which tests and operators move)
    elapsed_ms    bigint       not null,
    updated_at    timestamptz  not null
);
create index bill_run_latest on bill_run (started_at desc);
create index bill_run_latest_of_date on bill_run (run_date, started_at desc);
