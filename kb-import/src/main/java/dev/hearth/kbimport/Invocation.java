package dev.hearth.kbimport;

/**
 * A parsed command line: the global options, the command (if any) and its arguments.
 *
 * @param server {@code --server}, or {@code null}
 * @param token {@code --token}, or {@code null}
 * @param debug {@code --debug}: HTTP traces and stack traces on stderr
 * @param help whether help was asked for ({@code --help}, {@code -h} or {@code help})
 * @param command the command, or {@code null} (general help)
 * @param args the command's arguments, or {@code null} when there is no command
 */
record Invocation(String server, String token, boolean debug, boolean help, CommandSpec command, ParsedArgs args) {

	@Override
	public String toString() {
		return "Invocation[server=" + this.server + ", token=" + ((this.token != null) ? "***" : "none") + ", debug="
				+ this.debug + ", help=" + this.help + ", command="
				+ ((this.command != null) ? this.command.name() : null) + "]";
	}

}
