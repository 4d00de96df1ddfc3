package org.lotflow.quarantine;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Test only (picked up by the application's component scan in every Spring test context).
 * Engine REST and the webapps take their engine from Camunda's static registry ("default"), and
 * every engine built in the test JVM registers itself there: the H2 context's, the PostgreSQL
 * context's, the process tests' in-memory ones. A request to one context could then reach
 * another context's engine, depending on the order surefire runs the test classes. This filter
 * makes the context that receives a request the registry's default first, as in production,
 * where one JVM runs one engine.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DefaultEnginePerRequestFilter extends OncePerRequestFilter {

    private final ProcessEngine engine;

    DefaultEnginePerRequestFilter(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProcessEngines.registerProcessEngine(engine); // a map put under the engine's name
        chain.doFilter(request, response);
    }
}
