package org.lotflow.security;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.lotflow.shared.Problems;

/**
 * The JSON bodies {@link EngineSurfaceGuard} reads before the engine does: read once (at most 1 MB, 413 beyond; 400
 * when not a JSON object), checked or cleaned (a signature password taken out), then handed on as the request's
 * body in place of the original ({@link #replay}).
 */
final class EngineRequestBodies {

    /** Decimals read as written (30.0000000000000001 stays that, for {@link FormSchema} to refuse), never as doubles. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // a second JSON document after the first is refused, not dropped unread (re-test 2026-12-06 R6)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int MAX_BODY = 1024 * 1024;

    private EngineRequestBodies() {
    }

    /** The request's body as a JSON object (empty: {}), or null after refusing it (413 too large, 400 not an object). */
    static ObjectNode jsonObject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] raw = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (raw.length > MAX_BODY) {
            Problems.write(response, 413, "Request too large", "A submission may be at most 1 MB", null);
            return null;
        }
        JsonNode body;
        try {
            body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        } catch (IOException | NumberFormatException e) {
            body = null; // a number no reader can hold (1e9999999999) too (re-test 2026-12-06 Y9)
        }
        if (body == null || !body.isObject()) {
            Problems.write(response, 400, "Invalid request", "The submission must be a JSON object", "body");
            return null;
        }
        return (ObjectNode) body;
    }

    /**
     * The request, its JSON body read and given again, or null after refusing it (400 naming the JSON path): no text of
     * a submission to the engine (a task comment, a user's e-mail, a filter's description, any variable) holds a NUL
     * or a direction override or isolate, which would make screens and reports show another text than the one stored
     * (re-test 2026-12-06 E5: comments and e-mails kept them; {@link org.lotflow.shared.StrictJson#BIDI_REFUSED}).
     * A body that is not JSON, or not readable, goes on as it came: the engine answers it.
     */
    static HttpServletRequest withVisibleText(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            return multipartWithVisibleText(request, response, type);
        }
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            return request;
        }
        java.util.regex.Matcher charset = java.util.regex.Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)")
                .matcher(type);
        if (charset.find() && !charset.group(1).replace("-", "").equalsIgnoreCase("utf8")) {
            // JSON travels in UTF-8 (RFC 8259 §8.1); read otherwise, "café" in ISO-8859-1 was refused as a text of the
            // wrong shape (auditor 2026-12-06 G14)
            Problems.write(response, 415, "Unsupported media type", "The body is JSON in " + charset.group(1)
                    + ": send it in UTF-8 (Content-Type: application/json; charset=UTF-8, or no charset); nothing was"
                    + " changed", "Content-Type");
            return null;
        }
        // the whole body, given again as it came (its size is bounded before: lotflow.api.max-request-size)
        byte[] raw = request.getInputStream().readAllBytes();
        HttpServletRequest again = replay(request, raw);
        if (raw.length == 0) {
            return again;
        }
        JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            // the engine's own reader fails the same way, with a 500 naming the library (auditor 2026-12-06 G10)
            Problems.write(response, 400, "Invalid request", "body: the JSON is nested or sized beyond what is read ("
                    + "at most 1000 levels of nested lists and objects); nothing was changed", "body");
            return null;
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            if (!String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
                return again;
            }
            // the engine would read the first document and drop the rest, a variable the form check never saw
            // included (re-test 2026-12-06 R6)
            Problems.write(response, 400, "Invalid request", "body: the body holds something after its JSON value (a"
                    + " second document, or other text); send one JSON value and nothing after it; nothing was changed",
                    "body");
            return null;
        } catch (NumberFormatException e) {
            // a number no reader can hold ("1e9999999999"): it escaped the filter as a 500 (re-test 2026-12-06 Y9)
            Problems.write(response, 400, "Invalid request", "body: a number in the JSON is out of any readable range"
                    + " (an exponent too large); nothing was changed", "body");
            return null;
        } catch (IOException e) {
            return again; // not JSON: the engine says so itself
        }
        if (body.isNull()) {
            // the engine's readers take null for no query at all and fail with a NullPointerException (auditor
            // 2026-12-06 A5)
            Problems.write(response, 400, "Invalid request", "body: the body is JSON null; send a JSON object ({...},"
                    + " {} for none); nothing was changed", "body");
            return null;
        }
        String at = hiddenTextAt(body, "");
        if (at != null) {
            // a variable is named as its form names it ("findings", not "variables.findings.value")
            java.util.regex.Matcher variable = java.util.regex.Pattern.compile(
                    "^(?:variables|modifications|processVariables|localVariables)\\.([^.\\[]+)\\.value$").matcher(at);
            String field = at.isEmpty() ? "body" : variable.matches() ? variable.group(1) : at;
            String text = body.at("/" + at.replace(".", "/").replaceAll("\\[(\\d+)\\]", "/$1")).asText("");
            String why = org.lotflow.shared.StrictJson.hiddenTextRefusal(text);
            Problems.write(response, 400, "Invalid request", field + ": "
                    + (why != null ? why : org.lotflow.shared.StrictJson.BIDI_REFUSED), field);
            return null;
        }
        String expression = QueryExpressions.refusedAt(body);
        if (expression != null) {
            // a query's or a filter's expression is evaluated by the engine: only its query functions (auditor X8, X4)
            Problems.write(response, 400, "Invalid request", QueryExpressions.refusal(expression), expression);
            return null;
        }
        return again;
    }

    /**
     * {@link #withVisibleText} for a multipart form (an attachment: its name, description, type and URL are texts kept
     * and shown; re-test 2026-12-06 F2), read by the engine's own reader ({@code MultipartPayloadProvider}, commons
     * fileupload), so the parts checked are exactly the parts the engine will use, however their headers are spelt
     * (re-test 2026-12-07 G1: a hand-made reader missed {@code NAME="url"}, an unquoted name, {@code BOUNDARY=}, a
     * name after {@code filename=}): every part without a file name is read as text, and an attachment's texts also
     * when sent as a file; a file's content goes on unread. A body the reader cannot read is 400, nothing added. The
     * body is given again whole.
     */
    private static HttpServletRequest multipartWithVisibleText(HttpServletRequest request, HttpServletResponse response,
            String type) throws IOException {
        byte[] raw = request.getInputStream().readAllBytes();
        HttpServletRequest again = replay(request, raw);
        org.camunda.bpm.engine.rest.mapper.MultipartFormData form;
        try {
            jakarta.ws.rs.core.MultivaluedMap<String, String> headers = new jakarta.ws.rs.core.MultivaluedHashMap<>();
            headers.putSingle("content-type", type);
            form = new org.camunda.bpm.engine.rest.mapper.MultipartPayloadProvider().readFrom(
                    org.camunda.bpm.engine.rest.mapper.MultipartFormData.class, null, null,
                    jakarta.ws.rs.core.MediaType.valueOf(type), headers, new java.io.ByteArrayInputStream(raw));
        } catch (RuntimeException unreadable) {
            Problems.write(response, 400, "Invalid request", "The body is not a readable multipart/form-data form (its"
                    + " boundary and parts as RFC 7578 writes them); nothing was added", "body");
            return null;
        }
        for (String name : form.getPartNames()) {
            org.camunda.bpm.engine.rest.mapper.MultipartFormData.FormPart part = form.getNamedPart(name);
            if (part.getFileName() != null && !AttachmentParts.isText(name)) {
                continue; // a file's content is not text; an attachment's texts are read as text however sent (re-test F2)
            }
            String value = part.getTextContent();
            if (value == null) {
                continue; // not text/plain: the engine reads no text from it either
            }
            String why = org.lotflow.shared.StrictJson.hiddenTextRefusal(value);
            if (why != null) {
                Problems.write(response, 400, "Invalid request", name + ": " + why, name);
                return null;
            }
            // the attachment's texts as the engine's columns keep them (auditor 2026-12-07 M2)
            String tooLong = AttachmentParts.refusal(name, value);
            if (tooLong != null) {
                Problems.write(response, 400, "Invalid request", tooLong, name);
                return null;
            }
        }
        return again;
    }

    /** The path of the first text (or field name) holding a NUL or a direction override or isolate, else null. */
    private static String hiddenTextAt(JsonNode node, String path) {
        if (node.isTextual()) {
            return org.lotflow.shared.StrictJson.hiddenTextRefusal(node.textValue()) != null ? path : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String at = hiddenTextAt(node.get(i), path + "[" + i + "]");
                if (at != null) {
                    return at;
                }
            }
        } else if (node.isObject()) {
            for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                java.util.Map.Entry<String, JsonNode> e = it.next();
                String name = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (org.lotflow.shared.StrictJson.hasBidiControl(e.getKey())) {
                    return name;
                }
                String at = hiddenTextAt(e.getValue(), name);
                if (at != null) {
                    return at;
                }
            }
        }
        return null;
    }

    /** The request with {@code body} as its body (the original's stream was read). */
    static HttpServletRequest replay(HttpServletRequest request, byte[] body) {
        return new BodyRequest(request, body);
    }

    /** The request with its body replaced (the signature password taken out). */
    private static final class BodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous body only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getHeader(String name) {
            return "content-length".equalsIgnoreCase(name) ? Integer.toString(body.length) : super.getHeader(name);
        }
    }

    /** The request with its checked JSON body, to pass on (the original body was read once). */
    static jakarta.servlet.http.HttpServletRequest replayed(jakarta.servlet.http.HttpServletRequest request,
            com.fasterxml.jackson.databind.node.ObjectNode body) throws java.io.IOException {
        return replay(request, JSON.writeValueAsBytes(body));
    }
}
