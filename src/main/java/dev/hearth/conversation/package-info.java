/**
 * Customer conversations and the widget's API under {@code /api/widget/**}.
 * <p>
 * A conversation is started anonymously and identified by a signed conversation token
 * (HMAC-SHA256 over its id and expiry;
 * {@link dev.hearth.conversation.ConversationTokens}). Every customer message is stored
 * in PostgreSQL before the answer starts, so nothing the customer wrote is lost if a
 * model fails; the answer is then streamed as Server-Sent Events (the text as it is
 * produced, then the sources and the decision) and stored too. The transcript can be read
 * back at any time.
 * <p>
 * Each customer message is one turn: {@code ConversationAnswering} builds its
 * {@link dev.hearth.assistant.CustomerTurn} once (the query embedded once, the earlier
 * questions with their stored embeddings), asks {@link dev.hearth.escalation.Escalation}
 * for its verdict before and after the answer pipeline, and {@code TurnRecorder} stores
 * the turn and the verdict in one transaction, then publishes
 * {@link dev.hearth.conversation.TurnAnswered} or
 * {@link dev.hearth.conversation.ConversationHandedOff}. Answers, notices, summaries and
 * drafts are stored as typed records with a {@code schemaVersion}; readers get them
 * without it.
 * <p>
 * For the chat widget ({@code WidgetLiveController}): the conversation's status (state,
 * the agent's name, the wait), a live stream of new messages and status changes that
 * resumes after the last seq the widget saw, "Talk to a person" (the
 * {@code customer-asked-for-person} rule), thumbs up/down on answers
 * ({@code answer_feedback}) and the satisfaction rating after resolution
 * ({@code conversation.csat}). Conversations remember the widget site key they started
 * on; agents' messages remember their author.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversation")
package dev.hearth.conversation;
