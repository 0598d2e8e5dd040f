package dev.hearth.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated, labelled set of customer messages full of numbers: order, tracking,
 * invoice, customer, contract, SIM and meter numbers in EN/DE/NL sentences (many of them
 * 9-digit numbers that pass the Dutch BSN 11-test, as about one in eleven random ones
 * do), and real national-ID mentions (BSN, US SSN, UK National Insurance number, German
 * Steuer-ID) with their labels, some only with a generic label and the customer's
 * country. Deterministic: the same seed gives the same set.
 */
final class LabelledNumbers {

	/**
	 * @param text the customer's message
	 * @param country the customer's country (ISO 3166-1 alpha-2) or null
	 * @param ids the national IDs in it (every other number is not one)
	 */
	record Message(String text, String country, List<String> ids) {
	}

	private final Random random;

	LabelledNumbers(long seed) {
		this.random = new Random(seed);
	}

	private static final String[] NOT_ID = { "My order %s has not arrived yet.",
			"Order number %s was charged twice, can you check?", "Where is my parcel? Tracking number %s.",
			"The tracking code %s says delivered but nothing came.", "Invoice %s shows a fee I do not recognise.",
			"I paid invoice no. %s last week, why the reminder?", "Contract %s ends in March, can I upgrade?",
			"My customer number is %s and I want to change my plan.", "The SIM card with serial %s does not work.",
			"Meter reading 2026: %s.", "Reference %s from your letter, please explain the charge.",
			"Ticket %s is still open since Monday.", "Please cancel order #%s, I ordered the wrong router.",
			"Can you resend the confirmation for %s? It is my order.", "%s is the number on the delivery note.",
			"Hi, I have a question about order %s and the router model.",
			"Meine Bestellung %s ist noch nicht angekommen.", "Sendungsnummer %s, das Paket hängt seit Tagen fest.",
			"Die Rechnung %s ist zu hoch.", "Rechnungsnummer %s: warum zwei Mal abgebucht?",
			"Meine Kundennummer ist %s, bitte Tarif wechseln.", "Auftragsnummer %s, wann kommt der Techniker?",
			"Vertragsnummer %s, ich möchte kündigen.", "Mijn bestelling %s is nog niet geleverd.",
			"Bestelnummer %s, kan ik nog annuleren?", "De factuur %s klopt niet.",
			"Mijn pakket met trackingcode %s is zoek.", "Klantnummer %s, ik wil mijn abonnement wijzigen.",
			"Order %s arrived damaged and order %s is missing.",
			"I'm from the Netherlands, my order %s has not arrived.", "Ich wohne in Deutschland, Bestellung %s fehlt.",
			"Tracking %s - and the order number was %s.",
			// hard: an ID's label nearby, yet the number is something else
			"You asked for my BSN last time, but all I have is %s from the confirmation email.",
			"No SSN needed I hope? The number on my letter is %s." };

	private static final String[] BSN = { "My BSN is %s.", "BSN %s for the Dutch contract.",
			"Mijn burgerservicenummer is %s.", "Hier is mijn BSN: %s",
			"My citizen service number (BSN) is %s, the form asked for it.", "%s is my BSN, do you need it?",
			"Meine niederländische BSN lautet %s.", "Sofinummer %s, ik weet niet of dat nog klopt.",
			// hard: no label at all, only what the number is for
			"For the Dutch credit check the form wants the number from my passport page: %s",
			"Here is my national ID number %s for the credit check." };

	private static final String[] SSN = { "My SSN is %s.", "Social security number %s, for the credit check.",
			"The form asked for my social security number and I typed %s.", "SSN: %s", "%s is my SSN." };

	private static final String[] NINO = { "My National Insurance number is %s.", "NI number %s.",
			"national insurance no. %s - do you need it?", "My NI is %s." };

	private static final String[] STEUER_ID = { "Meine Steuer-ID ist %s.", "Steueridentifikationsnummer: %s",
			"Für die Prüfung: meine steuerliche Identifikationsnummer %s.", "My German tax ID is %s.",
			// hard: no label at all
			"Das Finanzamt hat mir die %s zugeteilt, brauchen Sie die?" };

	/** Generic labels that name an ID only together with the customer's country. */
	private static final String[] GENERIC = { "My ID number is %s.", "Meine ID-Nummer: %s",
			"Here is my identification number %s.", "Mijn identiteitsnummer is %s." };

	private static final String[] MIXED = { "My BSN is %s and my order number is %s.",
			"BSN %s, order %s, please check the credit limit.", "Meine Steuer-ID ist %s, Bestellung %s." };

	List<Message> messages(int count) {
		List<Message> messages = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int kind = this.random.nextInt(100);
			if (kind < 65) {
				String template = pick(NOT_ID);
				String country = (this.random.nextInt(4) == 0) ? pick(new String[] { "NL", "DE", "GB", "US" }) : null;
				messages.add(new Message(fill(template, this::notId), country, List.of()));
			}
			else if (kind < 76) {
				String id = bsn();
				messages.add(new Message(pick(BSN).formatted(id), null, List.of(id)));
			}
			else if (kind < 82) {
				String id = ssn();
				messages.add(new Message(pick(SSN).formatted(id), null, List.of(id)));
			}
			else if (kind < 87) {
				String id = nino();
				messages.add(new Message(pick(NINO).formatted(id), null, List.of(id)));
			}
			else if (kind < 92) {
				String id = steuerId();
				messages.add(new Message(pick(STEUER_ID).formatted(id), null, List.of(id)));
			}
			else if (kind < 96) {
				boolean dutch = this.random.nextBoolean();
				String id = dutch ? bsn() : steuerId();
				messages.add(new Message(pick(GENERIC).formatted(id), dutch ? "NL" : "DE", List.of(id)));
			}
			else {
				String template = pick(MIXED);
				String id = template.startsWith("Meine") ? steuerId() : bsn();
				messages.add(new Message(template.formatted(id, bsnLike()), null, List.of(id)));
			}
		}
		return messages;
	}

	private String fill(String template, java.util.function.Supplier<String> number) {
		int slots = template.split("%s", -1).length - 1;
		Object[] values = new Object[slots];
		for (int i = 0; i < slots; i++) {
			values[i] = number.get();
		}
		return template.formatted(values);
	}

	/** An order, tracking or invoice number in one of the shapes shops use. */
	private String notId() {
		return switch (this.random.nextInt(10)) {
			case 0, 1, 2, 3 -> bsnLike();
			case 4 -> digits(9);
			case 5 -> digits(10);
			case 6 -> "INV-2026-" + digits(6);
			case 7 -> "1Z" + letters(3) + digits(11);
			case 8 -> digits(11);
			default -> digits(3) + "-" + digits(2) + "-" + digits(4);
		};
	}

	/** A 9-digit number passing the 11-test: what the BSN detector cannot tell alone. */
	private String bsnLike() {
		while (true) {
			String candidate = digits(9);
			if (Checksums.bsn(candidate)) {
				return candidate;
			}
		}
	}

	private String bsn() {
		String id = bsnLike();
		return (this.random.nextInt(4) == 0) ? id.substring(0, 4) + "." + id.substring(4, 6) + "." + id.substring(6)
				: id;
	}

	private String ssn() {
		return (100 + this.random.nextInt(565)) + "-" + (10 + this.random.nextInt(89)) + "-"
				+ (1000 + this.random.nextInt(8999));
	}

	private String nino() {
		String first = "ACEHJLMOPRSWXY";
		String second = "ABCEHJKLMNPRSTWXY";
		String prefix = "" + first.charAt(this.random.nextInt(first.length()))
				+ second.charAt(this.random.nextInt(second.length()));
		String d = digits(6);
		char suffix = "ABCD".charAt(this.random.nextInt(4));
		return this.random.nextBoolean()
				? prefix + " " + d.substring(0, 2) + " " + d.substring(2, 4) + " " + d.substring(4) + " " + suffix
				: prefix + d + suffix;
	}

	/**
	 * A valid German tax ID (ISO 7064 MOD 11,10, one digit repeated in the first ten).
	 */
	private String steuerId() {
		while (true) {
			String candidate = (1 + this.random.nextInt(9)) + digits(10);
			if (Checksums.steuerId(candidate)) {
				return this.random.nextBoolean() ? candidate : candidate.substring(0, 2) + " "
						+ candidate.substring(2, 5) + " " + candidate.substring(5, 8) + " " + candidate.substring(8);
			}
		}
	}

	private String digits(int n) {
		StringBuilder out = new StringBuilder();
		out.append(1 + this.random.nextInt(9));
		for (int i = 1; i < n; i++) {
			out.append(this.random.nextInt(10));
		}
		return out.toString();
	}

	private String letters(int n) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < n; i++) {
			out.append((char) ('A' + this.random.nextInt(26)));
		}
		return out.toString();
	}

	private String pick(String[] options) {
		return options[this.random.nextInt(options.length)];
	}

}
