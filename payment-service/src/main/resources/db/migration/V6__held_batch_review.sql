-- A held batch (out of balance, or in a file whose trailer disagrees) is worked by operations: released — its lines
-- post, each still once per file and line — or rejected — closed, nothing posted. Who did it, when and why is kept on
-- the batch; a rejected batch's lines stay kept as REJECTED.
alter table payment_file_batch drop constraint payment_file_batch_status_check;
alter table payment_file_batch add constraint payment_file_batch_status_check
    check (status in ('POSTING', 'POSTED', 'HELD', 'RELEASED', 'REJECTED'));
alter table payment_file_batch add column review_action varchar(10) check (review_action in ('RELEASE', 'REJECT'));
alter table payment_file_batch add column reviewed_by varchar(100);
alter table payment_file_batch add column reviewed_at timestamptz;
alter table payment_file_batch add column review_note text;
alter table payment_file_batch add constraint payment_file_batch_review_complete
    check ((review_action is null) = (reviewed_by is null) and (review_action is null) = (reviewed_at is null)
           and (review_action is null) = (review_note is null));

alter table payment_file_kept_line drop constraint payment_file_kept_line_status_check;
alter table payment_file_kept_line add constraint payment_file_kept_line_status_check
    check (status in ('HELD', 'FAILED', 'RECORDED', 'HANDED_OFF', 'DUPLICATE', 'REJECTED'));

alter table payment_file add column lines_rejected integer not null default 0;
alter table payment_file add column amount_rejected numeric(16,2) not null default 0;

-- A return or NOC is a duplicate of one taken before (RECORDED or HANDED_OFF), not of one held or rejected with its
-- batch: the same return in a later, balanced file is still taken.
drop index payment_file_kept_line_ach_once;
create unique index payment_file_kept_line_ach_once on payment_file_kept_line (idempotency_key)
    where kind in ('ACH_RETURN', 'ACH_NOC') and status in ('RECORDED', 'HANDED_OFF');
