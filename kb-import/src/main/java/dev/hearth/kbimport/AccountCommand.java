package dev.hearth.kbimport;

import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code account}: local console accounts (for installations without Keycloak). */
final class AccountCommand implements Command {

	static final CommandSpec SPEC = new CommandSpec("account", "Create or list local console accounts",
			"create USERNAME | list", 1, 2, """
					account create USERNAME --role ROLE --first-name NAME --last-name NAME
					creates a console account (or updates the names, role and password of an
					existing one); ROLE is AGENT, SUPERVISOR or ADMIN. Without --password a
					password is generated and printed once: hand it to the person, who signs
					in at /console/login. Customers see the first and last name next to the
					agent's replies.

					account list shows every enabled account with its role.
					""",
			List.of(Option.value("--role", "ROLE", "AGENT, SUPERVISOR or ADMIN (create)"),
					Option.value("--first-name", "NAME", "first name (create)"),
					Option.value("--last-name", "NAME", "last name (create)"),
					Option.value("--password", "PASSWORD",
							"at least 12 characters (create; default: generated and printed once)"),
					Option.flag("--json", "print the server's JSON")),
			AccountCommand::new);

	@Override
	public int run(ParsedArgs args, Session session) {
		String action = args.positional().get(0).toLowerCase(Locale.ROOT);
		if (action.equals("list") && args.positional().size() == 1) {
			JsonNode accounts = session.client().accounts();
			if (args.flag("--json")) {
				session.out().println(Json.pretty(accounts));
				return 0;
			}
			Table table = new Table("username", "name", "role");
			for (JsonNode account : Json.elements(accounts)) {
				table.row(Json.text(account, "username", "?"),
						Json.text(account, "firstName", "") + " " + Json.text(account, "lastName", ""),
						Json.text(account, "role", "?"));
			}
			table.print(session.out());
			return 0;
		}
		if (!action.equals("create") || args.positional().size() != 2) {
			throw new UsageException("say 'account create USERNAME ...' or 'account list', got '"
					+ String.join(" ", args.positional()) + "'", "account");
		}
		ObjectNode body = Json.MAPPER.createObjectNode()
			.put("username", args.positional().get(1))
			.put("role", require(args, "--role"))
			.put("firstName", require(args, "--first-name"))
			.put("lastName", require(args, "--last-name"));
		if (args.value("--password") != null) {
			body.put("password", args.value("--password"));
		}
		JsonNode saved = session.client().saveAccount(body);
		if (args.flag("--json")) {
			session.out().println(Json.pretty(saved));
			return 0;
		}
		JsonNode account = saved.path("account");
		session.out()
			.println("Saved console account " + Json.text(account, "username", "?") + " ("
					+ Json.text(account, "role", "?") + ").");
		if (saved.hasNonNull("password")) {
			session.out().println("Password (shown only now): " + Json.text(saved, "password", ""));
		}
		return 0;
	}

	private static String require(ParsedArgs args, String option) {
		String value = args.value(option);
		if (value == null || value.isBlank()) {
			throw new UsageException("account create needs " + option, "account");
		}
		return value;
	}

}
