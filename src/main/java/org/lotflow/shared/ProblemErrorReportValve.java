package org.lotflow.shared;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The few refusals Tomcat makes itself, before any of lotflow's code runs (a path with an encoded NUL or an encoded
 * slash, {@code GET /api/lots/%00}, {@code /api/serials/..%2f..}: 400), answered on {@code /api} and
 * {@code /engine-rest} as every other refusal there, RFC 9457 problem+json with a sentence, instead of Tomcat's HTML
 * page (audit finding, 2026-12-04 evening). Elsewhere (the webapps, the Console) Tomcat's page stays, without its
 * version. Only errors no one has written a body for are touched.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowServerInfo(false);
        setShowReport(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        String uri = request.getDecodedRequestURI() != null ? request.getDecodedRequestURI() : request.getRequestURI();
        boolean api = uri != null && (uri.startsWith("/api/") || uri.startsWith("/engine-rest/") || uri.equals("/api"));
        if (!api || status < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
            super.report(request, response, throwable);
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Problems.json(status, status == 400 ? "Invalid request" : "Error",
                        status == 400 ? "The request's address or headers cannot be read (for example an encoded NUL"
                                + " character or an encoded slash in the path): nothing was done"
                                : "The server could not answer this request: nothing was done", null));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone; nothing more to say
        }
    }

    /** Installs the valve on embedded Tomcat's host (before it starts). */
    @Configuration(proxyBeanMethods = false)
    static class Installation {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }
}
