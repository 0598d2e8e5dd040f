package dev.hearth.kbimport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code audit}: verifies the audit trail's hash chain. */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = Version.class,
		header = "Verify the audit trail's hash chain",
		description = { "Recomputes the hash chain of Hearth's audit trail (handoffs, agent actions and",
				"model calls) and reports whether every event is intact; exits 1 and names the",
				"first changed or missing event otherwise." })
final class AuditCommand implements CliCommand {

	@Option(names = "--json", description = "print the server's JSON")
	boolean json;

	@Override
	public int run(Session session) {
		JsonNode result = session.client().verifyAudit();
		boolean valid = result.path("valid").asBoolean(false);
		if (this.json) {
			session.out().println(Json.pretty(result));
		}
		else {
			session.out()
				.println("Audit trail: " + Json.text(result, "events", "?") + " events, "
						+ (valid ? "intact." : "BROKEN: " + Json.text(result, "detail", "?") + "."));
		}
		return valid ? 0 : KbImport.FAILED;
	}

}
