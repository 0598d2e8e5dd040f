import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits the Bitext customer-support utterances into the FAQ router's evaluation files:
 * bitext-train.jsonl (one FAQ entry per intent, in kb-import's JSONL format, with an answer
 * written for a generic online shop), bitext-val.jsonl and bitext-test.jsonl (in-scope
 * questions, followed by the out-of-scope dev and test questions respectively).
 * <p>
 * Deterministic: utterances are de-duplicated (case-insensitively), ordered within their
 * intent by the SHA-256 of "bitext-split-v1|" + utterance, and the first 70% go to train,
 * the next 15% to val and the rest to test. Run from the repository root:
 * {@code java docs/eval/tools/BitextSplit.java ../shared/data/bitext-customer-support/utterances-20k.csv}
 */
public class BitextSplit {

	static final Map<String, String> ANSWERS = Map.ofEntries(
			Map.entry("cancel_order",
					"You can cancel an order that has not shipped yet under My account > Orders > Cancel order. Once it has shipped, refuse the delivery or return it within 30 days for a refund."),
			Map.entry("change_order",
					"Until an order is packed you can change items, sizes and quantities under My account > Orders > Edit order. After that, place a new order and return the items you no longer want."),
			Map.entry("place_order",
					"Add items to your basket, choose Checkout, enter your delivery address and payment details and confirm. You get an order confirmation by email within a few minutes."),
			Map.entry("track_order",
					"Your shipping confirmation email has a tracking link. You can also follow every order under My account > Orders > Track, from packing to delivery."),
			Map.entry("complaint",
					"We are sorry something went wrong. Tell us what happened through the complaint form under Help > Make a complaint; a team member replies within two working days and keeps you updated until it is resolved."),
			Map.entry("review",
					"Thank you for wanting to share your experience. You can rate a product on its page under Reviews, or tell us about our service through the feedback link in your order confirmation email."),
			Map.entry("contact_customer_service",
					"Our customer service team is available Monday to Friday 8:00-20:00 and Saturday 9:00-17:00 by chat on this page, by phone on the number under Help > Contact us, or by email."),
			Map.entry("contact_human_agent",
					"Of course. Type 'agent' in this chat or call us during opening hours (Monday to Friday 8:00-20:00, Saturday 9:00-17:00) and you will be put through to a person."),
			Map.entry("create_account",
					"Choose Sign up at the top of any page, enter your name, email address and a password, and confirm the link we email you. Each email address can have one account."),
			Map.entry("delete_account",
					"You can close your account under My account > Settings > Close account. We keep invoices as the law requires and delete the rest of your personal data within 30 days."),
			Map.entry("edit_account",
					"Change your name, email address, phone number or password under My account > Settings > Personal details. Changes to your email address are confirmed by a link sent to the new address."),
			Map.entry("switch_account",
					"To use another account, sign out under My account > Sign out and sign in with the other account's email address. Orders and invoices stay with the account they were placed from."),
			Map.entry("recover_password",
					"Choose Forgot password on the sign-in page and enter your email address; we send a link to set a new password that is valid for 24 hours. Check your spam folder if it does not arrive."),
			Map.entry("registration_problems",
					"If signing up fails, check that the email address is not already registered and that your password has at least 8 characters. If the confirmation email does not arrive within 15 minutes, request a new one or contact us."),
			Map.entry("check_cancellation_fee",
					"Cancelling an order before it ships is free. Subscriptions and contracts cancelled before the end of their minimum term may have an early termination fee, shown under My account > Subscriptions."),
			Map.entry("delivery_options",
					"We offer standard delivery (3-5 working days, free over 50), express delivery (next working day if ordered by 14:00) and collection from a pick-up point. You choose at checkout."),
			Map.entry("delivery_period",
					"Standard delivery takes 3-5 working days and express delivery arrives the next working day when ordered by 14:00. The expected delivery date is shown at checkout and in your confirmation email."),
			Map.entry("change_shipping_address",
					"You can change the delivery address of an order until it ships under My account > Orders > Edit address. To change your saved address, go to My account > Addresses."),
			Map.entry("set_up_shipping_address",
					"Add a shipping address under My account > Addresses > Add address, or enter a new one at checkout and tick 'Save for next time'. You can mark one address as your default."),
			Map.entry("check_invoices",
					"All your invoices are listed under My account > Invoices, newest first, with their date, amount and payment status. You can filter them by date."),
			Map.entry("get_invoice",
					"Download any invoice as a PDF under My account > Invoices > Download. We also email an invoice when each order ships."),
			Map.entry("check_payment_methods",
					"We accept Visa, Mastercard and American Express, PayPal, Apple Pay, Google Pay and bank transfer. You can save a card under My account > Payment methods."),
			Map.entry("payment_issue",
					"If a payment failed or you were charged twice, check your card details and limit and try again. Report the problem under Help > Payment problem with your order number and we will sort it out within two working days."),
			Map.entry("check_refund_policy",
					"You can return most items within 30 days of delivery for a full refund, unused and in their original packaging. Refunds go back to the original payment method."),
			Map.entry("get_refund",
					"Start a return under My account > Orders > Return items, send the parcel back with the prepaid label, and we refund you within 5 working days of receiving it."),
			Map.entry("track_refund",
					"You can follow your refund under My account > Returns. Once we have processed it, it takes 3-5 working days to appear on your card or PayPal account."),
			Map.entry("newsletter_subscription",
					"Subscribe or unsubscribe under My account > Preferences > Newsletter, or use the unsubscribe link at the bottom of any newsletter email."));

	public static void main(String[] args) throws IOException {
		Path csv = Path.of(args.length > 0 ? args[0] : "../shared/data/bitext-customer-support/utterances-20k.csv");
		Path out = Path.of(args.length > 1 ? args[1] : "docs/eval");
		Map<String, List<String>> byIntent = new TreeMap<>();
		Set<String> seen = new LinkedHashSet<>();
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			List<String> fields = parse(line);
			String utterance = fields.get(1).strip();
			String intent = fields.get(3).strip();
			if (!ANSWERS.containsKey(intent)) {
				throw new IllegalStateException("no answer for intent " + intent);
			}
			if (seen.add(utterance.toLowerCase())) {
				byIntent.computeIfAbsent(intent, (key) -> new ArrayList<>()).add(utterance);
			}
		}
		List<String> train = new ArrayList<>();
		List<String> val = new ArrayList<>();
		List<String> test = new ArrayList<>();
		byIntent.forEach((intent, utterances) -> {
			List<String> ordered = new ArrayList<>(utterances);
			ordered.sort((a, b) -> sha256("bitext-split-v1|" + a).compareTo(sha256("bitext-split-v1|" + b)));
			int trainEnd = (int) Math.round(ordered.size() * 0.70);
			int valEnd = trainEnd + (int) Math.round(ordered.size() * 0.15);
			StringBuilder entry = new StringBuilder("{\"id\": ").append(json(intent)).append(", \"examples\": [");
			for (int i = 0; i < trainEnd; i++) {
				entry.append(i == 0 ? "" : ", ").append(json(ordered.get(i)));
			}
			entry.append("], \"answer\": ").append(json(ANSWERS.get(intent))).append("}");
			train.add(entry.toString());
			ordered.subList(trainEnd, valEnd).forEach((q) -> val.add(question(q, intent)));
			ordered.subList(valEnd, ordered.size()).forEach((q) -> test.add(question(q, intent)));
		});
		val.addAll(nonBlank(out.resolve("out-of-scope-dev.jsonl")));
		test.addAll(nonBlank(out.resolve("out-of-scope-test.jsonl")));
		Files.write(out.resolve("bitext-train.jsonl"), train, StandardCharsets.UTF_8);
		Files.write(out.resolve("bitext-val.jsonl"), val, StandardCharsets.UTF_8);
		Files.write(out.resolve("bitext-test.jsonl"), test, StandardCharsets.UTF_8);
		System.out.printf("intents %d, train %d, val %d, test %d%n", byIntent.size(),
				byIntent.values().stream().mapToInt((u) -> (int) Math.round(u.size() * 0.70)).sum(), val.size(),
				test.size());
	}

	static List<String> nonBlank(Path file) throws IOException {
		return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter((l) -> !l.isBlank()).toList();
	}

	static String question(String text, String intent) {
		return "{\"question\": " + json(text) + ", \"expected\": " + json(intent) + "}";
	}

	static List<String> parse(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		if (fields.size() != 4) {
			throw new IllegalStateException("expected 4 fields: " + line);
		}
		return fields;
	}

	static String json(String text) {
		StringBuilder s = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> s.append("\\\"");
				case '\\' -> s.append("\\\\");
				case '\n' -> s.append("\\n");
				case '\r' -> s.append("\\r");
				case '\t' -> s.append("\\t");
				default -> {
					if (c < 0x20) {
						s.append(String.format("\\u%04x", (int) c));
					}
					else {
						s.append(c);
					}
				}
			}
		}
		return s.append('"').toString();
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
