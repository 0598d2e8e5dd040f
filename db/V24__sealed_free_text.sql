-- Issue 13: the remaining customer-derived free text is sealed like the messages (ADR 0013): agents' notes, the
-- customers' answer-feedback and satisfaction (CSAT) comments, and the redacted question of each escalation
-- decision. Each table gets the id of the key that sealed its text; rows already there keep it null, which marks
-- them as plaintext for the background key rotation (crypto/KeyRotation) to seal — the keys are not in the database,
-- so this migration cannot seal them itself. Readers open both.
alter table conversation_note add column enc_key text;           -- seals text
alter table answer_feedback add column enc_key text;             -- seals comment
alter table conversation add column csat_enc_key text;           -- seals csat_comment (enc_key seals summary and draft)
alter table escalation_decision add column enc_key text;         -- seals question

create index conversation_note_enc_key on conversation_note (enc_key);
create index answer_feedback_enc_key on answer_feedback (enc_key) where comment is not null;
create index conversation_csat_enc_key on conversation (csat_enc_key) where csat_comment is not null;
create index escalation_decision_enc_key on escalation_decision (enc_key);

-- Audit checkpoints are also written outside PostgreSQL (ADR 0022): which anchors took each one, so that the
-- verification can say which checkpoints an anchor must hold and a failed write is retried.
create table audit_checkpoint_anchor (
    checkpoint_id bigint      not null references audit_checkpoint (id),
    anchor        text        not null,
    anchored_at   timestamptz not null default now(),
    primary key (checkpoint_id, anchor)
);
