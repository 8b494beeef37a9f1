package network.clinic.content.web;

import network.clinic.content.ContentProperties;
import network.clinic.support.web.RequestSizeLimitFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Article and import bodies over {@code clinic.content.max-request-size} are refused with 413. */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

  /** Before the security chain and everything else, so no one reads an oversized body. */
  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(ContentProperties properties) {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties.maxRequestSize()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.addUrlPatterns("/api/*");
    return registration;
  }
}
