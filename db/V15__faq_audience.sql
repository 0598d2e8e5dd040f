-- One audience rule (docs/adr/0008-audience-default.md): content without an audience tag is internal.
-- FAQ entries imported before the rule had no audience tag and were shown to customers; they keep that
-- by getting the FAQ's default audience explicitly. Untagged documents were never used for answers and
-- stay internal.
update faq_entry
   set tags = jsonb_set(tags, '{audience}', '["customer"]'::jsonb)
 where not (tags ? 'audience') or tags -> 'audience' = '[]'::jsonb;
