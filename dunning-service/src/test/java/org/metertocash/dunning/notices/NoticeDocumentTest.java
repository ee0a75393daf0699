package org.metertocash.dunning.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.metertocash.contracts.common.ServiceAddress;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/**
 * The printed notices: rendered from their templates to PDF, then read back as text the way a customer reads them.
 * A disconnect notice must state everything 16 TAC §25.483(m) asks for.
 */
class NoticeDocumentTest {

    private static final NoticeLetter.Letterhead LETTERHEAD = new NoticeLetter.Letterhead("Lone Star Power",
            "1-800-555-0142", "weekdays 8 to 6", "https://pay.lonestar.example", "Lone Star Power, P.O. Box 1, Dallas, "
                    + "TX 75201", "at any pay station", "Dial 2-1-1 to find a program near you.");
    private static final UUID NOTICE = UUID.fromString("1b0f3c1e-8a55-4d1c-9a3e-2f6f0c7d9e11");
    private static final ServiceAddress ADDRESS = new ServiceAddress("42 Oak Lawn Ave", "Apt 7", "Dallas", "TX",
            "75219", "Dallas");

    private static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            // lines wrap where the page ends them: compare words, not line breaks
            return text.toString().replaceAll("\\s+", " ");
        } finally {
            reader.close();
        }
    }

    private static byte[] render(NoticeLetter letter) {
        return NoticePdf.render(NoticeTemplate.of(letter.kind()).fill(letter.values(LETTERHEAD)), "notice");
    }

    @Test
    void a_disconnect_notice_states_everything_section_25_483_m_requires() throws IOException {
        NoticeLetter letter = new NoticeLetter(NOTICE, "0000000422", "10443720000012345", NoticeKind.DISCONNECT_NOTICE,
                "Dana Smith", ADDRESS, new BigDecimal("1245.67"), LocalDate.of(2026, 12, 7), LocalDate.of(2026, 11, 23));
        byte[] pdf = render(letter);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");

        String text = text(pdf);
        assertThat(text).contains("DISCONNECT NOTICE");
        // the customer's name and service address, the ESI ID
        assertThat(text).contains("Dana Smith").contains("42 Oak Lawn Ave, Apt 7, Dallas, TX 75219")
                .contains("ESI ID: 10443720000012345").contains("Account number: 0000000422");
        // the amount past due and the disconnection date
        assertThat(text).contains("Amount past due: $1,245.67").contains("Disconnection date: Monday, December 7, 2026");
        // how to pay
        assertThat(text).contains("How to pay").contains("https://pay.lonestar.example").contains("1-800-555-0142")
                .contains("Lone Star Power, P.O. Box 1, Dallas, TX 75201").contains("at any pay station");
        // a deferred payment plan is available, and how to ask for one
        assertThat(text).contains("A deferred payment plan is available")
                .contains("To ask for one, call us at 1-800-555-0142 before the disconnection date");
        // energy assistance programs are available, and how to find one
        assertThat(text).contains("Energy assistance programs are available")
                .contains("Dial 2-1-1 to find a program near you.");
        // the reason, the critical care designation and where to complain
        assertThat(text).contains("your electric bill has not been paid")
                .contains("critical care or chronic condition designation")
                .contains("Public Utility Commission of Texas");
    }

    @Test
    void a_line_whose_value_is_empty_is_left_out() throws IOException {
        NoticeLetter letter = new NoticeLetter(NOTICE, "0000000422", "10443720000012345",
                NoticeKind.PREPAY_DISCONNECT_WARNING, "Dana Smith", new ServiceAddress("42 Oak Lawn Ave", null,
                        "Dallas", "TX", "75219", "Dallas"), new BigDecimal("8.12"), null, LocalDate.of(2026, 11, 23));
        String text = text(render(letter));
        assertThat(text).contains("Your prepaid balance is $8.12").contains("42 Oak Lawn Ave, Dallas, TX 75219")
                .doesNotContain("on or after").doesNotContain("null");
    }

    @Test
    void every_kind_of_notice_has_a_template_that_renders() throws IOException {
        for (NoticeKind kind : NoticeKind.values()) {
            NoticeLetter letter = new NoticeLetter(NOTICE, "0000000422", "10443720000012345", kind, "Dana Smith",
                    ADDRESS, new BigDecimal("12.50"), LocalDate.of(2026, 12, 7), LocalDate.of(2026, 11, 23));
            String text = text(render(letter));
            assertThat(text).as(kind.name()).contains("Dana Smith").contains("10443720000012345")
                    .contains(NOTICE.toString()).doesNotContain("{{");
        }
    }

    @Test
    void a_template_naming_a_value_notices_do_not_have_is_an_error() {
        Map<String, String> values = new NoticeLetter(NOTICE, "1", "10443720000012345", NoticeKind.DISCONNECT_NOTICE,
                "Dana", ADDRESS, BigDecimal.ONE, LocalDate.of(2026, 12, 7), LocalDate.of(2026, 11, 23))
                .values(LETTERHEAD);
        values.remove("esiId");
        assertThatThrownBy(() -> NoticeTemplate.of(NoticeKind.DISCONNECT_NOTICE).fill(values))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{{esiId}}");
    }

    @Test
    void the_manifest_quotes_fields_that_need_it() {
        assertThat(PrintManifest.field("Smith, Dana")).isEqualTo("\"Smith, Dana\"");
        assertThat(PrintManifest.field("the \"big\" house")).isEqualTo("\"the \"\"big\"\" house\"");
        assertThat(PrintManifest.field(null)).isEmpty();
        assertThat(PrintManifest.field("Dallas")).isEqualTo("Dallas");
    }
}
