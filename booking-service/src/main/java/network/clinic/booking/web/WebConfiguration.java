package network.clinic.booking.web;

import network.clinic.booking.BookingProperties;
import network.clinic.support.web.RequestSizeLimitFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  /** First in the chain, so no other filter reads an oversized body either. */
  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(
      BookingProperties properties) {
    DataSize maxSize = properties.maxRequestSize();
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxSize));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/api/*");
    return registration;
  }
}
