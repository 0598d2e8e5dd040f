/**
 * The answer pipeline: from a customer's question (and the conversation so far) to a
 * cited answer or an honest hand-over, with a decision the rest of Hearth acts on.
 * <p>
 * {@link dev.hearth.assistant.Queries} makes a follow-up question self-contained with the
 * conversation's previous question ({@code FollowUps}) and embeds it, once per customer
 * turn (the conversation module keeps the vector with the message);
 * {@link dev.hearth.assistant.AnswerPipeline} takes that
 * {@link dev.hearth.assistant.Query} and asks the FAQ router
 * ({@link dev.hearth.assistant.RouterService}: the small model trained on the company's
 * own FAQ phrasings, retrained after every FAQ change, versioned in PostgreSQL) for an
 * entry. A confident match is answered with that entry. Otherwise hybrid retrieval finds
 * passages meant for customers; when they are close enough to the question, the answer is
 * composed from them with numbered citations: by the configured language model (a Spring
 * AI {@code ChatModel}: in-process llama.cpp or an OpenAI-compatible server), which gets
 * the passages, the conversation and the question as data blocks it cannot be instructed
 * by ({@link dev.hearth.assistant.PromptFraming}) and whose every sentence must pass the
 * {@link dev.hearth.assistant.GroundingCheck} and the
 * {@link dev.hearth.assistant.OutputCheck} before it is shown
 * (docs/adr/0023-prompt-framing.md), or, with no model (the embedded default),
 * extractively from the passages' best sentences. Anything else is an {@code ESCALATE}
 * decision with its reason: out of scope, low confidence, ungrounded or model failure.
 * Thresholds are configuration ({@code hearth.assistant.*}); the out-of-scope threshold
 * can be calibrated and saved by admins with {@code kb-import eval --calibrate --save}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistant")
package dev.hearth.assistant;
