-- The widget's shared rate limits in one round trip (ADR 0021): a POST takes a token from up to three buckets
-- (its address, its conversation, its site) with one call of hearth_take_tokens instead of one Bucket4j
-- select-for-update transaction per bucket. A bucket is now two plain columns: the tokens it held when it was
-- last written and when that was (PostgreSQL's clock, the same for every replica); it refills steadily to its
-- capacity over a minute, as Bucket4j's greedy refill did. The serialized Bucket4j state stays readable for
-- replicas of the previous release during a rolling update; rows written by them start full here.
alter table rate_limit_bucket
    add column tokens      double precision,
    add column refilled_at timestamptz;

-- Takes one token from each bucket in order (ids[i] holds capacities[i] tokens, refilled over a minute), and
-- stops at the first that has none: that bucket's position (1-based) and the whole seconds until it has a token
-- again are returned; refused = 0 when every bucket gave one. Each row is locked while it is read and written;
-- callers name their buckets in one fixed order of kinds, so two calls never wait on each other crosswise.
create function hearth_take_tokens(ids text[], capacities integer[], out refused integer, out wait_seconds integer)
    language plpgsql as $$
declare
    at        timestamptz;
    held      double precision;
    since     timestamptz;
    available double precision;
begin
    refused := 0;
    wait_seconds := 0;
    if coalesce(array_length(ids, 1), 0) <> coalesce(array_length(capacities, 1), 0) then
        raise exception 'hearth_take_tokens: % bucket ids but % capacities',
            coalesce(array_length(ids, 1), 0), coalesce(array_length(capacities, 1), 0);
    end if;
    for i in 1 .. coalesce(array_length(ids, 1), 0) loop
        if capacities[i] is null or capacities[i] < 1 then
            raise exception 'hearth_take_tokens: the capacity of bucket % must be at least 1, got %', ids[i], capacities[i];
        end if;
        insert into rate_limit_bucket (id, tokens, refilled_at) values (ids[i], capacities[i], clock_timestamp())
            on conflict (id) do nothing;
        select b.tokens, b.refilled_at into held, since from rate_limit_bucket b where b.id = ids[i] for update;
        -- read the clock once the row is ours: a call that waited for the lock never counts time backwards
        at := clock_timestamp();
        if held is null or since is null then
            -- written by a replica of the previous release (Bucket4j's state): full
            held := capacities[i];
            since := at;
        end if;
        available := least(capacities[i]::double precision,
                           held + greatest(0, extract(epoch from at - since)) * capacities[i] / 60.0);
        if available >= 1 then
            update rate_limit_bucket set tokens = available - 1, refilled_at = at, updated_at = at where id = ids[i];
        else
            update rate_limit_bucket set tokens = available, refilled_at = at, updated_at = at where id = ids[i];
            refused := i;
            wait_seconds := greatest(1, ceil((1 - available) * 60.0 / capacities[i]))::integer;
            return;
        end if;
    end loop;
end
$$;
