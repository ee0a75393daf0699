package org.metertocash.x12;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;

/** The transaction set schemas the gateway reads and writes, loaded once from {@code x12/004010/<set>.xml}. */
public final class X12Schemas {

    private final Map<String, Optional<Schema>> cache = new ConcurrentHashMap<>();

    public Optional<Schema> forTransaction(String transactionSet) {
        if (transactionSet == null || !transactionSet.matches("\\d{3}")) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(transactionSet, X12Schemas::load);
    }

    private static Optional<Schema> load(String transactionSet) {
        URL url = X12Schemas.class.getClassLoader().getResource("x12/004010/" + transactionSet + ".xml");
        if (url == null) {
            return Optional.empty();
        }
        try {
            SchemaFactory factory = SchemaFactory.newFactory();
            // includes (common-segments.xml) resolve next to the schema, in a jar or a folder alike
            String location = url.toString();
            factory.setProperty(SchemaFactory.SCHEMA_LOCATION_URL_CONTEXT,
                    new URL(location.substring(0, location.lastIndexOf('/') + 1)));
            return Optional.of(factory.createSchema(url));
        } catch (EDISchemaException | java.net.MalformedURLException e) {
            throw new IllegalStateException("the schema of transaction set " + transactionSet + " is invalid", e);
        }
    }
}
