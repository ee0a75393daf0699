-- ACH files (NACHA returns and notifications of change) hold customers' full DFI account numbers: their content is
-- kept encrypted like the mandates' account numbers (AES-GCM, key payment.autopay.encryption-key, outside the
-- database), in content_encrypted; content keeps the bytes of the other formats. sha256 stays the checksum of the
-- bytes as received, so a file sent again is still recognised. Rows stored before this migration are encrypted by
-- the service at startup (files/intake/PaymentFileContent), which holds the key.
alter table payment_file alter column content drop not null;
alter table payment_file add column content_encrypted text;
alter table payment_file add constraint payment_file_content_kept_once
    check ((content is null) <> (content_encrypted is null));
