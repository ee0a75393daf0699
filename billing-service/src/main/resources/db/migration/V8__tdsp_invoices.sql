-- The wires utility's invoices for the delivery charges we pass through (810_02), one row per invoice, compared with
-- the TDU lines of the bill of the same premise and service period (TDSP_INVOICE_MISMATCH). A cancel (BIG08 01) or a
-- replacement (05) never edits an invoice: it is a row of its own, and the invoice it names becomes CANCELLED or
-- REPLACED. An invoice number is applied once per utility.
create table tdsp_invoice (
    id                       uuid           primary key,
    esi_id                   varchar(22)    not null,
    tdsp_duns                varchar(35)    not null,
    invoice_number           varchar(50)    not null,
    invoice_date             date           not null,
    -- ORIGINAL, CANCEL or REPLACE (BIG08 00, 01, 05)
    purpose                  varchar(10)    not null,
    -- BIG04 of a cancel or a replacement: the invoice it restates
    original_invoice_number  varchar(50),
    period_start             date           not null,
    period_end               date           not null,
    due_date                 date,
    -- TDS01, dollars: the sum of the charges
    total_amount             numeric(14, 2) not null,
    -- each SAC charge: [{code, description, amount}]
    charges                  jsonb          not null,
    -- ACTIVE (stands), CANCELLED or REPLACED (by superseded_by), CANCEL (a cancel itself)
    status                   varchar(20)    not null,
    superseded_by            uuid           references tdsp_invoice (id),
    edi_transaction_id       uuid,
    event_id                 uuid           not null,
    received_at              timestamptz    not null,
    constraint tdsp_invoice_number unique (tdsp_duns, invoice_number),
    constraint tdsp_invoice_period check (period_end >= period_start)
);
create index tdsp_invoice_esi_period on tdsp_invoice (esi_id, period_start, period_end);
create index tdsp_invoice_original on tdsp_invoice (tdsp_duns, original_invoice_number)
    where original_invoice_number is not null;
