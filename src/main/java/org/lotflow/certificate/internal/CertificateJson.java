package org.lotflow.certificate.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.lotflow.certificate.CertificateView;

/**
 * A certificate's content as stored in {@code certificate.content}: the view as issued, without its
 * standing (status, superseded by). Decimals are read back exactly as written (BigDecimal, no double).
 */
final class CertificateJson {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private CertificateJson() {
    }

    static String write(CertificateView content) {
        try {
            return JSON.writeValueAsString(content.standing(null, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("certificate content is not serializable", e);
        }
    }

    static CertificateView read(String json) {
        try {
            return JSON.readValue(json, CertificateView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored certificate content is unreadable", e);
        }
    }
}
