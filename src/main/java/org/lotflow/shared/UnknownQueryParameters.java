package org.lotflow.shared;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a query parameter that the {@code /api} endpoint does not take, before anything is read or changed:
 * {@code 400} ({@code application/problem+json}, property {@code field} the parameter's name) with the parameters
 * the endpoint does take. A mistyped filter ({@code GET /api/lots?stauts=ON_HOLD}) was silently ignored and answered
 * every lot, which a QA person reads as "these are the lots on hold" (re-test finding 2026-12-06: "unknown query
 * parameters are ignored on list endpoints"; the developers' guide: bad input always gets a 4xx naming the field).
 *
 * <p>The parameters an endpoint takes are its handler's {@link RequestParam}s (by their name, or the Java parameter's
 * name); an endpoint that takes a map of all parameters takes any. A parameter given twice is refused too (one was
 * read and the other dropped, or both joined: {@code ?status=QUARANTINE&status=RELEASED} answered no lot), unless it
 * takes several values (a list or an array) (re-test 2026-12-07 F10). One that holds only blanks ({@code ?days=%20}) is
 * refused as blank text in a body is (re-test 2026-12-07 L2). A parameter given empty is not refused here:
 * the endpoint reads it (a list as if left out, {@code ?status=} no status filter and a first page's {@code cursor=};
 * a report whose field must not be blank says so). Only lotflow's own handlers are checked, and never an {@code OPTIONS}
 * request (Spring answers it, with the methods allowed: re-test F9, it was a 500). Form fields of a
 * {@code application/x-www-form-urlencoded} body are parameters too in the servlet API: only the query string is
 * checked, so the Console's form posts (not under {@code /api}) and bodies are untouched.
 */
@Configuration(proxyBeanMethods = false)
public class UnknownQueryParameters implements HandlerInterceptor, WebMvcConfigurer {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    /** Per handler method: the names it takes ({@link Accepted#any} when it takes a map of all parameters). */
    private final Map<java.lang.reflect.Method, Accepted> accepted = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    /**
     * Throws {@link InvalidInput} naming a parameter given twice, or the first unknown query parameter (in alphabetical
     * order) with the others.
     */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty() || !(handler instanceof HandlerMethod method)
                || "OPTIONS".equals(request.getMethod())
                || !method.getBeanType().getName().startsWith("org.lotflow.")) {
            return true;
        }
        Accepted names = accepted.computeIfAbsent(method.getMethod(), m -> Accepted.of(method));
        if (names.any()) {
            return true;
        }
        Set<String> unknown = new TreeSet<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (!names.names().contains(name)) {
                unknown.add(name);
                continue;
            }
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!value.isEmpty() && value.isBlank()) {
                // blanks only: not read as left out (Spring made ?days=%20 the default and ?expiringWithinDays=%20 no
                // filter at all), as blank text in a body is refused (re-test 2026-12-07 L2); empty stays the
                // endpoint's to read
                throw new InvalidInput(name, "holds only blanks; give a value (a parameter the request does not require"
                        + " may be left out)");
            }
            if (names.several().contains(name)) {
                continue;
            }
            if (!seen.add(name)) {
                throw new InvalidInput(name, "is given twice; it takes one value");
            }
        }
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            // every unknown name said at once, not one per try (re-test 2026-12-07 N4)
            String others = unknown.size() == 1 ? "" : " (nor " + String.join(", ", unknown.stream().skip(1)
                    .map(n -> n.isEmpty() ? "(unnamed)" : n).toList()) + ")";
            throw new InvalidInput(first.isEmpty() ? "(unnamed)" : first,
                    names.names().isEmpty()
                            ? "is not a parameter of this request" + others + ", which takes none (check the address)"
                            : "is not a parameter of this request" + others + ", which takes "
                                    + String.join(", ", names.names()) + " (check the spelling)");
        }
        return true;
    }

    private static String decode(String raw) {
        try {
            return java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    /** The names a handler takes; {@code several}: those that take several values (a list or an array). */
    private record Accepted(boolean any, Set<String> names, Set<String> several) {

        static Accepted of(HandlerMethod method) {
            Set<String> names = new TreeSet<>();
            Set<String> several = new java.util.HashSet<>();
            for (MethodParameter parameter : method.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param == null) {
                    continue;
                }
                if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                    return new Accepted(true, Set.of(), Set.of());
                }
                String name = param.name().isEmpty() ? param.value() : param.name();
                if (name.isEmpty()) {
                    parameter.initParameterNameDiscovery(NAMES);
                    name = parameter.getParameterName();
                }
                if (name == null) {
                    return new Accepted(true, Set.of(), Set.of());
                }
                names.add(name);
                if (parameter.getParameterType().isArray()
                        || java.util.Collection.class.isAssignableFrom(parameter.getParameterType())) {
                    several.add(name);
                }
            }
            return new Accepted(false, java.util.Collections.unmodifiableSet(names), Set.copyOf(several));
        }
    }
}
