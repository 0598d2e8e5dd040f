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
 * {@link dev.hearth.conversation.ConversationHandedOff}. A message that is only small
 * talk ({@code SmallTalk}: hello, thanks, bye, "are you a bot?") skips all that and gets
 * a short friendly reply, an answered turn. Answers, notices, summaries and drafts are
 * stored as typed records with a {@code schemaVersion}; readers get them without it.
 * <p>
 * For the chat widget ({@code WidgetLiveController}): the conversation's status (state,
 * the agent's name, the place in the queue and the expected wait from recent real waits,
 * {@code WaitEstimates}), a live stream of new messages and status changes that resumes
 * after the last seq the widget saw ({@link dev.hearth.conversation.LiveFollow}, the
 * follow loop the console's live page shares), "Talk to a person" (the
 * {@code customer-asked-for-person} rule), thumbs up/down on answers
 * ({@code answer_feedback}) and the satisfaction rating after resolution
 * ({@code conversation.csat}). Conversations remember the widget site key they started on
 * and the customer's country ({@code CustomerCountry}); agents' messages remember their
 * author.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversation")
package dev.hearth.conversation;
