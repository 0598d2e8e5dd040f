package dev.hearth.kbimport;

import java.util.regex.Pattern;

/**
 * A glob matched against a relative path written with forward slashes. {@code *} and
 * {@code ?} stay within one path segment, {@code **} crosses segments,
 * {@code **}{@code /} also matches no folder at all (so {@code **}{@code /*.md} matches
 * {@code a.md} and {@code x/y/a.md}), a trailing {@code /**} also matches the folder
 * itself, {@code {a,b}} is either, {@code [abc]} and {@code [!abc]} are character
 * classes. Immutable.
 */
final class Glob {

	private final String glob;

	private final Pattern pattern;

	Glob(String glob) {
		if (glob.isBlank()) {
			throw new IllegalArgumentException("empty glob");
		}
		this.glob = glob;
		this.pattern = Pattern.compile(toRegex(glob.startsWith("./") ? glob.substring(2) : glob));
	}

	boolean matches(String relativePath) {
		return this.pattern.matcher(relativePath).matches();
	}

	@Override
	public String toString() {
		return this.glob;
	}

	private static String toRegex(String glob) {
		StringBuilder regex = new StringBuilder();
		int braces = 0;
		for (int i = 0; i < glob.length(); i++) {
			char c = glob.charAt(i);
			switch (c) {
				case '*' -> {
					boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
					if (!doubleStar) {
						regex.append("[^/]*");
					}
					else if (i + 2 < glob.length() && glob.charAt(i + 2) == '/') {
						regex.append("(?:.*/)?");
						i += 2;
					}
					else {
						regex.append(".*");
						i++;
					}
				}
				case '/' -> {
					if (glob.startsWith("/**", i) && i + 3 == glob.length()) {
						regex.append("(?:/.*)?");
						i += 2;
					}
					else {
						regex.append('/');
					}
				}
				case '?' -> regex.append("[^/]");
				case '{' -> {
					braces++;
					regex.append("(?:");
				}
				case '}' -> {
					if (braces > 0) {
						braces--;
						regex.append(')');
					}
					else {
						regex.append("\\}");
					}
				}
				case ',' -> regex.append((braces > 0) ? "|" : ",");
				case '[' -> {
					int end = glob.indexOf(']', i + 1);
					if (end < 0) {
						regex.append("\\[");
					}
					else {
						String body = glob.substring(i + 1, end);
						if (body.startsWith("!")) {
							body = "^" + body.substring(1);
						}
						regex.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
						i = end;
					}
				}
				case '\\' -> {
					if (i + 1 < glob.length()) {
						regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
					}
				}
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		if (braces > 0) {
			throw new IllegalArgumentException("unclosed '{' in glob " + glob);
		}
		return regex.toString();
	}

}
