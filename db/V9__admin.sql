-- Supervisor and admin console: indexes for the analytics page's date-range queries, which would otherwise scan
-- every conversation and message.
create index conversation_created_at on conversation (created_at);
create index conversation_message_answers_at on conversation_message (created_at) where role = 'ASSISTANT';
