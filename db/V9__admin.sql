-- Supervisor and admin console: indexes for the analytics page's date-range queries, which would otherwise scan
-- every conversation and message.
create index conversation_created_at on conversation (created_at);
create index conversation_message_answers_at on conversation_message (created_at) where role = 'ASSISTANT';
-- Only conversations in which the customer wrote count; this lets that check read an index only.
create index conversation_message_customer on conversation_message (conversation_id) where role = 'CUSTOMER';
