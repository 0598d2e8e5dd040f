/**
 * {@code kb-import}: the command-line tool that loads documents and FAQ entries into
 * Hearth's knowledge base through the server's admin API ({@code /api/admin/**}).
 *
 * <p>
 * It is a plain Java program, deliberately without Spring and without any other Hearth
 * package, so it starts fast and depends only on the admin API's JSON contract. It is its
 * own Maven module and artifact ({@code kb-import/pom.xml}, see docs/adr/0006); its
 * runnable jar {@code kb-import/target/kb-import.jar} is started by
 * {@code kb-import/kb-import}.
 *
 * <p>
 * A newcomer reads it in this order: {@link dev.hearth.kbimport.KbImport} (entry point,
 * exit codes, error reporting), {@code KbImportCommand} (the command line, parsed by
 * picocli), {@code HearthClient} (the only class that speaks HTTP), then one class per
 * command. Everything the commands print goes through {@code SafePrintStream}, which
 * escapes control characters ({@code TerminalText}), so file names and server text cannot
 * drive the operator's terminal. The import command is split into {@code FileWalker}
 * (which files, under which source names), {@code ImportPlanner} (what changed, decided
 * without the network), {@code Uploader} (parallel uploads with a {@code ProgressBar})
 * and {@code ImportSummary}.
 *
 * <p>
 * Exit codes: 0 ok, 1 something failed, 2 usage error, 3 the server cannot be reached or
 * refused the token. Normal output never contains a stack trace; {@code --debug} adds
 * HTTP traces and stack traces on stderr.
 */
package dev.hearth.kbimport;
