package dev.hearth.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentParserTest {

	private final DocumentParser parser = new DocumentParser(TestProperties.knowledge());

	@Test
	void htmlKeepsTitleHeadingsAndParagraphsButNotScripts() {
		String html = """
				<html lang="de"><head><title>Störung melden</title><script>var x = 1;</script></head>
				<body><nav>Menu</nav><h1>Störung</h1><p>Bitte prüfen Sie den Router.</p>
				<h2>Hotline</h2><ul><li>0800 123 4567</li><li>Mo–Fr</li></ul>
				<table><tr><td>Tag</td><td>Zeit</td></tr></table></body></html>
				""";
		ParsedDocument parsed = this.parser.parse(html.getBytes(StandardCharsets.UTF_8), "de/stoerung.html", null);
		assertThat(parsed.title()).isEqualTo("Störung melden");
		assertThat(parsed.mediaType()).isEqualTo("text/html");
		assertThat(parsed.blocks()).contains(TextBlock.heading(1, "Störung"),
				TextBlock.paragraph("Bitte prüfen Sie den Router."), TextBlock.heading(2, "Hotline"),
				TextBlock.paragraph("0800 123 4567"));
		assertThat(parsed.blocks()).noneMatch((b) -> b.text().contains("var x") || b.text().equals("Menu"));
	}

	@Test
	void pdfTextAndTitleAreRead() {
		byte[] pdf = TestFiles.pdf("Roaming guide",
				List.of("Roaming in the EU costs nothing extra.", "Outside the EU, daily passes apply."), null);
		ParsedDocument parsed = this.parser.parse(pdf, "guides/roaming.pdf", "en");
		assertThat(parsed.title()).isEqualTo("Roaming guide");
		assertThat(parsed.mediaType()).isEqualTo("application/pdf");
		assertThat(String.join(" ", parsed.blocks().stream().map(TextBlock::text).toList()))
			.contains("Roaming in the EU costs nothing extra.");
	}

	@Test
	void aPdfsHeadingLinesBecomeItsTitleAndSections() throws Exception {
		byte[] pdf = new org.springframework.core.io.ClassPathResource(
				"sample-kb/docs/tv/tv-packages-channel-guide.pdf")
			.getContentAsByteArray();
		List<TextBlock> blocks = this.parser.parse(pdf, "tv/channel-guide.pdf", "en").blocks();
		assertThat(blocks).filteredOn(TextBlock::isHeading)
			.containsExactly(TextBlock.heading(1, "Northwind TV packages and channel guide"),
					TextBlock.heading(2, "TV Essentials - €10 per month"),
					TextBlock.heading(2, "TV Entertainment - €18 per month"),
					TextBlock.heading(2, "Sports add-on - €20 per month"),
					TextBlock.heading(2, "Movies add-on - €12 per month"),
					TextBlock.heading(2, "Kids add-on - €5 per month"),
					TextBlock.heading(2, "World add-on - €7 per month"), TextBlock.heading(2, "Recording and catch-up"),
					TextBlock.heading(2, "Changing your package"));
		assertThat(blocks).contains(TextBlock.paragraph("• 101 Northwind One HD"));
		assertThat(blocks).noneMatch((block) -> block.text().contains("Page 1") || block.text().contains("Page 2"));
	}

	@Test
	void aPdfsRunningHeaderAndPageNumbersAreLeftOut() {
		byte[] pdf = TestFiles.pdfPages("Terms",
				List.of(List.of("Customer terms", "Your contract starts on the day your service goes live.", "1 / 2"),
						List.of("Customer terms", "You can cancel within 14 days of the start.", "2 / 2")));
		List<TextBlock> blocks = this.parser.parse(pdf, "terms.pdf", "en").blocks();
		assertThat(blocks).extracting(TextBlock::text)
			.containsExactly("Customer terms", "Your contract starts on the day your service goes live.",
					"You can cancel within 14 days of the start.");
	}

	@Test
	void rowsOfAPdfTableStayText() {
		byte[] pdf = TestFiles.pdf("Prices",
				List.of("Fibre 150 150 Mbps 29 EUR", "Fibre 500 500 Mbps 39 EUR", "Fibre 900 900 Mbps 49 EUR"), null);
		assertThat(this.parser.parse(pdf, "prices.pdf", "en").blocks()).noneMatch(TextBlock::isHeading);
	}

	@Test
	void plainTextKeepsItsHeadingsAndTitle() {
		ParsedDocument text = this.parser.parse(("Moving house\n\nWhen should I tell you? \nFour weeks ahead, "
				+ "so that\nthe line is ready.\n\nFees\n\nThere is no fee.\n\n- Bring the router\n"
				+ "Keep the cables.")
			.getBytes(), "moving.txt", null);
		assertThat(text.title()).isEqualTo("Moving house");
		assertThat(text.blocks()).containsExactly(TextBlock.heading(1, "Moving house"),
				TextBlock.heading(2, "When should I tell you?"),
				TextBlock.paragraph("Four weeks ahead, so that the line is ready."), TextBlock.heading(2, "Fees"),
				TextBlock.paragraph("There is no fee."), TextBlock.paragraph("- Bring the router Keep the cables."));
	}

	@Test
	void docxTextIsRead() {
		ParsedDocument parsed = this.parser.parse(TestFiles.docx("eSIM", "Scan the QR code to activate your eSIM."),
				"esim.docx", null);
		assertThat(parsed.blocks()).contains(TextBlock.paragraph("Scan the QR code to activate your eSIM."));
	}

	@Test
	void theContentDecidesTheTypeNotTheName() {
		ParsedDocument pdf = this.parser.parse(TestFiles.pdf("Roaming", List.of("Roaming is free in the EU."), null),
				"roaming.md", null);
		assertThat(pdf.mediaType()).isEqualTo("application/pdf");
		assertThat(pdf.blocks()).contains(TextBlock.paragraph("Roaming is free in the EU."));
		ParsedDocument docx = this.parser.parse(TestFiles.docx("eSIM", "Scan the QR code to activate your eSIM."),
				"esim.txt", null);
		assertThat(docx.mediaType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(docx.blocks()).contains(TextBlock.paragraph("Scan the QR code to activate your eSIM."));
		ParsedDocument html = this.parser.parse(
				"<html><head><title>Fees</title></head><body><p>There is no fee.</p></body></html>".getBytes(), "fees",
				null);
		assertThat(html.mediaType()).isEqualTo("text/html");
		assertThat(html.title()).isEqualTo("Fees");
		ParsedDocument text = this.parser.parse("Moving house\n\nTell us four weeks ahead.".getBytes(), "moving.pdf",
				null);
		assertThat(text.mediaType()).isEqualTo("text/plain");
		assertThat(text.blocks()).contains(TextBlock.paragraph("Tell us four weeks ahead."));
	}

	@Test
	void markdownAndPlainTextUseTheirOwnReaders() {
		ParsedDocument markdown = this.parser.parse("# Moving house\n\nTell us four weeks ahead.".getBytes(),
				"moving.md", null);
		assertThat(markdown.title()).isEqualTo("Moving house");
		assertThat(markdown.language()).isEqualTo("en");
		ParsedDocument text = this.parser.parse("Line one\ncontinues.\n\nSecond paragraph.".getBytes(), "notes.txt",
				"fr-CA");
		assertThat(text.title()).isEqualTo("notes");
		assertThat(text.language()).isEqualTo("fr");
		assertThat(text.blocks()).containsExactly(TextBlock.paragraph("Line one continues."),
				TextBlock.paragraph("Second paragraph."));
	}

	@Test
	void badFilesAreRefusedWithAReasonTheAdminCanActOn() {
		assertRejected(new byte[0], "empty.txt", RejectionReason.EMPTY, "empty.txt is empty (0 bytes).");
		assertRejected("%PDF-1.7\n1 0 obj garbage".getBytes(), "corrupt.pdf", RejectionReason.CORRUPT,
				"corrupt.pdf is damaged or not a valid PDF");
		assertRejected(TestFiles.pdf("Secret", List.of("hidden"), "letmein"), "encrypted.pdf",
				RejectionReason.ENCRYPTED,
				"encrypted.pdf is password-protected: remove the password and import it again.");
		assertRejected(TestFiles.png(), "photo.png", RejectionReason.UNSUPPORTED,
				"photo.png is image/png, which Hearth cannot take text from.");
		assertRejected("   \n\n  ".getBytes(), "blank.md", RejectionReason.EMPTY, "blank.md has no text to import");
	}

	private void assertRejected(byte[] bytes, String source, RejectionReason reason, String messageStart) {
		assertThatThrownBy(() -> this.parser.parse(bytes, source, null)).isInstanceOf(DocumentRejectedException.class)
			.satisfies((ex) -> assertThat(((DocumentRejectedException) ex).reason()).isEqualTo(reason))
			.hasMessageStartingWith(messageStart);
	}

}
