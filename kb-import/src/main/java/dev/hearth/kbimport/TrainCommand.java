package dev.hearth.kbimport;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** {@code train}: retrains the FAQ router on the current FAQ. */
final class TrainCommand implements Command {

	static final CommandSpec SPEC = new CommandSpec("train", "Retrain the FAQ router on the current FAQ", "", 0, 0, """
			Trains a new version of the FAQ router on every FAQ entry's phrasings and puts
			it live once it has passed its held-out check; the previous version answers
			until then. Imports with kb-import faq already retrain; use this after
			changing settings. Waits for the new model unless --no-wait.
			""", List.of(Option.flag("--no-wait", "return at once; training goes on in the server")),
			TrainCommand::new);

	@Override
	public int run(ParsedArgs args, Session session) {
		boolean wait = !args.flag("--no-wait");
		if (wait) {
			session.err().println("kb-import: training the FAQ router on " + session.client().server() + " …");
		}
		JsonNode status = session.client().train(wait);
		return RouterReport.print(status, wait, session);
	}

}
