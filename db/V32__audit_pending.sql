-- Audit events recorded by a committed transaction and not chained yet (docs/adr/0027): a transaction stores its
-- events here, unchained, so that they commit with the change they record without taking the chain's lock; right
-- after the commit one run chains every pending event into audit_event (in id order, under the advisory lock) and
-- deletes it here. A row stays only if that run failed; the next run, or the scheduled one, chains it.
create table audit_pending (
    id      bigserial primary key,
    at      timestamptz not null default now(),
    kind    text        not null,
    actor   text        not null,
    subject text,
    details text        not null  -- the canonical JSON the hash is computed over, exactly as recorded
);
