package dev.hearth.crypto;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.privacy.PiiClass;
import dev.hearth.privacy.Redactor;
import dev.hearth.privacy.StandardDetectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Search tokens: words normalised, regulated data never indexed as a word. */
class SearchTokensTest {

	private final FieldCipher cipher = new FieldCipher(new KeyRing(Map.of("k1", FieldCipherTest.K1), null, "test"));

	private final Redactor redactor = new Redactor(StandardDetectors.all("(?i)\\b(?:CUST|CU|NW)[- ]?\\d{6,10}\\b",
			"(?i)\\b(?:ORD|ORDER)[- #]{0,2}\\d{5,12}\\b"));

	private final SearchTokens tokens = new SearchTokens(this.redactor, this.cipher);

	@Test
	void wordsAreNormalisedAndRegulatedDataLeftOut() {
		assertThat(this.tokens
			.words("Mein Café-Konto: card 4242 4242 4242 4242, mail ann.smith@example.com, CUST-1234567!"))
			.containsExactly("mein", "cafe", "konto", "card", "mail")
			.doesNotContain("4242", "ann", "smith", "example", "1234567");
	}

	@Test
	void identifiersAreIndexedSoThatOnlyADataSubjectLookupFindsThem() {
		long[] all = this.tokens.tokens("k1", "I am Ann.Smith@Example.com, customer CUST-1234567");
		long email = this.cipher.token("k1", SearchTokens.identifier(PiiClass.EMAIL, "ann.smith@example.com"));
		long customer = this.cipher.token("k1", SearchTokens.identifier(PiiClass.CUSTOMER_NUMBER, "cust-1234567"));
		assertThat(Arrays.stream(all).boxed().toList()).contains(email, customer)
			.doesNotContain(this.cipher.token("k1", "ann"), this.cipher.token("k1", "1234567"));
		assertThat(SearchTokens.normalisedWords("id:EMAIL:x")).doesNotContain("id:EMAIL:x");
	}

}
