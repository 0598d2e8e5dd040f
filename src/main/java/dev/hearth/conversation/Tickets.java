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
 * address again updates it. The email address and name are sealed at rest
 * ({@link TicketSeal}). Thread-safe.
 */
@Service
public class Tickets {

	private static final Pattern EMAIL = Pattern
		.compile("[^\\s@<>\"]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

	private final JdbcClient jdbc;

	private final Conversations conversations;

	private final Handoffs handoffs;

	private final AuditTrail audit;

	private final TicketSeal seal;

	Tickets(JdbcClient jdbc, Conversations conversations, Handoffs handoffs, AuditTrail audit, TicketSeal seal) {
		this.jdbc = jdbc;
		this.conversations = conversations;
		this.handoffs = handoffs;
		this.audit = audit;
		this.seal = seal;
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
		String key = this.seal.activeKey();
		var open = this.jdbc.sql("""
				select id, reference from support_ticket where conversation_id = ? and status = 'OPEN' for update
				""").param(conversation).query((rs, row) -> Map.entry(rs.getLong(1), rs.getString(2))).optional();
		String reference;
		if (open.isPresent()) {
			long id = open.get().getKey();
			reference = open.get().getValue();
			this.jdbc.sql("update support_ticket set enc_key = ?, email = ?, name = ?, email_token = ? where id = ?")
				.param(key)
				.param(this.seal.seal(key, "email", id, address))
				.param(this.seal.seal(key, "name", id, who))
				.param(this.seal.emailToken(key, address))
				.param(id)
				.update();
		}
		else {
			long id = this.jdbc.sql("select nextval('support_ticket_id_seq')").query(Long.class).single();
			reference = "HRT-%06d".formatted(id);
			this.jdbc.sql("""
					insert into support_ticket (id, reference, conversation_id, enc_key, email, name, email_token)
					values (?, ?, ?, ?, ?, ?, ?)
					""")
				.param(id)
				.param(reference)
				.param(conversation)
				.param(key)
				.param(this.seal.seal(key, "email", id, address))
				.param(this.seal.seal(key, "name", id, who))
				.param(this.seal.emailToken(key, address))
				.update();
			this.audit.record("TICKET_OPENED", "customer", conversation.toString(), Map.of("ticket", reference));
		}
		this.conversations.addSystemMessage(conversation, "Thank you. Your ticket is " + reference
				+ ". We'll answer by email at " + address + " as soon as our team is back.");
		return new Ticket(reference, address);
	}

}
