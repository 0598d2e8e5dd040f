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
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversation")
package dev.hearth.conversation;
