-- Acknowledgements (997) and application advice (824), linked to the transactions they are about. A row per
-- acknowledged transaction: the 997 we sent for an inbound transaction (direction OUTBOUND), or the 997 / 824 a
-- partner sent about one of ours (direction INBOUND). The acknowledging 997 or 824 is itself in the log.
create table edi_acknowledgement (
    id                          uuid         primary key,
    kind                        varchar(3)   not null,
    direction                   varchar(10)  not null,
    acknowledging_transaction_id uuid        not null references edi_transaction (id),
    transaction_id              uuid         not null references edi_transaction (id),
    partner_id                  varchar(15)  not null,
    functional_id               varchar(2),
    group_control_number        varchar(9),
    set_id                      varchar(3),
    control_number              varchar(9),
    reference                   varchar(30),
    code                        varchar(2)   not null,
    group_code                  varchar(1),
    errors                      jsonb,
    event_id                    uuid,
    created_at                  timestamptz  not null,
    constraint edi_acknowledgement_kind check (kind in ('997', '824')),
    constraint edi_acknowledgement_direction check (direction in ('INBOUND', 'OUTBOUND'))
);
create index edi_acknowledgement_transaction on edi_acknowledgement (transaction_id, kind, direction);
create index edi_acknowledgement_acknowledging on edi_acknowledgement (acknowledging_transaction_id);
-- An inbound transaction is acknowledged once: a second 997 for it would be a bug.
create unique index edi_acknowledgement_sent_once on edi_acknowledgement (transaction_id)
    where kind = '997' and direction = 'OUTBOUND';

-- Timeliness exceptions raised for our outbound transactions: no 997 in time (FUNCTIONAL_ACK), no business
-- response in time (BUSINESS_RESPONSE). The primary key makes each one happen once, across replicas.
create table edi_overdue (
    transaction_id  uuid         not null references edi_transaction (id),
    kind            varchar(20)  not null,
    sent_at         timestamptz  not null,
    due_by          timestamptz  not null,
    raised_at       timestamptz  not null,
    event_id        uuid,
    work_item_id    uuid,
    primary key (transaction_id, kind),
    constraint edi_overdue_kind check (kind in ('FUNCTIONAL_ACK', 'BUSINESS_RESPONSE'))
);

-- The transaction log's filters: by ST02 within a partner's group, as 997s and 824s quote them.
create index edi_transaction_partner_group on edi_transaction (receiver_id, gs06, st02) where direction = 'OUTBOUND';
create index edi_transaction_enrollment on edi_transaction (enrollment_id);
