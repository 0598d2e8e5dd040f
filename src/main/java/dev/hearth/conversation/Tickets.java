package dev.hearth.conversation;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hearth.privacy.AuditTrail;

/**
 * Tickets for conversations handed over when nobody could take them live (outside
 * business hours, or no agent online): the customer leaves an email address, gets a
 * reference, and an agent answers later. One open ticket per conversation; leaving the
 * address again updates it. Thread-safe.
 */
@Service
public class Tickets {

	private static final Pattern EMAIL = Pattern
		.compile("[^\\s@<>\"]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

	private final JdbcClient jdbc;

	private final Conversations conversations;

	private final Handoffs handoffs;

	private final AuditTrail audit;

	Tickets(JdbcClient jdbc, Conversations conversations, Handoffs handoffs, AuditTrail audit) {
		this.jdbc = jdbc;
		this.conversations = conversations;
		this.handoffs = handoffs;
		this.audit = audit;
	}

	/**
	 * An opened ticket.
	 *
	 * @param ticket its reference, e.g. {@code HRT-000042}
	 * @param email where the answer goes
	 */
	public record Ticket(String ticket, String email) {
	}

	/**
	 * Opens the conversation's ticket (or updates its contact details) and confirms it in
	 * the conversation.
	 * @throws IllegalArgumentException if the email address is not one
	 * @throws HandoffConflictException if the conversation is not waiting for a ticket
	 */
	@Transactional
	public Ticket open(UUID conversation, String email, String name) {
		String address = (email != null) ? email.strip() : "";
		if (!EMAIL.matcher(address).matches() || address.length() > 254) {
			throw new IllegalArgumentException(
					"'" + address + "' is not an email address; send {\"email\": \"you@example.com\"}");
		}
		String who = (name != null && !name.isBlank()) ? name.strip() : null;
		if (who != null && who.length() > 200) {
			throw new IllegalArgumentException("the name has " + who.length() + " characters, at most 200 are allowed");
		}
		QueuedConversation current = this.handoffs.find(conversation);
		if (!"TICKET".equals(current.handoffMode()) || current.state() == ConversationState.RESOLVED) {
			throw new HandoffConflictException("This conversation does not need contact details: it is "
					+ current.state() + " ("
					+ ((current.handoffMode() != null) ? current.handoffMode().toLowerCase() : "not handed over")
					+ ").");
		}
		String reference = this.jdbc.sql("""
				update support_ticket set email = ?, name = ? where conversation_id = ? and status = 'OPEN'
				returning reference
				""").param(address).param(who).param(conversation).query(String.class).optional().orElse(null);
		if (reference == null) {
			long id = this.jdbc.sql("select nextval('support_ticket_id_seq')").query(Long.class).single();
			reference = "HRT-%06d".formatted(id);
			this.jdbc.sql("""
					insert into support_ticket (id, reference, conversation_id, email, name) values (?, ?, ?, ?, ?)
					""").param(id).param(reference).param(conversation).param(address).param(who).update();
			this.audit.record("TICKET_OPENED", "customer", conversation.toString(), Map.of("ticket", reference));
		}
		this.conversations.addSystemMessage(conversation, "Thank you. Your ticket is " + reference
				+ ". We'll answer by email at " + address + " as soon as our team is back.");
		return new Ticket(reference, address);
	}

}
