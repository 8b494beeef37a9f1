package network.clinic.booking.appointment;

import network.clinic.booking.BookingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AppointmentConfiguration {

  @Bean
  WebMvcConfigurer bookingRateLimit(BookingProperties properties) {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        if (properties.rateLimit().enabled()) {
          registry.addInterceptor(new BookingRateLimiter(properties.rateLimit())).addPathPatterns("/api/v1/appointments");
        }
      }
    };
  }
}
