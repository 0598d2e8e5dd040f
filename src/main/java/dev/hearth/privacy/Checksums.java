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

}
