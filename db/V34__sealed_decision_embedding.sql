-- Issue 13: the embedding of an escalation decision's question is sealed like the question (ADR 0013): a sentence
-- vector can be inverted to text close to the question, so keeping it in clear leaked what V24 sealed. It becomes
-- text (float32 little-endian in Base64, sealed with the row's enc_key by crypto/FieldCipher). The vectors stored in
-- clear so far are dropped rather than converted: the keys are not in the database, so this migration cannot seal
-- them, and the knowledge-gap report embeds the (sealed) question again on its next run and keeps it sealed.
-- ALTER ... TYPE rewrites the table, so the old vectors leave its data files now; they stay in older backups and
-- WAL archives until those expire.
alter table escalation_decision alter column embedding type text using null;
