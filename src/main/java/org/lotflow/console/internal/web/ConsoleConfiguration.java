package org.lotflow.console.internal.web;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The Console's filters on {@code /console/*}, right after the login check (security module): the CSRF check,
 * then the check of what a form holds (a forged form is refused as such, whatever it holds).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    @Bean
    FilterRegistrationBean<ConsoleCsrfFilter> consoleCsrfFilter() {
        return onConsole(new ConsoleCsrfFilter(), "lotflow-console-csrf", Ordered.HIGHEST_PRECEDENCE + 21);
    }

    @Bean
    FilterRegistrationBean<ConsoleInputFilter> consoleInputFilter() {
        return onConsole(new ConsoleInputFilter(), "lotflow-console-input", Ordered.HIGHEST_PRECEDENCE + 22);
    }

    private static <F extends Filter> FilterRegistrationBean<F> onConsole(F filter, String name, int order) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.addUrlPatterns("/console/*", "/console");
        registration.setOrder(order);
        return registration;
    }
}
