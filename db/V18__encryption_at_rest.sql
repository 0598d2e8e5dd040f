-- Issue 13: encryption at rest (docs/adr/0013-encryption-at-rest.md). Sealed columns keep their type: text columns
-- hold Base64 of nonce + AES-GCM ciphertext + tag, bytea columns the bytes. enc_key is the id of the key that sealed
-- the row's columns; null marks a row written before encryption (plaintext), which the background key rotation
-- seals. Readers open both.
alter table conversation_message add column enc_key text;  -- seals text, query and embedding
alter table support_ticket add column enc_key text,        -- seals email and name
                           add column email_token bigint;  -- keyed hash of the normalised email (lookup by email)
alter table training_example add column enc_key text;      -- seals question and answer

create index conversation_message_enc_key on conversation_message (enc_key);
create index support_ticket_enc_key on support_ticket (enc_key);
create index support_ticket_email_token on support_ticket (email_token);
create index training_example_enc_key on training_example (enc_key);
create index training_example_conversation on training_example (conversation_id);

-- Search over sealed messages: keyed-hash (HMAC) tokens of each message's normalised words, regulated data left out.
create table conversation_message_token (
    conversation_id uuid    not null references conversation (id) on delete cascade,
    seq             integer not null,
    key_id          text    not null,
    token           bigint  not null,
    primary key (conversation_id, seq, key_id, token)
);
create index conversation_message_token_lookup on conversation_message_token (key_id, token);

-- The full-text index only serves plaintext rows now (until the rotation has sealed them)
drop index conversation_message_fulltext;
create index conversation_message_fulltext on conversation_message using gin (to_tsvector('simple', text))
    where enc_key is null;
