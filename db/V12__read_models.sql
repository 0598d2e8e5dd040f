-- conversation: read models for reports (the console's analytics). Other modules read these views,
-- never conversation, conversation_message or answer_feedback directly: the columns below are the contract, and
-- how they are computed (the answer JSON's field names, what "the customer wrote" means) stays in this module.
-- A later migration that changes the underlying columns must recreate these views with the same columns.

-- Conversations in which the customer wrote at least once (the others are widgets opened and left).
create view conversation_report as
select c.id,
       c.created_at,
       c.escalation_rule,
       c.csat,
       cast(extract(epoch from (c.claimed_at - c.waiting_since)) as double precision) as wait_seconds
from conversation c
where exists (select 1 from conversation_message m where m.conversation_id = c.id and m.role = 'CUSTOMER');

-- The bot's answers and how long each took from question to last token.
create view answer_report as
select m.conversation_id,
       m.seq,
       m.created_at,
       cast(m.answer #>> '{timings,total}' as double precision) as total_millis
from conversation_message m
where m.role = 'ASSISTANT' and m.answer is not null;

-- Customers' thumbs up (rating > 0) and down (rating < 0) on answers.
create view answer_rating_report as
select f.conversation_id, f.message_seq, f.created_at, f.rating
from answer_feedback f;

-- identity: people who signed in to the console through Keycloak, so that transfer and assign can offer them and
-- refuse names nobody has (local accounts and agent API tokens are known anyway). Written on a person's first
-- console request after each start of Hearth; display_name is the name colleagues see.
create table keycloak_agent (
    username     text primary key,
    display_name text        not null,
    seen_at      timestamptz not null default now()
);
