-- Answering: the FAQ router's trained models, assistant settings, and customer conversations.

-- Every trained router version. Exactly one is LIVE once a model has been trained and checked; the previous
-- live model stays live until its successor passes its checks.
create table router_model (
    version           serial primary key,
    status            text        not null check (status in ('TRAINING', 'LIVE', 'RETIRED', 'REJECTED', 'FAILED')),
    kb_revision       bigint      not null, -- the knowledge base revision whose FAQ it was trained on
    examples          integer     not null,
    labels            integer     not null,
    suggested_threshold double precision,
    checks            jsonb       not null default '{}'::jsonb,
    model             bytea,
    error             text,
    training_millis   bigint,
    created_at        timestamptz not null default now(),
    live_at           timestamptz
);
create unique index router_model_one_live on router_model ((status)) where status = 'LIVE';

-- Settings admins change at run time (e.g. the calibrated out-of-scope threshold), with who and when.
create table assistant_setting (
    key        text primary key,
    value      text        not null,
    updated_by text,
    updated_at timestamptz not null default now()
);

create table conversation (
    id            uuid primary key,
    state         text        not null default 'BOT',
    language      text,
    created_at    timestamptz not null default now(),
    last_activity timestamptz not null default now()
);

create table conversation_message (
    id              bigserial primary key,
    conversation_id uuid        not null references conversation (id) on delete cascade,
    seq             integer     not null,
    role            text        not null check (role in ('CUSTOMER', 'ASSISTANT', 'AGENT', 'SYSTEM')),
    text            text        not null,
    reply_to        integer, -- for an assistant answer: the seq of the customer message it answers
    answer          jsonb, -- for an assistant answer: decision, reason, confidence, FAQ id, citations, timings
    created_at      timestamptz not null default now(),
    unique (conversation_id, seq)
);
