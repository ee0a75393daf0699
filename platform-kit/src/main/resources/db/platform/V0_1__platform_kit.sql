-- Tables of the platform kit, shared by every service. Service migrations start at V1.

-- Transactional outbox: written in the same transaction as the state change, published by the relay.
create table outbox_event (
    seq             bigserial    primary key,
    event_id        uuid         not null unique,
    topic           varchar(200) not null,
    event_key       varchar(200) not null,
    event_type      varchar(200) not null,
    source          varchar(100) not null,
    subject         varchar(200),
    occurred_at     timestamptz  not null,
    correlation_id  uuid,
    causation_id    uuid,
    payload         bytea        not null,
    extra_headers   jsonb,
    created_at      timestamptz  not null default clock_timestamp(),
    published_at    timestamptz,
    publish_attempts integer     not null default 0,
    last_error      text
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

-- Inbox: one row per consumed event, written in the same transaction as the consumer's effect.
create table inbox_event (
    consumer              varchar(200) not null,
    event_id              uuid         not null,
    event_type            varchar(200) not null,
    kafka_partition       integer,
    kafka_offset          bigint,
    processed_at          timestamptz  not null default clock_timestamp(),
    duplicate_deliveries  integer      not null default 0,
    primary key (consumer, event_id)
);
create index inbox_event_processed_at on inbox_event (processed_at);

-- Records a consumer could not process after its retries; replayable.
create table dead_letter (
    id              uuid         primary key,
    consumer        varchar(200) not null,
    topic           varchar(200) not null,
    kafka_partition integer      not null,
    kafka_offset    bigint       not null,
    record_key      varchar(200),
    event_id        varchar(200),
    event_type      varchar(200),
    headers         jsonb        not null,
    payload         bytea,
    reason          text         not null,
    status          varchar(20)  not null,
    attempts        integer      not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    unique (topic, kafka_partition, kafka_offset, consumer)
);
create index dead_letter_status on dead_letter (status);

-- Idempotency keys of mutating REST calls, stored with the first response.
create table idempotency_record (
    scope            varchar(300) not null,
    idempotency_key  varchar(200) not null,
    request_hash     varchar(64)  not null,
    response_status  integer      not null,
    response_body    text,
    response_location varchar(1000),
    created_at       timestamptz  not null,
    primary key (scope, idempotency_key)
);

-- The operations work queue ("exceptions"): every failed check lands here, with an audit trail of actions.
create table work_item (
    id           uuid         primary key,
    type         varchar(100) not null,
    status       varchar(20)  not null,
    esi_id       varchar(22),
    reference    varchar(300) not null,
    summary      text         not null,
    details      jsonb,
    occurrences  integer      not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);
create unique index work_item_open_reference on work_item (type, reference) where status = 'OPEN';
create index work_item_status_type on work_item (status, type);
create index work_item_esi_id on work_item (esi_id);

create table work_item_action (
    id            bigserial    primary key,
    work_item_id  uuid         not null references work_item (id),
    action        varchar(20)  not null,
    actor         varchar(100) not null,
    note          text,
    outcome       text,
    at            timestamptz  not null
);
create index work_item_action_item on work_item_action (work_item_id);
