package dev.hearth.kbimport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code account create USERNAME} and {@code account list}: local console accounts (for
 * installations without Keycloak).
 */
@Command(name = "account", mixinStandardHelpOptions = true, versionProvider = Version.class,
		header = "Create or list local console accounts", synopsisSubcommandLabel = "(create | list)",
		description = { "account create USERNAME --role ROLE --first-name NAME --last-name NAME",
				"creates a console account (or updates the names, role and password of an",
				"existing one); ROLE is AGENT, SUPERVISOR or ADMIN. Without --password a",
				"password is generated and printed once: hand it to the person, who signs",
				"in at /console/login. Customers see the first and last name next to the", "agent's replies.", "",
				"account list shows every enabled account with its role." },
		subcommands = { AccountCommand.Create.class, AccountCommand.ListAccounts.class })
final class AccountCommand {

	/** {@code account create USERNAME}. */
	@Command(name = "create", mixinStandardHelpOptions = true, versionProvider = Version.class,
			header = "Create a console account, or update an existing one", footerHeading = "%nExample:%n",
			footer = "  kb-import account create ana --role AGENT --first-name Ana --last-name Silva")
	static final class Create implements CliCommand {

		@Parameters(paramLabel = "USERNAME", description = "the name to sign in with")
		String username;

		@Option(names = "--role", paramLabel = "ROLE", required = true, description = "AGENT, SUPERVISOR or ADMIN")
		String role;

		@Option(names = "--first-name", paramLabel = "NAME", required = true, description = "first name")
		String firstName;

		@Option(names = "--last-name", paramLabel = "NAME", required = true, description = "last name")
		String lastName;

		@Option(names = "--password", paramLabel = "PASSWORD",
				description = "at least 12 characters (default: generated and printed once)")
		String password;

		@Option(names = "--json", description = "print the server's JSON")
		boolean json;

		@Override
		public int run(Session session) {
			ObjectNode body = Json.MAPPER.createObjectNode()
				.put("username", this.username)
				.put("role", require(this.role, "--role"))
				.put("firstName", require(this.firstName, "--first-name"))
				.put("lastName", require(this.lastName, "--last-name"));
			if (this.password != null) {
				body.put("password", this.password);
			}
			JsonNode saved = session.client().saveAccount(body);
			if (this.json) {
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

	}

	/** {@code account list}. */
	@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
			header = "List the enabled console accounts with their roles")
	static final class ListAccounts implements CliCommand {

		@Option(names = "--json", description = "print the server's JSON")
		boolean json;

		@Override
		public int run(Session session) {
			JsonNode accounts = session.client().accounts();
			if (this.json) {
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

	}

	private static String require(String value, String option) {
		if (value == null || value.isBlank()) {
			throw new UsageException("account create needs a non-blank " + option, "account create");
		}
		return value;
	}

}
