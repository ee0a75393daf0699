-- Payment files (our CSV layout, BAI2 lockbox reports, NACHA return and NOC files): the raw bytes with their
-- SHA-256, stored before anything reads them; what was read of them; how far their lines have posted.
create table payment_file (
    id                   uuid          primary key,
    -- the same bytes received again are recognised by this and never posted twice
    sha256               varchar(64)   not null,
    file_name            varchar(255),
    format               varchar(10)   not null check (format in ('CSV', 'BAI2', 'NACHA')),
    content              bytea         not null,
    size_bytes           bigint        not null,
    source               varchar(10)   not null check (source in ('API', 'FOLDER')),
    submitted_by         varchar(100)  not null,
    received_at          timestamptz   not null,
    status               varchar(20)   not null
        check (status in ('RECEIVED', 'POSTING', 'POSTED', 'PARTIALLY_HELD', 'HELD', 'REJECTED')),
    status_changed_at    timestamptz   not null,
    -- why it was rejected or held: [{line, field, reason, kind}], at most a thousand kept
    problems             jsonb,
    problem_count        integer       not null default 0,
    -- the file trailer as declared and as computed from the batch control records (format's own counting rule)
    declared_count       bigint,
    declared_amount      numeric(16,2),
    computed_count       bigint,
    computed_amount      numeric(16,2),
    -- lines read cleanly, of every batch; those of batches that post; how many of these are done (the cursor a
    -- restart resumes from, advanced in the same transaction as the lines it covers)
    lines_total          integer       not null default 0,
    lines_to_post        integer       not null default 0,
    lines_done           integer       not null default 0,
    lines_posted         integer       not null default 0,
    lines_unapplied      integer       not null default 0,
    lines_held           integer       not null default 0,
    lines_failed         integer       not null default 0,
    -- NACHA: returns and notifications of change recorded for the returns processing
    lines_recorded       integer       not null default 0,
    amount_total         numeric(16,2) not null default 0,
    amount_posted        numeric(16,2) not null default 0,
    amount_unapplied     numeric(16,2) not null default 0,
    amount_held          numeric(16,2) not null default 0,
    amount_failed        numeric(16,2) not null default 0,
    posting_started_at   timestamptz,
    posting_finished_at  timestamptz,
    -- a worker is posting the file until then; after it another worker (another replica, or this one after a
    -- restart) takes the file over and resumes from lines_done
    lease_until          timestamptz,
    constraint payment_file_sha256 unique (sha256),
    constraint payment_file_cursor check (lines_done between 0 and lines_to_post)
);
create index payment_file_received_at on payment_file (received_at desc, id desc);
create index payment_file_unfinished on payment_file (status) where status in ('RECEIVED', 'POSTING');

-- The batches of a file (CSV batch, BAI2 account, NACHA batch), with their control totals declared and computed.
create table payment_file_batch (
    id                   bigserial     primary key,
    file_id              uuid          not null references payment_file (id),
    seq                  integer       not null,
    batch_id             varchar(200)  not null,
    first_line           integer       not null,
    last_line            integer       not null,
    status               varchar(10)   not null check (status in ('POSTING', 'POSTED', 'HELD', 'REJECTED')),
    declared_count       bigint,
    declared_amount      numeric(16,2),
    computed_count       bigint        not null,
    computed_amount      numeric(16,2) not null,
    -- the lines read cleanly and their sum
    line_count           integer       not null,
    line_amount          numeric(16,2) not null,
    problems             jsonb         not null,
    constraint payment_file_batch_seq unique (file_id, seq)
);

-- The lines of a file kept on their own because they did not become payments: held with their batch, failed when posted, or ACH returns and
-- NOCs recorded for the returns processing. (Posted and unapplied lines are payments: payment.source_file_id.)
create table payment_file_kept_line (
    id                   bigserial     primary key,
    file_id              uuid          not null references payment_file (id),
    line_number          integer       not null,
    batch_seq            integer       not null,
    kind                 varchar(12)   not null check (kind in ('PAYMENT', 'ACH_RETURN', 'ACH_NOC')),
    status               varchar(12)   not null check (status in ('HELD', 'FAILED', 'RECORDED', 'HANDED_OFF', 'DUPLICATE')),
    -- file:<file id>:<line> for payments; ach-return:<original trace>:<reason>, ach-noc:<original trace>:<code>
    idempotency_key      varchar(300)  not null,
    account_number       varchar(30),
    esi_id               varchar(30),
    amount               numeric(12,2) not null,
    channel              varchar(20),
    external_reference   varchar(100),
    received_at          timestamptz,
    reason               text,
    -- ACH: transaction code, trace numbers, return reason or change code, corrected data; bank accounts masked
    details              jsonb,
    recorded_at          timestamptz   not null,
    constraint payment_file_kept_line_once unique (file_id, line_number)
);
-- the same return (or NOC) arriving again, in this file or another, is recorded as a DUPLICATE of the first
create unique index payment_file_kept_line_ach_once on payment_file_kept_line (idempotency_key)
    where kind in ('ACH_RETURN', 'ACH_NOC') and status <> 'DUPLICATE';
create index payment_file_kept_line_awaiting_returns on payment_file_kept_line (recorded_at) where status = 'RECORDED';
