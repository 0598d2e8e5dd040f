-- The learning loop: question-and-answer pairs (personal data scrubbed) that agents and approved LLMs gave,
-- exported as chat-format JSONL to fine-tune the small model.
create table training_example (
    id              bigserial primary key,
    conversation_id uuid,
    source          text        not null check (source in ('AGENT', 'APPROVED_LLM')),
    question        text        not null,
    answer          text        not null,
    created_at      timestamptz not null default now()
);
