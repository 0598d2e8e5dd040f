-- Issue 10: a customer message keeps its self-contained query and that query's sentence embedding, computed
-- once on its turn, so later turns (rephrasing) and reports read them instead of embedding the text again.
alter table conversation_message
    add column query     text,  -- the question made self-contained (a follow-up joined to the one before)
    add column embedding bytea; -- the query's embedding, float32 little-endian (as kb_chunk.embedding)
