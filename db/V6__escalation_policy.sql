-- Escalation policy edited by admins (versions; the newest wins over configuration), every decision a rule took,
-- tickets opened outside business hours, and what the knowledge-gap report and the handoff analytics read.

create table escalation_policy (
    version    serial primary key,
    policy     jsonb       not null,
    updated_by text        not null,
    comment    text,
    updated_at timestamptz not null default now()
);

-- One row per turn on which a rule fired: which rule won, which others fired, what Hearth did.
create table escalation_decision (
    id              bigserial primary key,
    conversation_id uuid        not null references conversation (id) on delete cascade,
    message_seq     integer     not null, -- the customer message that triggered it
    rule            text        not null,
    fired           text[]      not null,
    action          text        not null check (action in ('HUMAN', 'APPROVED_LLM', 'APPROVED_LLM_DRAFT_FOR_AGENT')),
    outcome         text        not null check (outcome in ('HANDED_OFF', 'TICKET', 'LLM_ANSWERED', 'NOT_HANDED_OFF')),
    question        text        not null, -- the customer's words, personal data redacted
    embedding       real[],               -- the question's sentence embedding, filled in by the knowledge-gap report
    created_at      timestamptz not null default now()
);
create index escalation_decision_created on escalation_decision (created_at);

alter table conversation
    add column claimed_at   timestamptz,
    add column handoff_mode text check (handoff_mode in ('LIVE', 'TICKET')),
    add column draft        jsonb; -- an approved model's draft answer for the agent: text, endpoint, created_at

create table support_ticket (
    id              bigserial primary key,
    reference       text        not null unique,
    conversation_id uuid        not null references conversation (id) on delete cascade,
    email           text        not null,
    name            text,
    status          text        not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    created_at      timestamptz not null default now()
);
create unique index support_ticket_one_open on support_ticket (conversation_id) where status = 'OPEN';
