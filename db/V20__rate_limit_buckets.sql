-- Bucket4j token buckets shared by every replica (issue 13): one row per key ('post:203.0.113.7',
-- 'conversation:<id>', 'site:<key>'), its serialized state, and when it was last written so that idle
-- rows can be dropped (a bucket untouched for longer than its refill period is full again).
create table rate_limit_bucket (
    id         text        primary key,
    state      bytea,
    updated_at timestamptz not null default now()
);
create index rate_limit_bucket_updated on rate_limit_bucket (updated_at);
