package dev.hearth.privacy;

import java.math.BigInteger;

/**
 * The checksums that tell real account and card numbers from other digit runs.
 * Thread-safe: stateless.
 */
final class Checksums {

	private Checksums() {
	}

	/** Luhn (mod 10) over the digits of a card number; separators are ignored. */
	static boolean luhn(String value) {
		String digits = value.replaceAll("[^0-9]", "");
		if (digits.length() < 13 || digits.length() > 19) {
			return false;
		}
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

	/**
	 * ISO 13616 IBAN check: move the first four characters to the end, letters to
	 * numbers, mod 97 = 1.
	 */
	static boolean iban(String value) {
		String iban = value.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
		if (iban.length() < 15 || iban.length() > 34) {
			return false;
		}
		String rearranged = iban.substring(4) + iban.substring(0, 4);
		StringBuilder number = new StringBuilder();
		for (char c : rearranged.toCharArray()) {
			if (Character.isDigit(c)) {
				number.append(c);
			}
			else if (c >= 'A' && c <= 'Z') {
				number.append(c - 'A' + 10);
			}
			else {
				return false;
			}
		}
		return new BigInteger(number.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
	}

	/** Dutch BSN: the 11-test. */
	static boolean bsn(String value) {
		String digits = value.replaceAll("[^0-9]", "");
		if (digits.length() != 9) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += (9 - i) * (digits.charAt(i) - '0');
		}
		sum -= digits.charAt(8) - '0';
		return sum % 11 == 0 && sum != 0;
	}

	/**
	 * German tax identification number (Steuer-ID): 11 digits, the first not 0; in the
	 * first ten one digit occurs two or three times (never three in a row) and every
	 * other at most once; the last is the ISO 7064 MOD 11,10 check digit.
	 */
	static boolean steuerId(String value) {
		String digits = value.replaceAll("[^0-9]", "");
		if (digits.length() != 11 || digits.charAt(0) == '0') {
			return false;
		}
		int[] counts = new int[10];
		for (int i = 0; i < 10; i++) {
			counts[digits.charAt(i) - '0']++;
		}
		int repeated = 0;
		for (int count : counts) {
			if (count > 3) {
				return false;
			}
			if (count > 1) {
				repeated++;
			}
		}
		if (repeated != 1 || digits.substring(0, 10).matches(".*(\\d)\\1\\1.*")) {
			return false;
		}
		int product = 10;
		for (int i = 0; i < 10; i++) {
			int sum = (digits.charAt(i) - '0' + product) % 10;
			product = ((sum == 0) ? 10 : sum) * 2 % 11;
		}
		int check = 11 - product;
		return ((check == 10) ? 0 : check) == digits.charAt(10) - '0';
	}

}
