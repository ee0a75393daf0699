package org.metertocash.dunning.notices;

import java.io.ByteArrayOutputStream;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Renders a filled notice template as a one-notice, letter-size PDF (OpenPDF, standard Helvetica fonts) ready for the
 * print vendor. Pure: no CDI, no database.
 */
public final class NoticePdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10.5f);

    /** @param title the document's title (its metadata) */
    public static byte[] render(List<NoticeTemplate.Block> blocks, String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.LETTER, 60, 60, 54, 54);
        PdfWriter.getInstance(document, out);
        document.addTitle(title);
        document.addCreator("dunning-service");
        document.open();
        for (NoticeTemplate.Block block : blocks) {
            Paragraph paragraph = switch (block.type()) {
                case TITLE -> {
                    Paragraph p = new Paragraph(block.text(), TITLE);
                    p.setAlignment(Element.ALIGN_CENTER);
                    p.setSpacingAfter(12);
                    yield p;
                }
                case HEADING -> {
                    Paragraph p = new Paragraph(block.text(), HEADING);
                    p.setSpacingBefore(8);
                    p.setSpacingAfter(3);
                    yield p;
                }
                case BULLET -> {
                    Paragraph p = new Paragraph("\u2022 " + block.text(), BODY);
                    p.setIndentationLeft(14);
                    p.setFirstLineIndent(-8);
                    yield p;
                }
                case PARAGRAPH -> {
                    Paragraph p = new Paragraph(block.text(), BODY);
                    p.setSpacingAfter(6);
                    yield p;
                }
            };
            document.add(paragraph);
        }
        document.close();
        return out.toByteArray();
    }

    private NoticePdf() {
    }
}
