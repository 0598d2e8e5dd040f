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

	private static final FaqEntry DE_FAULT = new FaqEntry("de-stoerung-melden",
			"Mein Internet funktioniert nicht. Wie melde ich eine Störung?",
			List.of("internet geht nicht", "störung melden", "gibt es eine störung in meiner gegend",
					"router leuchtet rot", "kein internet seit gestern", "Störungsnummer"),
			"Prüfen Sie zuerst die Northwind-App. Starten Sie dann den Hub neu: 30 Sekunden vom Strom trennen.", "de",
			CUSTOMER);

	private static final FaqEntry DE_MOVE = new FaqEntry("de-umzug",
			"Ich ziehe um. Kann ich meinen Anschluss mitnehmen?",
			List.of("umzug internet mitnehmen", "wie melde ich meinen umzug", "was kostet der umzug",
					"neue adresse kein glasfaser, kann ich kündigen", "welche geräte muss ich beim umzug mitnehmen",
					"brauche ich einen neuen vertrag wenn ich umziehe", "Sonderkündigung wegen Umzug"),
			"Ja. Melden Sie den Umzug mindestens 30 Tage vorher. Ist Glasfaser an der neuen Adresse verfügbar, zieht "
					+ "Ihr Tarif ohne neuen Vertrag mit um. Ist kein Anschluss möglich, können Sie mit 30 Tagen Frist "
					+ "ohne Gebühr kündigen.",
			"de", CUSTOMER);

	private static final Map<String, FaqEntry> ENTRIES = Map.of(DE_BILL.id(), DE_BILL, EN_BILL.id(), EN_BILL,
			EN_PRICES.id(), EN_PRICES, DE_INTERNAL.id(), DE_INTERNAL, DE_MOVE.id(), DE_MOVE, DE_FAULT.id(), DE_FAULT);

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
	void aGermanQuestionSharingOnlyAnEntrysDetailsIsNotAnsweredByIt() {
		// "kündigen" and "Vertrag" are each in one phrasing of the moving entry; what it
		// is about (the move, "umziehen", "mitnehmen") the question never names
		FaqRouting.Routed moving = routed(DE_MOVE, DE_MOVE.id(), 0.97, DE_BILL.id(), 0.02);
		assertThat(this.englishModel.faq(moving, "Wie kann ich meinen Vertrag kündigen?", "de").entry()).isEmpty();
		assertThat(this.englishModel
			.faq(moving, "Muss ich die Glasfaserdose an der Wand mitnehmen, wenn ich umziehe?", "de")
			.entry()).contains(DE_MOVE);
		assertThat(this.englishModel.faq(moving, "Was kostet ein Umzug?", "de").entry()).contains(DE_MOVE);
		// "kostet" only asks for an amount ("was kostet der umzug" is a phrasing)
		assertThat(this.englishModel.faq(moving, "Und was kostet das?", "de").entry()).isEmpty();
	}

	@Test
	void aGermanQuestionOfOneTopicWordMetOnlyInAnEntrysDetailIsNotAnsweredByIt() {
		// "Kündigung" meets "kündigen" in one phrasing and one answer sentence of the
		// moving entry; "wie lange dauert" only asks for a length of time
		FaqRouting.Routed moving = routed(DE_MOVE, DE_MOVE.id(), 0.68, DE_BILL.id(), 0.02);
		assertThat(this.englishModel.faq(moving, "wie lange dauert die Kündigung?", "de").entry()).isEmpty();
		assertThat(this.englishModel.faq(moving, "Wie lange dauert der Umzug?", "de").entry()).contains(DE_MOVE);
	}

	@Test
	void twoWordsOfAGermanQuestionMetInOneSentenceOfTheAnswerSupportTheEntry() {
		FaqRouting.Routed fault = routed(DE_FAULT, DE_FAULT.id(), 0.7, DE_MOVE.id(), 0.2);
		assertThat(this.englishModel.faq(fault, "Wie starte ich meinen Router neu?", "de").entry()).contains(DE_FAULT);
		assertThat(this.englishModel.faq(fault, "Gibt es eine Mindestvertragslaufzeit?", "de").entry()).isEmpty();
	}

	@Test
	void aGermanQuestionWhoseThingsTheEntryNeverNamesIsNotAnsweredByIt() {
		// "mitnehmen" is what the moving entry is about, the phone number is not in it
		FaqRouting.Routed moving = routed(DE_MOVE, DE_MOVE.id(), 0.93, DE_BILL.id(), 0.02);
		assertThat(this.englishModel.faq(moving, "Kann ich meine Rufnummer mitnehmen, wenn ich zu euch wechsle?", "de")
			.entry()).isEmpty();
		assertThat(this.englishModel.faq(moving, "kann ich meine rufnummer mitnehmen", "de").entry()).contains(DE_MOVE);
		assertThat(LanguageFit.germanNouns("Wir ziehen um. Wie nehme ich Glasfaser in die neue Wohnung mit?"))
			.containsExactly("Glasfaser", "Wohnung");
		assertThat(LanguageFit.germanNouns("Kann ich mein WLAN-Passwort ändern?")).containsExactly("WLAN-Passwort");
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
