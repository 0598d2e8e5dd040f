package dev.hearth.kbimport;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * A {@link PrintStream} that passes every string, formatted text and object it prints
 * through {@link TerminalText#escape}, so nothing a file or the server provides can send
 * control sequences to the operator's terminal. {@link KbImport} gives the commands only
 * these; the progress bar, which draws with control sequences itself, writes to the raw
 * stream and escapes the file names it shows. Thread-safe as {@link PrintStream} is.
 */
final class SafePrintStream extends PrintStream {

	SafePrintStream(OutputStream out, Charset charset) {
		super(out, true, charset);
	}

	@Override
	public void print(String text) {
		super.print(TerminalText.escape(text));
	}

	@Override
	public void print(Object object) {
		print(String.valueOf(object));
	}

	@Override
	public void print(char c) {
		print(String.valueOf(c));
	}

	@Override
	public void print(char[] chars) {
		print(new String(chars));
	}

	@Override
	public void println(String text) {
		synchronized (this) {
			print(text);
			println();
		}
	}

	@Override
	public void println(Object object) {
		println(String.valueOf(object));
	}

	@Override
	public void println(char[] chars) {
		println(new String(chars));
	}

	@Override
	public void println(char c) {
		println(String.valueOf(c));
	}

	@Override
	public PrintStream append(CharSequence text) {
		print(String.valueOf(text));
		return this;
	}

	@Override
	public PrintStream append(CharSequence text, int start, int end) {
		print(String.valueOf((text != null) ? text : "null").subSequence(start, end).toString());
		return this;
	}

	@Override
	public PrintStream append(char c) {
		print(c);
		return this;
	}

}
