package dev.hearth.assistant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTranslationTest {

	private static final BilingualDictionary DICTIONARY = BilingualDictionary.of(List.of("# a comment line",
			"Gebühr {f}; Entgelt {n} (für eine einzelne Dienstleistung) [fin.] | Gebühren {pl} | eine monatliche Gebühr :: charge (for a single service) | charges | a monthly charge",
			"Gebühr {f} (für einen Verwaltungsakt) [fin.] | Gebühren {pl} :: fee | fees",
			"kosten {vi} | kostend | gekostet :: to cost | costing | cost", "Rechnung {f} (Berechnung) :: calculation",
			"Rechnung {f}; Abrechnung {f} | Rechnungen {pl} :: bill [Br.]; check [Am.] | bills; checks",
			"einrichten {vt} | einrichtend :: to set up; to install | setting up",
			"Jugendschutz {m} :: protection of minors", "vergessen {vt} :: to forget",
			"Monat {m} | Monate {pl} :: month | months", "Termin {m} :: appointment",
			"Installation {f} :: installation", "etw. anfordern {vt} :: to request sth.", "Satellit {m} :: satellite",
			"Wecken {m} [Süddt.] :: bread roll", "Wecker {m} :: alarm clock", "Wechsler {m} :: cambist",
			"wechseln {vt} :: to change", "kündigen {vt} :: to cancel", "kundig {adj} :: skilful"));

	private static final Map<String, Integer> KNOWLEDGE = Map.of("fee", 3, "charge", 2, "bill", 5, "month", 4, "cost",
			6, "set up", 1, "appointment", 2, "installation", 2, "request", 1, "PIN", 2);

	private final QueryTranslation translation = new QueryTranslation(DICTIONARY,
			(phrase) -> KNOWLEDGE.getOrDefault(phrase, 0));

	@Test
	void readsTheHeadwordItsInflectionsAndSynonymsWithoutNotes() {
		assertThat(DICTIONARY.lookup("Gebühr")).containsExactly("charge", "fee");
		assertThat(DICTIONARY.lookup("Gebühren")).containsExactly("charges", "fees", "charge", "fee");
		assertThat(DICTIONARY.lookup("kündige")).containsExactly("cancel");
		assertThat(DICTIONARY.lookup("Monats")).containsExactly("month");
		assertThat(DICTIONARY.lookup("kostet")).contains("cost");
		assertThat(DICTIONARY.lookup("anfordern")).containsExactly("request");
		assertThat(DICTIONARY.lookup("Wecker")).containsExactly("alarm clock");
		assertThat(DICTIONARY.lookup("wechsle")).containsExactly("change");
		assertThat(DICTIONARY.lookup("monatliche")).isEmpty();
	}

	@Test
	void takesTheTranslationTheKnowledgeBaseUsesMost() {
		assertThat(this.translation.translate("Wie hoch ist die Gebühr?")).hasValue("how much is fee?");
		assertThat(this.translation.translate("Was kostet die Rechnung im Monat?"))
			.hasValue("what cost bill in month?");
	}

	@Test
	void keepsTheFirstTranslationOfAThingTheKnowledgeBaseNeverNames() {
		assertThat(this.translation.translate("Gibt es Internet über Satellit?"))
			.hasValue("is there Internet about satellite?");
	}

	@Test
	void joinsASeparableVerbWithItsParticle() {
		assertThat(this.translation.translate("Wie richte ich eine eSIM ein?")).hasValue("how set up I eSIM?");
	}

	@Test
	void splitsCompoundsAtHyphensAndAtTheLinkingS() {
		assertThat(this.translation.translate("Ich habe meine Jugendschutz-PIN vergessen."))
			.hasValue("I have my protection of minors PIN forget");
		assertThat(this.translation.translate("Kann ich den Installationstermin ändern?"))
			.hasValue("can I installation appointment ändern?");
	}

	@Test
	void nothingWhenNoWordIsInTheDictionary() {
		assertThat(this.translation.translate("Wie geht es dir?")).isEmpty();
	}

	@Test
	void noTranslationWithoutADictionaryForTheLanguage() {
		QueryTranslations translations = QueryTranslations.of(Map.of("de", DICTIONARY), (p) -> 0);
		assertThat(translations.translate("Was kostet die Rechnung?", "de")).isPresent();
		assertThat(translations.translate("Was kostet die Rechnung?", "fr")).isEmpty();
		assertThat(translations.translate("Was kostet die Rechnung?", null)).isEmpty();
		assertThat(QueryTranslations.none().translate("Was kostet die Rechnung?", "de")).isEmpty();
	}

	@Test
	void readsAConfiguredFileAndSkipsAMissingOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
			throws java.io.IOException {
		java.nio.file.Path file = folder.resolve("de-en");
		java.nio.file.Files.writeString(file, "kosten {vi} :: to cost\nMonat {m} :: month\n");
		QueryTranslations translations = QueryTranslations.load(
				Map.of("de", file.toString(), "fr", folder.resolve("missing").toString()),
				(phrase) -> KNOWLEDGE.getOrDefault(phrase, 0), (phrase) -> KNOWLEDGE.getOrDefault(phrase, 0));
		assertThat(translations.translate("Was kostet es im Monat?", "de")).hasValue("what cost it in month?");
		assertThat(translations.translate("Combien ça coûte?", "fr")).isEmpty();
	}

	@Test
	void readsEverySenseOfATextsWordsAndKeepsItsOwnWords() {
		assertThat(this.translation.senses("Die Gebühr steht auf der Rechnung im Hub."))
			.contains("charge", "fee", "bill", ContentWords.stem("calculation"), "hub")
			.doesNotContain("die", "auf");
	}

	@Test
	void readsACompoundTheDictionaryDoesNotHoldByItsParts() {
		assertThat(this.translation.senses("Der Installationstermin")).contains(ContentWords.stem("installation"),
				"appointment");
	}

	@Test
	void keepsAnIrregularVerbWhoseFormsAreNotedWithASemicolon() {
		BilingualDictionary dictionary = BilingualDictionary
			.of(List.of("kosten {vi} [fin.] | kostend | es kostet :: to cost {cost; cost} | costing | it costs",
					"behalten {vt} | behaltend | behalten :: to keep {kept; kept} | keeping | kept"));
		assertThat(dictionary.lookup("kosten")).containsExactly("cost");
		assertThat(dictionary.lookup("behalten")).containsExactly("keep", "kept");
	}

	@Test
	void readsAWordTypedWithoutUmlautsAsWrittenWithThem() {
		assertThat(DICTIONARY.lookup("kuendige")).containsExactly("cancel");
		assertThat(DICTIONARY.lookup("Gebuehr")).containsExactly("charge", "fee");
		assertThat(BilingualDictionary.withUmlauts("heisst")).isEqualTo("heißt");
		assertThat(BilingualDictionary.withUmlauts("Tuerkei")).isEqualTo("Türkei");
	}

	@Test
	void countsASenseOfSeveralWordsAsAPhraseAndANounsUnusedPhraseByItsHead() {
		BilingualDictionary dictionary = BilingualDictionary.of(List.of("kosten {vi} :: to set back; to cost",
				"Tarif {m} :: rate; rate plan; tariff", "Mindestalter {n} :: minimum age",
				"Mindestpreis {m} :: minimum price", "Mindestlohn {m} :: minimum wage", "Mindestmaß {n} :: minimum",
				"Mindestwert {m} :: minimum value", "Mindestmenge {f} :: minimum quantity", "Vertrag {m} :: contract",
				"Laufzeit {f} :: running time; term"));
		Map<String, Integer> words = Map.of("set back", 5, "cost", 3, "rate", 2, "plan", 40, "contract", 9, "term", 6);
		Map<String, Integer> phrases = Map.of("cost", 3, "rate", 2, "plan", 40, "contract", 9, "term", 6,
				"minimum contract term", 4);
		QueryTranslation translation = new QueryTranslation(dictionary, (p) -> words.getOrDefault(p, 0),
				(p) -> phrases.getOrDefault(p, 0));
		assertThat(translation.translate("Was kostet es?")).hasValue("what cost it?");
		assertThat(translation.translate("Kann ich meinen Tarif wechseln?")).hasValue("can I my plan wechseln?");
		assertThat(translation.translate("Gibt es eine Mindestvertragslaufzeit?"))
			.hasValue("is there minimum contract term?");
		assertThat(dictionary.asModifier("Mindes")).isEmpty();
	}

	@Test
	void joinsAParticleWithAVerbOnlyNotWithANoun() {
		BilingualDictionary dictionary = BilingualDictionary.of(List.of("Hochrechnung {f} :: projection",
				"Rechnung {f} :: bill", "hoch {adj} :: high", "erste {adj} :: first"));
		QueryTranslation translation = new QueryTranslation(dictionary, (p) -> 0);
		assertThat(translation.translate("Warum ist meine erste Rechnung so hoch?")).hasValue("why is my first bill?");
	}

}
