-- Hearth's system of record. The Lucene index is derived from these tables and can always be rebuilt.

-- One row: the knowledge base's revision, bumped by every write, and the embedding model that produced
-- the stored vectors. The index records the revision it reflects, so a stale index is detected at start-up.
create table kb_state (
    id              smallint primary key check (id = 1),
    revision        bigint      not null,
    embedding_model text,
    updated_at      timestamptz not null default now()
);
insert into kb_state (id, revision) values (1, 0);

create table kb_document (
    id           uuid primary key,
    source       text        not null unique,
    title        text        not null,
    content_hash char(64)    not null,
    version      integer     not null,
    language     text        not null,
    tags         jsonb       not null default '{}'::jsonb,
    media_type   text        not null,
    size_bytes   bigint      not null,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);

create table kb_chunk (
    id           uuid primary key,
    document_id  uuid    not null references kb_document (id) on delete cascade,
    ordinal      integer not null,
    section_path text    not null,
    text         text    not null,
    embedding    bytea   not null, -- float32 little-endian
    unique (document_id, ordinal)
);

create table faq_entry (
    id           text primary key,
    question     text,
    answer       text        not null,
    language     text        not null,
    tags         jsonb       not null default '{}'::jsonb,
    content_hash char(64)    not null,
    version      integer     not null,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);

-- The canonical question (is_question) and every example phrasing, each with its embedding.
create table faq_phrasing (
    faq_id      text    not null references faq_entry (id) on delete cascade,
    ordinal     integer not null,
    is_question boolean not null,
    text        text    not null,
    embedding   bytea   not null,
    primary key (faq_id, ordinal)
);

-- Import history: one row per file or FAQ file handled, failures with their reason.
create table kb_import_event (
    id         bigserial primary key,
    at         timestamptz not null default now(),
    kind       text        not null check (kind in ('DOCUMENT', 'FAQ')),
    source     text        not null,
    outcome    text        not null check (outcome in ('ADDED', 'UPDATED', 'UNCHANGED', 'REMOVED', 'FAILED')),
    reason     text,
    actor      text
);
create index kb_import_event_at on kb_import_event (at desc);

-- Credentials of API clients such as the kb-import CLI; only a SHA-256 of each token is kept.
create table api_token (
    id           uuid primary key,
    name         text        not null unique,
    token_sha256 char(64)    not null unique,
    role         text        not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
