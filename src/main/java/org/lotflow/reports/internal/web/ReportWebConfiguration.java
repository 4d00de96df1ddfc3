package org.lotflow.reports.internal.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Adds the reports' CSV writer ({@link ReportCsvConverter}) after Spring's converters. */
@Configuration(proxyBeanMethods = false)
public class ReportWebConfiguration implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(new ReportCsvConverter());
    }
}
