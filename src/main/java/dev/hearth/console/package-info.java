/**
 * The agent console: Thymeleaf pages under {@code /console} for agents, supervisors and
 * admins, signed in with a local account or through Keycloak (see the identity module).
 * <p>
 * Agents work in the live inbox (handed-over conversations with wait time against SLA,
 * priority and escalation reason, updated by server-sent events), the live conversation
 * view (transcript with the bot's confidence and passages, new messages and state changes
 * as they happen, the handoff summary and draft, reply, internal notes, canned responses,
 * resolve, transfer to agents who exist) and full-text search over past conversations.
 * What it shows of conversations it asks the conversation module for ({@code AgentInbox},
 * {@code ConversationSearch}, the report views); its own SQL touches only its own tables
 * (notes, canned responses). Supervisors and admins manage the knowledge base, the
 * escalation policy, the audit log and analytics under {@code /console/admin} and
 * {@code /console/analytics}.
 * <p>
 * Pages share {@code templates/fragments/layout.html} and take every string from
 * {@code messages/console*.properties}. Controllers call the owning modules' services
 * directly ({@code Handoffs}, {@code Conversations}, {@code FaqImporter},
 * {@code TrainingExamples}); state changes happen only there.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package dev.hearth.console;
