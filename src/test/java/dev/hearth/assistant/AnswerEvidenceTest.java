package dev.hearth.assistant;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.hearth.knowledge.FaqEntry;
import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.knowledge.Vectors;

class AnswerEvidenceTest {

	private static final FaqEntry FIRST_BILL = new FaqEntry("first-bill", "Why is my first bill higher?",
			List.of("got charged nearly double"), "Monthly plans are charged in advance.", "en",
			Map.of("audience", List.of("customer")));

	/** A toy embedding: the share of each of three topics' words in the text. */
	private static float[] embed(String text) {
		String t = text.toLowerCase(java.util.Locale.ROOT);
		return new float[] { count(t, "twice", "paid", "double"), count(t, "advance", "monthly", "first"),
				count(t, "tv", "box") + 0.01f };
	}

	private static float count(String text, String... words) {
		float n = 0;
		for (String word : words) {
			n += text.contains(word) ? 1 : 0;
		}
		return n;
	}

	private static ExtractiveAnswers.Span span(String heading, String text) {
		SearchHit hit = new SearchHit("refunds", "doc-refunds", "refunds", PassageKind.DOCUMENT_CHUNK,
				"docs/billing/refunds.md", "Refunds", heading, text, "/kb/documents/doc-refunds#chunk-0", "en",
				Map.of(), 1, 1, 1, 0.8f);
		return new ExtractiveAnswers.Span(new Passage(hit, 0.8), heading, text);
	}

	@Test
	void theDocumentsWinWhenTheirSpanIsClearlyCloserToTheQuestion() {
		AnswerEvidence evidence = new AnswerEvidence(AnswerEvidenceTest::embed, AnswerEvidence.MARGIN);
		float[] question = embed("charged twice, paid double");
		assertThat(evidence.documentsWin(question, FIRST_BILL,
				span("You paid twice or paid too much", "If you paid a bill twice, the extra sits as a credit.")))
			.isTrue();
	}

	/** A toy embedding: making a complaint, contacting us, an apology. */
	private static float[] embedComplaint(String text) {
		String t = text.toLowerCase(java.util.Locale.ROOT);
		return new float[] { count(t, "complaint", "make"), count(t, "contact", "phone", "email"),
				count(t, "sorry", "wrong") };
	}

	@Test
	void anEntryKeepsItsOwnQuestionAgainstAHeadingThatRestatesIt() {
		FaqEntry complaints = new FaqEntry("complaints-how", "How do I make a complaint?", List.of(),
				"Contact us by phone or email.", "en", Map.of("audience", List.of("customer")));
		ExtractiveAnswers.Span introduction = span("How to make a complaint",
				"We're sorry if something has gone wrong. Making a complaint is free.");
		AnswerEvidence evidence = new AnswerEvidence(AnswerEvidenceTest::embedComplaint, AnswerEvidence.MARGIN);
		String asked = "how do I make a complaint";
		assertThat(evidence.documentsWin(embedComplaint(asked), complaints, introduction))
			.as("measured by their texts alone, the heading wins")
			.isTrue();
		assertThat(evidence.documentsWin(asked, embedComplaint(asked), complaints, introduction)).isFalse();
	}

	@Test
	void anEntryKeepsAQuestionThatIsOneOfItsPhrasingsPutAnotherWay() {
		FaqEntry complaints = new FaqEntry("complaints-how", "How can I raise an issue?",
				List.of("I want to make a complaint"), "Contact us by phone or email.", "en",
				Map.of("audience", List.of("customer")));
		ExtractiveAnswers.Span introduction = span("How to make a complaint",
				"We're sorry if something has gone wrong. Making a complaint is free.");
		AnswerEvidence evidence = new AnswerEvidence(AnswerEvidenceTest::embedComplaint, AnswerEvidence.MARGIN);
		String asked = "how do I make a complaint";
		assertThat(evidence.documentsWin(asked, embedComplaint(asked), complaints, introduction))
			.as("the company gave this phrasing for the entry")
			.isFalse();
		FaqEntry unphrased = new FaqEntry("complaints-how", "How can I raise an issue?", List.of(),
				"Contact us by phone or email.", "en", Map.of("audience", List.of("customer")));
		assertThat(evidence.documentsWin(asked, embedComplaint(asked), unphrased, introduction)).isTrue();
	}

	@Test
	void theEntryKeepsTiesAndWinsWhenTheDocumentsDoNotAnswer() {
		AnswerEvidence evidence = new AnswerEvidence(AnswerEvidenceTest::embed, AnswerEvidence.MARGIN);
		float[] question = embed("why is my first monthly bill so high");
		assertThat(evidence.documentsWin(question, FIRST_BILL,
				span("Why is my first bill higher?", "Monthly plans are charged in advance.")))
			.isFalse();
		assertThat(evidence.documentsWin(question, FIRST_BILL, null)).isFalse();
		assertThat(evidence.documentsWin(new float[0], FIRST_BILL, span("x", "y"))).isFalse();
	}

	private static final FaqEntry WIFI_PASSWORD = new FaqEntry("router-wifi-password",
			"Where do I find my Wi-Fi password and how do I change it?",
			List.of("forgot wifi password", "how do i log into my router settings"),
			"Your Wi-Fi password is on the sticker on the back of your Hub. If you've reset the Hub, the sticker "
					+ "details apply again.",
			"en", Map.of("audience", List.of("customer")));

	/** A toy embedding for the reset question: sticker and password, reset, router. */
	private static float[] embedRouter(String text) {
		String t = text.toLowerCase(java.util.Locale.ROOT);
		return new float[] { count(t, "sticker", "password"), count(t, "reset", "pinhole", "factory"),
				count(t, "router", "hub") };
	}

	@Test
	void aSectionNamedByWhatTheQuestionAsksAndTheEntryDoesNotWinsByTheSmallerMargin() {
		// "how do I reset my router": the entry was matched on "how do i ... my router";
		// the factory-reset section names the reset, which the entry's question and
		// phrasings never do (its answer mentions a reset in passing)
		ExtractiveAnswers.Span reset = span("9. Reset the Hub to factory settings",
				"Press and hold the reset pinhole on the back of the Hub for 15 seconds.");
		assertThat(AnswerEvidence.sectionNamesWhatEntryDoesNot("how do I reset my router", WIFI_PASSWORD, reset))
			.isTrue();
		assertThat(AnswerEvidence.sectionNamesWhatEntryDoesNot("how do I change my router password", WIFI_PASSWORD,
				span("Changing your Wi-Fi password", "Open the app.")))
			.as("the entry's phrasings name the password")
			.isFalse();
		assertThat(AnswerEvidence.sectionNamesWhatEntryDoesNot("how do I reset my router", WIFI_PASSWORD,
				span("", "Press and hold the reset pinhole.")))
			.as("a span without a heading names nothing")
			.isFalse();
		float[] question = { 0.4f, 1, 1 };
		AnswerEvidence evidence = new AnswerEvidence(AnswerEvidenceTest::embedRouter, AnswerEvidence.MARGIN);
		AnswerEvidence.Comparison comparison = evidence.compare(question, WIFI_PASSWORD, reset);
		assertThat(comparison.document() - comparison.entry()).isBetween(AnswerEvidence.NAMED_MARGIN,
				AnswerEvidence.MARGIN);
		assertThat(evidence.documentsWin("how do I reset my router", question, WIFI_PASSWORD, reset)).isTrue();
		assertThat(evidence.documentsWin(question, WIFI_PASSWORD, reset)).as("by the margin alone").isFalse();
		assertThat(evidence.documentsWin("how do I find my router password", question, WIFI_PASSWORD, reset))
			.as("the section names no word of this question")
			.isFalse();
		assertThat(new AnswerEvidence(AnswerEvidenceTest::embedRouter, AnswerEvidence.MARGIN, 0.85)
			.documentsWin("how do I reset my router", question, WIFI_PASSWORD, reset))
			.as("the span itself is similar enough (0.861)")
			.isTrue();
		assertThat(new AnswerEvidence(AnswerEvidenceTest::embedRouter, AnswerEvidence.MARGIN, 0.87)
			.documentsWin("how do I reset my router", question, WIFI_PASSWORD, reset))
			.as("the span itself is not similar enough")
			.isFalse();
	}

	private static final FaqEntry MOVING = new FaqEntry("moving-house", "I'm moving house. Can I take my broadband?",
			List.of("what equipment do I take when I move"),
			"Tell us 30 days before you move. Take your Hub and TV Box, but leave the fibre box on the wall.", "en",
			Map.of("audience", List.of("customer")));

	/** A toy embedding: moving, returning, equipment. */
	private static float[] embedReturns(String text) {
		String t = text.toLowerCase(java.util.Locale.ROOT);
		return new float[] { count(t, "move", "moving"), count(t, "return", "send back"),
				count(t, "equipment", "hub", "box") };
	}

	@Test
	void aSectionNamedByWhatTheEntryNeverSaysNeedNotReachTheLeastSimilarity() {
		// "what equipment do I have to return when I leave": the moving entry names the
		// equipment (its phrasing) but never a return; "Returning your equipment" does
		ExtractiveAnswers.Span returning = span("Returning your equipment",
				"Send back your equipment within 30 days of your service ending.");
		String asked = "what equipment do I have to return when I leave";
		assertThat(AnswerEvidence.sectionNamesWhatEntryNeverSays(asked, MOVING, returning)).isTrue();
		assertThat(AnswerEvidence.sectionNamesWhatEntryNeverSays("what equipment do I take when I move", MOVING,
				span("Equipment", "The Hub remains our property.")))
			.as("the entry says every word the heading names")
			.isFalse();
		assertThat(AnswerEvidence.sectionNamesWhatEntryNeverSays("how do I reset my router", WIFI_PASSWORD,
				span("9. Reset the Hub to factory settings", "Press and hold the reset pinhole.")))
			.as("the entry's answer mentions the reset")
			.isFalse();
		float[] question = { 0.3f, 1, 1 };
		AnswerEvidence evidence = new AnswerEvidence(AnswerEvidenceTest::embedReturns, AnswerEvidence.MARGIN, 0.99);
		AnswerEvidence.Comparison comparison = evidence.compare(question, MOVING, returning);
		assertThat(comparison.document()).isLessThan(0.99)
			.isGreaterThan(comparison.entry() + AnswerEvidence.NAMED_MARGIN);
		assertThat(evidence.documentsWin(asked, question, MOVING, returning)).isTrue();
		assertThat(evidence.documentsWin("what equipment do I take with me", question, MOVING, returning))
			.as("a heading word the entry says: the least similarity applies")
			.isFalse();
	}

	@Test
	void theEntryAnswerAndTheSpanAreEmbeddedOnceThroughTheKnowledgeTextCache() {
		AtomicInteger calls = new AtomicInteger();
		KnowledgeTextEmbeddings cache = new KnowledgeTextEmbeddings((text) -> {
			calls.incrementAndGet();
			return embed(text);
		});
		AnswerEvidence evidence = new AnswerEvidence(cache::embed, AnswerEvidence.MARGIN);
		float[] question = embed("paid twice");
		AnswerEvidence.Comparison first = evidence.compare(question, FIRST_BILL, span("Paid twice", "paid twice"));
		AnswerEvidence.Comparison again = evidence.compare(question, FIRST_BILL, span("Paid twice", "paid twice"));
		// one entry answer, one span: each embedded once, the same figures
		assertThat(calls).hasValue(2);
		assertThat(again).isEqualTo(first);
	}

	@Test
	void aCrossReferenceInBracketsCoversNoWordOfTheQuestion() {
		FaqEntry invoices = new FaqEntry("billing-download-invoice", "How do I download a copy of my invoice?",
				List.of("download invoice"), "Go to Billing > Invoices in My Account.", "en",
				Map.of("audience", List.of("customer")));
		ExtractiveAnswers.Span paper = span("Paper bills",
				"Large-print and braille bills are always free (see Accessibility services).");
		assertThat(AnswerEvidence.Coverage.compare("where can i see my bill", invoices, paper))
			.as("'see' is only in the reference to another page")
			.isZero();
	}

	private static final FaqEntry INSTALLATION = new FaqEntry("install-what-to-expect",
			"What happens during the fibre installation?", List.of("how long does it take"),
			"An engineer runs fibre into your home and connects your Hub.", "en",
			Map.of("audience", List.of("customer")));

	/**
	 * A toy embedding on which the general entry is as close as the missed-visit span.
	 */
	private static float[] embedVisit(String text) {
		String t = text.toLowerCase(java.util.Locale.ROOT);
		return new float[] { count(t, "engineer"), count(t, "install", "fibre", "credit") * 0.3f };
	}

	@Test
	void aSpanThatCoversTheWholeQuestionWhereTheEntryDoesNotWinsWithoutTheMargin() {
		ExtractiveAnswers.Span missed = span("If we miss the appointment",
				"If our engineer doesn't turn up, we automatically credit €30 to your account.");
		String asked = "engineer didnt turn up for installation";
		// the span's page title ("Refunds" here) does not name the installation
		assertThat(AnswerEvidence.Coverage.compare(asked, INSTALLATION, missed)).isZero();
		ExtractiveAnswers.Span onItsPage = new ExtractiveAnswers.Span(
				new Passage(
						new SearchHit("install", "doc", "install", PassageKind.DOCUMENT_CHUNK,
								"docs/installation/installation-appointment.md", "Your installation appointment",
								"If we miss the appointment", missed.text(), "/kb/d#0", "en", Map.of(), 1, 1, 1, 0.4f),
						0.4),
				missed.heading(), missed.text());
		assertThat(AnswerEvidence.Coverage.compare(asked, INSTALLATION, onItsPage))
			.as("'didnt' is no topic word; engineer, turn and installation are all around the span")
			.isEqualTo(1);
		assertThat(AnswerEvidence.Coverage.compare("what does the engineer do at the installation", INSTALLATION,
				onItsPage))
			.as("the entry covers it as well")
			.isZero();
		float[] question = embedVisit(asked);
		assertThat(new AnswerEvidence(AnswerEvidenceTest::embedVisit, AnswerEvidence.MARGIN, 0.45).documentsWin(asked,
				question, INSTALLATION, onItsPage))
			.isTrue();
		assertThat(new AnswerEvidence(AnswerEvidenceTest::embedVisit, AnswerEvidence.MARGIN, 0.45).documentsWin(
				"engineer for installation", embedVisit("engineer for installation"), INSTALLATION, onItsPage))
			.as("covered by both: the margin and the least similarity apply")
			.isFalse();
	}

	@Test
	void neverSaysWhatWentWrongAndIsNoTopicWordOfTheComparison() {
		ExtractiveAnswers.Span onItsPage = new ExtractiveAnswers.Span(
				new Passage(new SearchHit("install", "doc", "install", PassageKind.DOCUMENT_CHUNK,
						"docs/installation/installation-appointment.md", "Your installation appointment",
						"If we miss the appointment",
						"If our engineer doesn't turn up, we automatically credit €30 to your account.", "/kb/d#0",
						"en", Map.of(), 1, 1, 1, 0.4f), 0.4),
				"If we miss the appointment",
				"If our engineer doesn't turn up, we automatically credit €30 to your account.");
		assertThat(AnswerEvidence.Coverage.compare("what if the engineer never turns up for my installation?",
				INSTALLATION, onItsPage))
			.as("the page says 'doesn't turn up', not 'never': engineer, turn and installation are around the span")
			.isEqualTo(1);
		assertThat(AnswerEvidence.Coverage.saysWhatWentWrong("never")).isTrue();
		assertThat(AnswerEvidence.Coverage.saysWhatWentWrong("didnt")).isTrue();
		assertThat(AnswerEvidence.Coverage.saysWhatWentWrong("engineer")).isFalse();
		assertThat(Answerability.topicWords("the engineer never came")).as("elsewhere it stays a topic word")
			.contains("never");
	}

	@Test
	void cosineOfMismatchedOrEmptyVectorsIsZero() {
		assertThat(Vectors.cosine(new float[] { 1, 0 }, new float[] { 1 })).isZero();
		assertThat(Vectors.cosine(new float[] { 0, 0 }, new float[] { 1, 0 })).isZero();
		assertThat(Vectors.cosine(new float[] { 1, 0 }, new float[] { 2, 0 })).isEqualTo(1.0);
	}

	@Test
	void aSectionHeadedTheOtherWayFromTheQuestionAndTheEntryNeverWins() {
		ExtractiveAnswers.Span bringing = span("Bringing your number to Northwind",
				"Get a porting code from your current provider and give it to us.");
		ExtractiveAnswers.Span taking = span("Taking your number to another provider",
				"Request your porting code in the app.");
		assertThat(AnswerEvidence.headsTheOtherWay("how do I move my number away from you", DirectionCuesTest.LEAVE,
				bringing))
			.isTrue();
		assertThat(AnswerEvidence.headsTheOtherWay("how do I move my number away from you", DirectionCuesTest.LEAVE,
				taking))
			.isFalse();
		// a question that names no direction, or an entry that takes none, leaves the
		// comparison to the similarities
		assertThat(AnswerEvidence.headsTheOtherWay("porting code", DirectionCuesTest.LEAVE, bringing)).isFalse();
		assertThat(AnswerEvidence.headsTheOtherWay("how do I move my number away from you", FIRST_BILL, bringing))
			.isFalse();
	}

	/**
	 * An embedding that puts the question at the given similarities to the texts: the
	 * question on one axis, every other text at its cosine to it.
	 */
	private static java.util.function.Function<String, float[]> atSimilarities(Map<String, Double> similarities) {
		return (text) -> {
			double c = similarities.getOrDefault(text, 1.0);
			return new float[] { (float) c, (float) Math.sqrt(1 - c * c) };
		};
	}

	private static ExtractiveAnswers.Span onPage(String title, String sectionPath, String text) {
		SearchHit hit = new SearchHit("c", "d", "g", PassageKind.DOCUMENT_CHUNK, "docs/a.md", title, sectionPath, text,
				"/kb/d#0", "en", Map.of(), 1, 1, 1, 0.8f);
		return new ExtractiveAnswers.Span(new Passage(hit, 0.8), ExtractiveAnswers.heading(sectionPath), text);
	}

	@Test
	void aSectionAboutTheThingItselfBeatsAnEntryAboutSomethingDoneWithItByTheNamedMargin() {
		FaqEntry esim = new FaqEntry("esim-setup", "How do I get and set up an eSIM?", List.of("can I have an esim"),
				"eSIMs are free on all plans. To switch, go to Mobile > SIM > Switch to eSIM.", "en",
				Map.of("audience", List.of("customer")));
		ExtractiveAnswers.Span intro = onPage("eSIM", "eSIM", "An eSIM is a digital SIM built into your phone.");
		// the measured similarities of "what is an eSIM?": the entry 0.630, the span
		// 0.778
		AnswerEvidence evidence = new AnswerEvidence(atSimilarities(
				Map.of(esim.answer(), 0.630, intro.shown(), 0.778, esim.question(), 0.7, "can I have an esim", 0.6)),
				AnswerEvidence.MARGIN, 0.45);
		float[] question = { 1, 0 };
		assertThat(evidence.documentsWin("what is an eSIM?", question, esim, intro)).isTrue();
		assertThat(evidence.documentsWin("how do I set up an esim", question, esim, intro))
			.as("the entry's own action asked: the usual margin")
			.isFalse();
	}

	@Test
	void aSpanThatNamesTheKindAskedBeatsAnEntryAboutAnotherKindWhenAboutAsClose() {
		FaqEntry keep = new FaqEntry("porting-keep-number", "Can I keep my mobile number when I join?",
				List.of("keep my number"), "Yes, and it's free. Get a porting code from your current provider.", "en",
				Map.of("audience", List.of("customer")));
		ExtractiveAnswers.Span home = onPage("Keeping your number", "Keeping your number > Home phone numbers",
				"If you have Fibre Voice, you can bring your landline number too.");
		// the measured similarities of "can I keep my landline number if I switch to
		// you?": the entry 0.580, the span 0.610
		AnswerEvidence evidence = new AnswerEvidence(
				atSimilarities(
						Map.of(keep.answer(), 0.580, home.shown(), 0.610, keep.question(), 0.7, "keep my number", 0.6)),
				AnswerEvidence.MARGIN, 0.45);
		assertThat(evidence.documentsWin("can I keep my landline number if I switch to you?", new float[] { 1, 0 },
				keep, home))
			.isTrue();
		assertThat(evidence.documentsWin("can I keep my number if I switch to you?", new float[] { 1, 0 }, keep, home))
			.as("no kind asked")
			.isFalse();
	}

	@Test
	void anEntryThatStatesTheWayAskedIsNotBeatenByASpanThatStatesNone() {
		FaqEntry payment = new FaqEntry("payment-methods", "How can I pay my bill?",
				List.of("update my bank details for direct debit"),
				"You can pay by direct debit, card or bank transfer. Change your payment method or bank details in "
						+ "My Account under Billing > Payment method.",
				"en", Map.of("audience", List.of("customer")));
		ExtractiveAnswers.Span when = onPage("Payment methods", "Payment methods > Direct debit (recommended)",
				"If you change your bank details at least 5 working days before your next due date, the new account "
						+ "is used for that bill.");
		// the measured similarities of "how do I change my bank details for the direct
		// debit?": the entry 0.464, the span 0.695
		AnswerEvidence evidence = new AnswerEvidence(atSimilarities(Map.of(payment.answer(), 0.464, when.shown(), 0.695,
				payment.question(), 0.5, "update my bank details for direct debit", 0.6)), AnswerEvidence.MARGIN, 0.45);
		float[] question = { 1, 0 };
		assertThat(
				evidence.documentsWin("how do I change my bank details for the direct debit?", question, payment, when))
			.isFalse();
		assertThat(evidence.documentsWin("when does a change of bank details for the direct debit apply?", question,
				payment, when))
			.as("no way asked")
			.isTrue();
	}

	@Test
	void anEntrySharingOnlyTheQualifyingClauseGivesWayToTheSpanThatNamesTheMainClause() {
		FaqEntry leave = new FaqEntry("contract-early-termination-fee",
				"How much does it cost to leave before my contract ends?", List.of("early termination fee"),
				"During your minimum term, the early termination charge is your monthly price for each month left.",
				"en", Map.of("audience", List.of("customer")));
		ExtractiveAnswers.Span change = onPage("Fibre broadband plans and prices",
				"Fibre broadband plans and prices > Upgrading and downgrading",
				"You can upgrade to a faster plan at any time under Plan > Change plan.");
		assertThat(AnswerEvidence.sharesOnlyTheQualifyingClause("can I change my plan before the contract ends", leave,
				change))
			.isTrue();
		assertThat(AnswerEvidence.sharesOnlyTheQualifyingClause("can I leave my contract early before it ends", leave,
				change))
			.as("the main clause is the entry's")
			.isFalse();
		assertThat(AnswerEvidence.sharesOnlyTheQualifyingClause("can I change my plan", leave, change))
			.as("no qualifying clause")
			.isFalse();
		assertThat(AnswerEvidence.sharesOnlyTheQualifyingClause("what happens before the contract ends", leave, change))
			.as("a main clause of one topic word")
			.isFalse();
		// the measured similarities: the entry 0.377, the span 0.359
		AnswerEvidence evidence = new AnswerEvidence(atSimilarities(Map.of(leave.answer(), 0.377, change.shown(), 0.359,
				leave.question(), 0.7, "early termination fee", 0.6)), AnswerEvidence.MARGIN, 0.45);
		assertThat(evidence.documentsWin("can I change my plan before the contract ends", new float[] { 1, 0 }, leave,
				change))
			.isTrue();
	}

}
