import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Generates the binary sample documents (PDF, DOCX) of the Hearth sample knowledge base from small
 * text sources, and verifies PDFs. Run with {@code generate.sh}; see that script for the classpath.
 *
 * <p>Source format: {@code key: value} header lines (title, subject, keywords, language), a line
 * {@code ---}, then a body where {@code #}, {@code ##}, {@code ###} start headings, {@code - } starts a
 * bullet, and blank lines separate paragraphs.
 *
 * <p>Usage: {@code pdf SRC OUT}, {@code encrypted-pdf SRC OUT USER_PASSWORD}, {@code docx SRC OUT},
 * {@code verify FILE...}.
 */
public class SampleDocs {

  record Block(String kind, String text) {}

  record Source(Map<String, String> meta, List<Block> blocks) {}

  static final Calendar FIXED_DATE = fixedDate();

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "pdf" -> writePdf(parse(Path.of(args[1])), new File(args[2]), null);
      case "encrypted-pdf" -> writePdf(parse(Path.of(args[1])), new File(args[2]), args[3]);
      case "docx" -> writeDocx(parse(Path.of(args[1])), new File(args[2]));
      case "verify" -> {
        boolean ok = true;
        for (int i = 1; i < args.length; i++) {
          ok &= verify(new File(args[i]));
        }
        System.exit(ok ? 0 : 1);
      }
      default -> throw new IllegalArgumentException("unknown command: " + args[0]);
    }
  }

  static Source parse(Path path) throws IOException {
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    Map<String, String> meta = new LinkedHashMap<>();
    int i = 0;
    for (; i < lines.size() && !lines.get(i).equals("---"); i++) {
      String[] kv = lines.get(i).split(":\\s*", 2);
      meta.put(kv[0].trim(), kv[1].trim());
    }
    List<Block> blocks = new ArrayList<>();
    StringBuilder para = new StringBuilder();
    for (i++; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      String kind = null;
      String text = line;
      if (line.startsWith("### ")) {
        kind = "h3";
      } else if (line.startsWith("## ")) {
        kind = "h2";
      } else if (line.startsWith("# ")) {
        kind = "h1";
      } else if (line.startsWith("- ")) {
        kind = "li";
      }
      if (kind != null || line.isEmpty()) {
        if (!para.isEmpty()) {
          blocks.add(new Block("p", para.toString()));
          para.setLength(0);
        }
        if (kind != null) {
          text = line.substring(line.indexOf(' ') + 1);
          blocks.add(new Block(kind, text));
        }
      } else {
        para.append(para.isEmpty() ? "" : " ").append(line);
      }
    }
    if (!para.isEmpty()) {
      blocks.add(new Block("p", para.toString()));
    }
    return new Source(meta, blocks);
  }

  // ---------------------------------------------------------------- PDF

  static final float MARGIN = 56;
  static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

  static final class PdfWriter implements AutoCloseable {
    final PDDocument doc;
    PDPageContentStream out;
    float y;
    int pages;

    PdfWriter(PDDocument doc) {
      this.doc = doc;
    }

    void newPage() throws IOException {
      close();
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      out = new PDPageContentStream(doc, page);
      pages++;
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void line(PDType1Font font, float size, float x, float atY, String text) throws IOException {
      out.beginText();
      out.setFont(font, size);
      out.newLineAtOffset(x, atY);
      out.showText(text);
      out.endText();
    }

    void block(PDType1Font font, float size, float indent, String bullet, String text, float spaceBefore)
        throws IOException {
      float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
      float leading = size * 1.35f;
      List<String> wrapped = wrap(font, size, width, text);
      if (y - spaceBefore - leading * Math.min(wrapped.size(), 3) < MARGIN + 20) {
        newPage();
      } else {
        y -= spaceBefore;
      }
      boolean first = true;
      for (String l : wrapped) {
        if (y - leading < MARGIN + 20) {
          newPage();
        }
        y -= leading;
        if (first && bullet != null) {
          line(font, size, MARGIN + indent - 11, y, bullet);
        }
        line(font, size, MARGIN + indent, y, l);
        first = false;
      }
    }

    @Override
    public void close() throws IOException {
      if (out != null) {
        line(REGULAR, 8, MARGIN, 30, "Northwind Fibre Ltd  |  northwindfibre.example  |  Page " + pages);
        out.close();
        out = null;
      }
    }
  }

  static String safe(String s) {
    StringBuilder b = new StringBuilder();
    for (int cp : s.codePoints().toArray()) {
      String c = Character.toString(cp);
      try {
        REGULAR.encode(c);
        b.append(c);
      } catch (IllegalArgumentException | IOException e) {
        throw new IllegalArgumentException("character not in WinAnsi: " + c + " in: " + s);
      }
    }
    return b.toString();
  }

  static List<String> wrap(PDType1Font font, float size, float width, String text) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : safe(text).split(" ")) {
      String candidate = current.isEmpty() ? word : current + " " + word;
      if (font.getStringWidth(candidate) / 1000 * size > width && !current.isEmpty()) {
        lines.add(current.toString());
        current = new StringBuilder(word);
      } else {
        current = new StringBuilder(candidate);
      }
    }
    if (!current.isEmpty()) {
      lines.add(current.toString());
    }
    return lines;
  }

  static void writePdf(Source src, File target, String userPassword) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(src.meta().get("title"));
      info.setSubject(src.meta().get("subject"));
      info.setKeywords(src.meta().get("keywords"));
      info.setAuthor("Northwind Fibre Ltd");
      info.setCreator("Hearth sample generator");
      info.setCreationDate(FIXED_DATE);
      info.setModificationDate(FIXED_DATE);
      doc.getDocumentCatalog().setLanguage(src.meta().getOrDefault("language", "en"));
      try (PdfWriter w = new PdfWriter(doc)) {
        w.newPage();
        for (Block b : src.blocks()) {
          switch (b.kind()) {
            case "h1" -> w.block(BOLD, 18, 0, null, b.text(), 0);
            case "h2" -> w.block(BOLD, 13, 0, null, b.text(), 14);
            case "h3" -> w.block(BOLD, 11.5f, 0, null, b.text(), 10);
            case "li" -> w.block(REGULAR, 10.5f, 14, "\u2022", b.text(), 3);
            default -> w.block(REGULAR, 10.5f, 0, null, b.text(), 8);
          }
        }
      }
      if (userPassword != null) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy("owner-" + userPassword, userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        policy.setPreferAES(true);
        doc.protect(policy);
      }
      if (userPassword == null) {
        // A fixed document ID (instead of a time-based one) keeps regenerated files byte-identical.
        byte[] id = java.security.MessageDigest.getInstance("MD5")
            .digest(src.meta().get("title").getBytes(StandardCharsets.UTF_8));
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
      }
      doc.save(target);
    }
  }

  static boolean verify(File file) throws IOException {
    try (PDDocument doc = Loader.loadPDF(file)) {
      String text = new PDFTextStripper().getText(doc);
      int words = text.isBlank() ? 0 : text.trim().split("\\s+").length;
      String title = doc.getDocumentInformation().getTitle();
      System.out.printf("OK        %s: %d pages, %d words, title=%s%n", file, doc.getNumberOfPages(), words, title);
      return words > 0 && title != null;
    } catch (InvalidPasswordException e) {
      System.out.printf("PASSWORD  %s: needs a password (%s)%n", file, e.getMessage());
      return file.getName().startsWith("encrypted");
    } catch (IOException e) {
      System.out.printf("BROKEN    %s: %s%n", file, e.getMessage());
      return file.getName().startsWith("corrupt");
    }
  }

  // ---------------------------------------------------------------- DOCX

  static void writeDocx(Source src, File target) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      XWPFStyles styles = doc.createStyles();
      addHeadingStyle(styles, "Heading1", "heading 1", 32, 0);
      addHeadingStyle(styles, "Heading2", "heading 2", 26, 1);
      doc.getProperties().getCoreProperties().setTitle(src.meta().get("title"));
      doc.getProperties().getCoreProperties().setCreator("Northwind Fibre Ltd");
      doc.getProperties().getCoreProperties().setDescription(src.meta().get("subject"));
      for (Block b : src.blocks()) {
        XWPFParagraph p = doc.createParagraph();
        switch (b.kind()) {
          case "h1" -> p.setStyle("Heading1");
          case "h2", "h3" -> p.setStyle("Heading2");
          default -> {}
        }
        p.createRun().setText(b.kind().equals("li") ? "\u2022 " + b.text() : b.text());
      }
      try (OutputStream out = new FileOutputStream(target)) {
        doc.write(out);
      }
    }
  }

  static void addHeadingStyle(XWPFStyles styles, String id, String name, int halfPoints, int outline) {
    CTStyle ct = CTStyle.Factory.newInstance();
    ct.setStyleId(id);
    ct.setType(STStyleType.PARAGRAPH);
    ct.addNewName().setVal(name);
    ct.addNewQFormat();
    if (outline >= 0) {
      ct.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
    }
    var rpr = ct.addNewRPr();
    rpr.addNewB();
    rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
    styles.addStyle(new XWPFStyle(ct, styles));
  }

  static Calendar fixedDate() {
    Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    c.clear();
    c.set(2025, Calendar.MARCH, 1, 9, 0, 0);
    return c;
  }
}
