-- Retention (issue 13). The audit trail stays append-only, except that the retention job may delete its oldest
-- events: only inside a transaction that set hearth.audit_purge = 'on' (set local), and only after it wrote a
-- checkpoint naming the last purged event and its hash, so that the chain still verifies from there on.
create or replace function audit_event_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and coalesce(current_setting('hearth.audit_purge', true), '') = 'on'
       and old.id <= (select coalesce(max(purged_through_id), 0) from audit_checkpoint) then
        return old;
    end if;
    raise exception 'audit_event is append-only: % is not allowed', tg_op;
end;
$$;

-- Where the verified chain starts after a purge: the id and hash of the last purged event. The purge's own
-- audit event (RETENTION_PURGED, in the chain) repeats both, so a changed checkpoint is found by verification.
create table audit_checkpoint (
    id                bigserial   primary key,
    purged_through_id bigint      not null,
    anchor_hash       char(64)    not null,
    purged            integer     not null,
    created_at        timestamptz not null default now()
);

create function audit_checkpoint_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_checkpoint is append-only: % is not allowed', tg_op;
end;
$$;

create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_checkpoint_append_only();

-- One row per data class and run of the retention job, for the admin endpoint.
create table retention_run (
    id          bigserial   primary key,
    data_class  text        not null,
    started_at  timestamptz not null,
    finished_at timestamptz not null,
    cutoff      timestamptz,
    purged      integer     not null,
    batches     integer     not null,
    problem     text
);
create index retention_run_started on retention_run (started_at desc);
