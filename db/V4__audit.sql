-- The audit trail: append-only and hash-chained. Every row's hash covers its content and the previous row's
-- hash, so editing or deleting a row breaks the chain from there on; a trigger refuses updates and deletes.
create table audit_event (
    id        bigserial primary key,
    at        timestamptz not null default now(),
    kind      text        not null,
    actor     text        not null,
    subject   text,
    details   jsonb       not null default '{}'::jsonb,
    prev_hash char(64)    not null,
    hash      char(64)    not null unique
);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op;
end;
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_append_only();
