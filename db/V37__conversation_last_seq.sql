-- A conversation numbers its messages itself: last_seq is the highest seq handed out. A new message's statement
-- that locks the conversation's row (an update) also takes the next number, so locking, numbering and the
-- conversation's activity are one round trip instead of a lock and a max(seq) read (docs/benchmarks.md, issue 12).
-- The number is greatest(last_seq, max(seq)) + 1: messages written without the column (a replica of the previous
-- release during a rolling update, a restored backup) are still counted.

alter table conversation add column last_seq integer not null default 0;

update conversation c set last_seq = m.last_seq
  from (select conversation_id, max(seq) as last_seq from conversation_message group by conversation_id) m
 where m.conversation_id = c.id;
