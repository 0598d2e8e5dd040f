-- Issue 14: several replicas behind one PostgreSQL. Each keeps its own Lucene index and follows this change
-- log: one row per knowledge base revision and index document it changed (a kb_document id, 'faq:<FAQ id>', or
-- '*' for everything, e.g. after re-embedding). kb_state.revision is bumped in the same transaction under its
-- row lock, so revisions commit in order and a replica applies (its index revision, PostgreSQL's revision].
create table kb_change (
    revision    bigint      not null,
    document_id text        not null,
    created_at  timestamptz not null default now(),
    primary key (revision, document_id)
);

-- Live events without polling: a stored message or a change the widget shows (state, agent, mode, rating)
-- wakes every replica's streams of that conversation (channel hearth_conversation, payload the conversation id).
-- PostgreSQL sends notifications at commit and folds identical ones within a transaction.
create function hearth_notify_message() returns trigger language plpgsql as $$
begin
    perform pg_notify('hearth_conversation', new.conversation_id::text);
    return null;
end
$$;

create trigger conversation_message_notify after insert on conversation_message
    for each row execute function hearth_notify_message();

-- A state or assignment change also reaches every replica's console inbox pages (channel hearth_inbox, payload
-- '<conversation id> <state>').
create function hearth_notify_conversation() returns trigger language plpgsql as $$
begin
    perform pg_notify('hearth_conversation', new.id::text);
    if old.state is distinct from new.state or old.assigned_agent is distinct from new.assigned_agent then
        perform pg_notify('hearth_inbox', new.id::text || ' ' || new.state);
    end if;
    return null;
end
$$;

create trigger conversation_notify after update on conversation
    for each row
    when (old.state is distinct from new.state or old.assigned_agent is distinct from new.assigned_agent
          or old.handoff_mode is distinct from new.handoff_mode or old.csat is distinct from new.csat)
    execute function hearth_notify_conversation();
