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

    static final ObjectMapper JSON = new ObjectMapper();
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
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            Problems.write(response, 400, "Invalid request", "The submission must be a JSON object", "body");
            return null;
        }
        return (ObjectNode) body;
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
