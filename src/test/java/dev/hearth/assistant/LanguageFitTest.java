package dev.hearth.assistant;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.hearth.knowledge.FaqEntry;
import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * German questions against an FAQ with a few German entries, as in the sample knowledge
 * base, where the bundled English model routed German questions about refunds, eSIMs and
 * roaming to the German billing entry.
 */
class LanguageFitTest {

	private static final Map<String, List<String>> CUSTOMER = Map.of("audience", List.of("customer"));

	private static final FaqEntry DE_BILL = new FaqEntry("de-rechnung-faelligkeit", "Wann ist meine Rechnung fällig?",
			List.of("wann muss ich meine rechnung bezahlen", "Zahlungsfrist Rechnung",
					"wann wird die Lastschrift abgebucht", "warum ist meine erste rechnung so hoch",
					"Mahngebühr wie hoch"),
			"Ihre Rechnung ist 14 Tage nach dem Rechnungsdatum fällig.", "de", CUSTOMER);

	private static final FaqEntry EN_BILL = new FaqEntry("billing-due-date", "When is my bill due?",
			List.of("when do I have to pay", "payment date"), "14 days after the bill date.", "en", CUSTOMER);

	private static final FaqEntry EN_PRICES = new FaqEntry("plans-fibre-prices", "How much are your fibre plans?",
			List.of("price of Fibre 500", "fibre 150 cost per month"), "Fibre 500 is €39.99 a month.", "en", CUSTOMER);

	private static final FaqEntry DE_INTERNAL = new FaqEntry("de-intern", "Wann ist die Rechnung fällig (intern)?",
			List.of(), "Intern.", "de", Map.of("audience", List.of("agent")));

	private static final Map<String, FaqEntry> ENTRIES = Map.of(DE_BILL.id(), DE_BILL, EN_BILL.id(), EN_BILL,
			EN_PRICES.id(), EN_PRICES, DE_INTERNAL.id(), DE_INTERNAL);

	private final LanguageFit englishModel = fit(List.of("en"));

	private static LanguageFit fit(List<String> modelLanguages) {
		return new LanguageFit(modelLanguages, (id) -> Optional.ofNullable(ENTRIES.get(id)), List.of("customer"));
	}

	private static FaqRouting.Routed routed(FaqEntry answering, Object... ranked) {
		List<Answer.Candidate> candidates = new java.util.ArrayList<>();
		for (int i = 0; i < ranked.length; i += 2) {
			candidates.add(new Answer.Candidate((String) ranked[i], (Double) ranked[i + 1]));
		}
		return new FaqRouting.Routed(candidates, candidates.get(0).probability(), Optional.of(answering));
	}

	@Test
	void aGermanQuestionSharingNoWordWithTheGermanEntryIsNotAnsweredByIt() {
		FaqRouting.Routed wrong = routed(DE_BILL, DE_BILL.id(), 0.66, EN_BILL.id(), 0.27);
		FaqRouting.Routed fitted = this.englishModel.faq(wrong, "Wie lange dauert eine Rückerstattung?", "de");
		assertThat(fitted.entry()).isEmpty();
		assertThat(fitted.ranked()).isEqualTo(wrong.ranked());
		assertThat(fitted.confidence()).isEqualTo(0.66);
		// one shared word of four is not enough ("hoch")
		assertThat(this.englishModel.faq(wrong, "Wie hoch ist die Gebühr, wenn ich vorzeitig kündige?", "de").entry())
			.isEmpty();
	}

	@Test
	void aGermanQuestionWithTheEntrysWordsIsAnswered() {
		FaqRouting.Routed right = routed(DE_BILL, DE_BILL.id(), 0.8, EN_BILL.id(), 0.1);
		assertThat(this.englishModel.faq(right, "Wann wird meine Rechnung abgebucht?", "de").entry()).contains(DE_BILL);
		// a German compound holds the entry's word
		assertThat(this.englishModel.faq(right, "Wie viel Zeit habe ich, um die Monatsrechnung zu begleichen?", "de")
			.entry()).contains(DE_BILL);
	}

	@Test
	void aGermanQuestionNamingAnEnglishEntrysProductIsAnswered() {
		FaqRouting.Routed prices = routed(EN_PRICES, EN_PRICES.id(), 0.63, DE_BILL.id(), 0.1);
		assertThat(this.englishModel.faq(prices, "Was kostet Fibre 500 im Monat?", "de").entry()).contains(EN_PRICES);
	}

	@Test
	void aModelThatUnderstandsTheLanguageIsTrusted() {
		FaqRouting.Routed routed = routed(DE_BILL, DE_BILL.id(), 0.66);
		assertThat(fit(List.of("en", "de")).faq(routed, "Wie lange dauert eine Rückerstattung?", "de").entry())
			.contains(DE_BILL);
		assertThat(this.englishModel.faq(routed, "Wie lange dauert eine Rückerstattung?", null).entry())
			.contains(DE_BILL);
	}

	@Test
	void anEntryInTheCustomersLanguageIsPreferredWhenItScoresAlmostAsHigh() {
		LanguageFit multilingual = fit(List.of("en", "de"));
		FaqRouting.Routed close = routed(EN_BILL, EN_BILL.id(), 0.6, DE_INTERNAL.id(), 0.55, DE_BILL.id(), 0.5);
		assertThat(multilingual.faq(close, "Wann muss ich zahlen?", "de").entry()).contains(DE_BILL);
		FaqRouting.Routed far = routed(EN_BILL, EN_BILL.id(), 0.6, DE_BILL.id(), 0.4);
		assertThat(multilingual.faq(far, "Wann muss ich zahlen?", "de").entry()).contains(EN_BILL);
		assertThat(multilingual.faq(close, "when do I have to pay?", "en").entry()).contains(EN_BILL);
	}

	@Test
	void aPassageInTheCustomersLanguageComesFirstWhenItIsAsClose() {
		Passage en = passage("en-1", "en", 0.62);
		Passage en2 = passage("en-2", "en", 0.60);
		Passage de = passage("de-1", "de", 0.58);
		assertThat(this.englishModel.passages(List.of(en, en2, de), "de")).containsExactly(de, en, en2);
		assertThat(this.englishModel.passages(List.of(en, passage("de-2", "de", 0.5)), "de")).first().isEqualTo(en);
		assertThat(this.englishModel.passages(List.of(en, de), "en")).containsExactly(en, de);
		assertThat(this.englishModel.passages(List.of(), "de")).isEmpty();
	}

	private static Passage passage(String id, String language, double similarity) {
		return new Passage(new SearchHit(id, "doc", id, PassageKind.DOCUMENT_CHUNK, "source", "Title", "", "text " + id,
				"/kb/" + id, language, Map.of(), 1f, 1, 1, (float) similarity), similarity);
	}

}
