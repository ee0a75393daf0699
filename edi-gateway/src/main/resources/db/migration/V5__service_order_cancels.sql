-- Cancels of disconnect orders (Texas SET 650_01 with BGN01 = 01, quoting the order's BGN02 in BGN06): collections
-- withdraws a disconnect once the customer cured the arrears. An order withdrawn after it went to the wires utility is
-- CANCEL_SENT.
alter table service_order drop constraint service_order_status;
alter table service_order alter column status type varchar(20);
alter table service_order add constraint service_order_status
    check (status in ('SENT', 'COMPLETED', 'REJECTED', 'CANCEL_SENT'));

-- One row per cancel request from dunning, whatever became of it. The original request id is unique: an order is
-- cancelled once, however many cancel requests or deliveries name it, and a cancel that arrives before its order keeps
-- that order from ever being sent. Our BGN02 is unique, so the wires utility's 650_02 answering the cancel finds it.
create table service_order_cancel (
    id                         uuid          primary key,
    request_id                 uuid          not null,
    original_request_id        uuid          not null,
    esi_id                     varchar(22),
    tdsp_duns                  varchar(15),
    account_number             varchar(30),
    requested_date             date,
    -- SENT: a 650_01 cancel went out; BEFORE_ORDER: the order had not arrived, it is withheld when it does;
    -- TOO_LATE: the order was already completed (work item); NOT_NEEDED: the utility had already rejected the order
    outcome                    varchar(20)   not null,
    service_order_id           uuid          references service_order (id),
    bgn_reference              varchar(30),
    outbound_transaction_id    uuid          references edi_transaction (id),
    -- the order that arrived after its cancel and was withheld (BEFORE_ORDER)
    withheld_event_id          uuid,
    withheld_at                timestamptz,
    -- the wires utility's 650_02 answering the cancel: CONFIRMED, or REFUSED with its reason
    answer                     varchar(20),
    answer_code                varchar(30),
    answer_text                varchar(80),
    response_transaction_id    uuid          references edi_transaction (id),
    consumed_event_id          uuid          not null,
    correlation_id             uuid,
    created_at                 timestamptz   not null,
    updated_at                 timestamptz   not null,
    constraint service_order_cancel_request_once unique (request_id),
    constraint service_order_cancel_order_once unique (original_request_id),
    constraint service_order_cancel_reference_once unique (bgn_reference),
    constraint service_order_cancel_outcome check (outcome in ('SENT', 'BEFORE_ORDER', 'TOO_LATE', 'NOT_NEEDED')),
    constraint service_order_cancel_answer check (answer is null or answer in ('CONFIRMED', 'REFUSED'))
);
create index service_order_cancel_esi_id on service_order_cancel (esi_id);
