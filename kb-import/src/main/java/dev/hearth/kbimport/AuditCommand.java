package dev.hearth.kbimport;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** {@code audit}: verifies the audit trail's hash chain. */
final class AuditCommand implements Command {

	static final CommandSpec SPEC = new CommandSpec("audit", "Verify the audit trail's hash chain", "", 0, 0, """
			Recomputes the hash chain of Hearth's audit trail (handoffs, agent actions and
			model calls) and reports whether every event is intact; exits 1 and names the
			first changed or missing event otherwise.
			""", List.of(Option.flag("--json", "print the server's JSON")), AuditCommand::new);

	@Override
	public int run(ParsedArgs args, Session session) {
		JsonNode result = session.client().verifyAudit();
		boolean valid = result.path("valid").asBoolean(false);
		if (args.flag("--json")) {
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
