-- Write requests the service refused as bad input (400, 413, 415, 422): what was sent is kept, not lost.
create table refused_request (
    id               uuid          primary key,
    method           varchar(10)   not null,
    path             varchar(1000) not null,
    query            varchar(2000),
    content_type     varchar(200),
    body             text,
    body_bytes       integer       not null,
    body_truncated   boolean       not null,
    caller           varchar(200)  not null,
    idempotency_key  varchar(200),
    correlation_id   varchar(200),
    status           integer       not null,
    problem          jsonb,
    received_at      timestamptz   not null
);
create index refused_request_received_at on refused_request (received_at);
create index refused_request_path on refused_request (path);
