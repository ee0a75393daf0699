-- Service orders for non-payment (Texas SET 650): one row per request from dunning. The request id is unique, so
-- a redelivered request never sends a second 650_01; our BGN02 is unique, so the TDSP's 650_02 (which quotes it in
-- BGN06) finds exactly one order.
create table service_order (
    id                         uuid          primary key,
    request_id                 uuid          not null,
    esi_id                     varchar(22)   not null,
    order_type                 varchar(10)   not null,
    purpose_code               varchar(5)    not null,
    tdsp_duns                  varchar(15)   not null,
    partner                    varchar(30)   not null,
    account_number             varchar(30),
    requested_date             date          not null,
    bgn_reference              varchar(30)   not null,
    outbound_transaction_id    uuid          not null references edi_transaction (id),
    status                     varchar(10)   not null,
    completed_on               date,
    reject_code                varchar(30),
    reject_text                varchar(80),
    response_transaction_id    uuid          references edi_transaction (id),
    correlation_id             uuid,
    created_at                 timestamptz   not null,
    updated_at                 timestamptz   not null,
    constraint service_order_request_once unique (request_id),
    constraint service_order_reference_once unique (bgn_reference),
    constraint service_order_type check (order_type in ('DISCONNECT', 'RECONNECT')),
    constraint service_order_status check (status in ('SENT', 'COMPLETED', 'REJECTED'))
);
create index service_order_esi_id on service_order (esi_id);
create index service_order_status on service_order (status, created_at);
