-- Issue 10: the stored answer, the handoff notice, the agent's summary and the draft are written from typed records
-- with a schema version. Existing rows have the same field names (version 1): stamp them so every row says its shape.
update conversation_message set answer = jsonb_set(answer, '{schemaVersion}', '1')
where answer is not null and not answer ? 'schemaVersion';

update conversation set summary = jsonb_set(summary, '{schemaVersion}', '1')
where summary is not null and jsonb_typeof(summary) = 'object' and not summary ? 'schemaVersion';

-- drafts stored their time as an ISO-8601 string: it stays one
update conversation set draft = jsonb_set(draft, '{schemaVersion}', '1')
where draft is not null and jsonb_typeof(draft) = 'object' and not draft ? 'schemaVersion';
