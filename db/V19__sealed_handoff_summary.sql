-- Issue 13: the handoff summary (with the customer's question) and an approved model's draft are sealed too. enc_key
-- names the key of both; a sealed value is a JSON string (Base64 of nonce + ciphertext + tag), a row from before
-- encryption (enc_key null) keeps its JSON object until the key rotation seals it.
alter table conversation add column enc_key text;
create index conversation_enc_key on conversation (enc_key) where summary is not null or draft is not null;
