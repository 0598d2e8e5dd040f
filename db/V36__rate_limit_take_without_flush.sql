-- The widget's shared rate limits commit without waiting for the WAL flush (ADR 0034). A bucket's row stays locked
-- until its transaction ends, and a synchronous commit ends only after the WAL is flushed to disk, so every POST
-- of one address, one NAT or one site queued behind the previous one's fsync on that hot row. A token count is not
-- worth that wait: a crash loses at most the last few hundred milliseconds of takes (wal_writer_delay), which makes
-- those buckets a little fuller, never emptier. Same function as V28 otherwise.

create or replace function hearth_take_tokens(ids text[], capacities integer[], out refused integer, out wait_seconds integer)
    language plpgsql as $$
declare
    at        timestamptz;
    held      double precision;
    since     timestamptz;
    available double precision;
begin
    -- a token count needs no durability: commit without waiting for the WAL flush, so the bucket's row lock is
    -- released as soon as the statement ends (transaction-local; the caller's other transactions are unchanged)
    perform set_config('synchronous_commit', 'off', true);
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
