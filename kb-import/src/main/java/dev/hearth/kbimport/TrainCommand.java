package dev.hearth.kbimport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code train}: retrains the FAQ router on the current FAQ. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = Version.class,
		header = "Retrain the FAQ router on the current FAQ",
		description = { "Trains a new version of the FAQ router on every FAQ entry's phrasings and puts",
				"it live once it has passed its held-out check; the previous version answers",
				"until then. Imports with kb-import faq already retrain; use this after",
				"changing settings. Waits for the new model unless --no-wait." })
final class TrainCommand implements CliCommand {

	@Option(names = "--no-wait", description = "return at once; training goes on in the server")
	boolean noWait;

	@Override
	public int run(Session session) {
		boolean wait = !this.noWait;
		if (wait) {
			session.err().println("kb-import: training the FAQ router on " + session.client().server() + " …");
		}
		JsonNode status = session.client().train(wait);
		return RouterReport.print(status, wait, session);
	}

}
