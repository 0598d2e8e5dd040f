-- Issue 11 item 6: the language a customer message is written in, detected on its turn (with the conversation's
-- language so far as context): the next message's context, and what the customer's notices are written in.
alter table conversation_message
    add column language text; -- ISO 639-1 code, e.g. 'de'; null for messages before V30 and for replies
