package org.lotflow.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * GS1's EPCIS 2.0 JSON Schema ({@code src/test/resources/epcis/EPCIS-JSON-Schema.json}, draft-07; provenance in
 * {@code PROVENANCE.md} beside it) with networknt's json-schema-validator, format assertions on (so every
 * {@code uri} and {@code date-time} is checked, not only the structure). Read from the class path, nothing
 * fetched.
 */
public final class EpcisSchema {

    private static final Schema SCHEMA = load();

    private EpcisSchema() {
    }

    private static Schema load() {
        try (InputStream in = EpcisSchema.class.getResourceAsStream("/epcis/EPCIS-JSON-Schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What makes {@code document} invalid against the schema, one line each; empty when it is valid. */
    public static List<String> errors(JsonNode document) {
        List<Error> errors = SCHEMA.validate(document,
                context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)));
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }
}
