-- Human handoff: a conversation's state machine fields, its place in the agents' queue, and its summary.
alter table conversation
    add column assigned_agent    text,
    add column priority          integer not null default 0,
    add column waiting_since     timestamptz,
    add column sla_due_at        timestamptz,
    add column escalation_rule   text,
    add column escalation_reason text,
    add column summary           jsonb,
    add column resolved_at       timestamptz,
    add column outcome           text;

alter table conversation add constraint conversation_state_known
    check (state in ('BOT', 'WAITING_FOR_AGENT', 'WITH_AGENT', 'RESOLVED', 'ABANDONED', 'CLOSED'));

create index conversation_queue on conversation (priority desc, waiting_since)
    where state in ('WAITING_FOR_AGENT', 'WITH_AGENT');
