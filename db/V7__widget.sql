-- The chat widget: who wrote an agent message, customers' feedback on answers, satisfaction after resolution,
-- and which site (widget site key) a conversation started on.
alter table conversation_message add column author text;

create table answer_feedback (
    conversation_id uuid        not null references conversation (id) on delete cascade,
    message_seq     integer     not null,
    rating          smallint    not null check (rating in (-1, 1)),
    comment         text,
    created_at      timestamptz not null default now(),
    primary key (conversation_id, message_seq)
);

alter table conversation
    add column csat         smallint check (csat between 1 and 5),
    add column csat_comment text,
    add column site_key     text;
