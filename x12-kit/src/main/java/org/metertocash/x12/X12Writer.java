package org.metertocash.x12;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/**
 * Writes interchanges with StAEDI (ANSI X12 004010, delimiters ~ * > ^, one segment per line), validated as they
 * are written against the control schema and each transaction set's schema. Segment counts (SE01), transaction
 * counts (GE01) and group counts (IEA01) are computed here, never passed in.
 */
public final class X12Writer {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private final X12Schemas schemas;
    private final Schema controlSchema;

    public X12Writer(X12Schemas schemas) {
        this.schemas = schemas;
        try {
            this.controlSchema = SchemaFactory.newFactory().getControlSchema(EDIStreamConstants.Standards.X12,
                    new String[] { "00401" });
        } catch (EDISchemaException e) {
            throw new IllegalStateException("StAEDI has no X12 00401 control schema", e);
        }
    }

    public byte[] write(OutboundInterchange interchange) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIStreamConstants.Delimiters.SEGMENT, Delimiters.STANDARD.segment());
        factory.setProperty(EDIStreamConstants.Delimiters.DATA_ELEMENT, Delimiters.STANDARD.element());
        factory.setProperty(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT, Delimiters.STANDARD.component());
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        try {
            EDIStreamWriter writer = factory.createEDIStreamWriter(out);
            writer.setControlSchema(controlSchema);
            writer.startInterchange();
            segment(writer, "ISA", "00", " ".repeat(10), "00", " ".repeat(10), interchange.senderQualifier(),
                    pad(interchange.senderId(), 15), interchange.receiverQualifier(), pad(interchange.receiverId(), 15),
                    interchange.preparedAt().format(YYMMDD), interchange.preparedAt().format(HHMM), "U", "00401",
                    interchange.controlNumber(), "0", interchange.usageIndicator(),
                    String.valueOf(Delimiters.STANDARD.component()));
            for (OutboundInterchange.Group group : interchange.groups()) {
                segment(writer, "GS", group.functionalId(), group.sender(), group.receiver(),
                        interchange.preparedAt().format(CCYYMMDD), interchange.preparedAt().format(HHMM),
                        group.controlNumber(), "X", "004010");
                for (OutboundInterchange.Transaction transaction : group.transactions()) {
                    segment(writer, "ST", transaction.type(), transaction.controlNumber());
                    schemas.forTransaction(transaction.type()).ifPresent(writer::setTransactionSchema);
                    for (Segment body : transaction.body()) {
                        segment(writer, body.tag(), body.elements().toArray(String[]::new));
                    }
                    segment(writer, "SE", Integer.toString(transaction.body().size() + 2), transaction.controlNumber());
                }
                segment(writer, "GE", Integer.toString(group.transactions().size()), group.controlNumber());
            }
            segment(writer, "IEA", Integer.toString(interchange.groups().size()), interchange.controlNumber());
            writer.endInterchange();
            writer.close();
        } catch (EDIStreamException | io.xlate.edi.stream.EDIValidationException e) {
            // a segment the schema refuses is the caller's content error, whichever way StAEDI reports it
            throw new IllegalArgumentException("cannot write interchange " + interchange.controlNumber() + ": "
                    + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void segment(EDIStreamWriter writer, String tag, String... elements) throws EDIStreamException {
        writer.writeStartSegment(tag);
        int last = elements.length;
        while (last > 0 && (elements[last - 1] == null || elements[last - 1].isEmpty())) {
            last--;
        }
        for (int i = 0; i < last; i++) {
            if (elements[i] == null || elements[i].isEmpty()) {
                writer.writeEmptyElement();
            } else {
                writer.writeElement(elements[i]);
            }
        }
        writer.writeEndSegment();
    }

    private static String pad(String value, int length) {
        return value.length() >= length ? value.substring(0, length) : value + " ".repeat(length - value.length());
    }
}
