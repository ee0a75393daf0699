-- Restated usage after a bill: the bill is cancelled (a posted one reversed in the ledger, never edited) and, when the
-- usage was replaced, a rebill is drafted from the replacing read — a second bill for the same account and period.
-- An account+period therefore bills once among the bills that stand: the unique key covers non-cancelled bills only.
drop index bill_account_period;
create unique index bill_account_period on bill (account_number, period_start, period_end)
    where status <> 'CANCELLED';

alter table bill
    -- the meter read (a cancel or a replacement, 867_03 BPT01 01/05) whose restatement cancelled this bill
    add column restated_by_read_id uuid references meter_read (id),
    -- the cancelled bill this bill rebills, and the rebill of this cancelled bill: linked both ways
    add column rebill_of uuid references bill (id),
    add column rebilled_by uuid references bill (id);
create index bill_restated_by on bill (restated_by_read_id) where restated_by_read_id is not null;
