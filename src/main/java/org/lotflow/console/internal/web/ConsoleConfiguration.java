package org.lotflow.console.internal.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The Console's CSRF check on {@code /console/*}, right after the login check (security module). */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    @Bean
    FilterRegistrationBean<ConsoleCsrfFilter> consoleCsrfFilter() {
        FilterRegistrationBean<ConsoleCsrfFilter> registration = new FilterRegistrationBean<>(new ConsoleCsrfFilter());
        registration.setName("lotflow-console-csrf");
        registration.addUrlPatterns("/console/*", "/console");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
        return registration;
    }

    /** After the CSRF check: a forged form is refused as such, whatever it holds. */
    @Bean
    FilterRegistrationBean<ConsoleInputFilter> consoleInputFilter() {
        FilterRegistrationBean<ConsoleInputFilter> registration = new FilterRegistrationBean<>(new ConsoleInputFilter());
        registration.setName("lotflow-console-input");
        registration.addUrlPatterns("/console/*", "/console");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 22);
        return registration;
    }
}
