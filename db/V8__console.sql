-- The agent console: local accounts (the embedded default when no Keycloak is configured), agents' internal
-- notes, canned responses, and full-text search over past conversations.

-- People who sign in to the console without Keycloak. Passwords are bcrypt hashes; the role model is the one
-- Keycloak's realm roles map to.
create table local_account (
    username      text primary key check (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    password_hash text        not null,
    first_name    text        not null,
    last_name     text        not null,
    role          text        not null check (role in ('AGENT', 'SUPERVISOR', 'ADMIN')),
    created_at    timestamptz not null default now(),
    disabled_at   timestamptz
);

-- Notes agents leave on a conversation for each other; the customer never sees them.
create table conversation_note (
    id              bigserial primary key,
    conversation_id uuid        not null references conversation (id) on delete cascade,
    author          text        not null,
    text            text        not null,
    created_at      timestamptz not null default now()
);
create index conversation_note_of on conversation_note (conversation_id, id);

-- Reusable replies with placeholders such as {customer} or {agent}, maintained by supervisors.
create table canned_response (
    id         bigserial primary key,
    title      text        not null unique,
    body       text        not null,
    language   text        not null default 'en',
    created_by text        not null,
    created_at timestamptz not null default now()
);

-- Full-text search over what was said in past conversations (language-neutral 'simple' configuration: the
-- conversations mix languages).
create index conversation_message_fulltext on conversation_message using gin (to_tsvector('simple', text));

-- The console's inbox lists handed-over conversations by state; the recent-first listing of all of them.
create index conversation_recent on conversation (last_activity desc);
