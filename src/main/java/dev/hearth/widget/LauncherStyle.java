package dev.hearth.widget;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The launcher's CSS, inlined into the widget's frame so the launcher paints with the
 * frame's HTML, without waiting for another request; the site's colour is part of it (no
 * flash of the default colour). The frame's Content-Security-Policy allows exactly this
 * style by its SHA-256 hash.
 */
final class LauncherStyle {

	private LauncherStyle() {
	}

	static String read() {
		try (InputStream in = LauncherStyle.class.getResourceAsStream("/static/widget/launcher.css")) {
			if (in == null) {
				throw new IllegalStateException(
						"static/widget/launcher.css is missing: the build copies it from ui/src");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read static/widget/launcher.css", ex);
		}
	}

	/** The launcher's CSS in the site's colour, with text that has AA contrast on it. */
	static String themed(String css, String color) {
		return css + "\n:root { --accent: " + color + "; --on-accent: " + onColor(color) + "; }\n";
	}

	/** White where it has WCAG AA contrast (4.5:1) on {@code color}, else near-black. */
	static String onColor(String color) {
		double white = 1.05 / (luminance(color) + 0.05);
		return (white >= 4.5) ? "#ffffff" : "#111111";
	}

	static String hash(String style) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
			return "sha256-" + Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static double luminance(String color) {
		double luminance = 0;
		double[] weights = { 0.2126, 0.7152, 0.0722 };
		for (int i = 0; i < 3; i++) {
			double c = Integer.parseInt(color.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
			c = (c <= 0.03928) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
			luminance += weights[i] * c;
		}
		return luminance;
	}

}
