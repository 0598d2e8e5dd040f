-- Issue 14: idempotent sends. The widget gives every customer message an id of its own; a retry after a lost
-- response (a database restart, a dropped connection) carries the same id and gets the stored message and its
-- reply back instead of a second copy.
alter table conversation_message add column client_id text;

create unique index conversation_message_client_id on conversation_message (conversation_id, client_id)
    where client_id is not null;
