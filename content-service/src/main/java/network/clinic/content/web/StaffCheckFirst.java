package network.clinic.content.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import network.clinic.support.security.StaffMember;
import network.clinic.support.security.StaffOnly;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@link StaffOnly} is enforced when the handler is called, which is after the body has been
 * parsed and validated: an anonymous caller would learn about validation before being told to
 * authenticate. This checks the token first, so staff endpoints answer 401/403 before anything
 * about the request is looked at. (The role check on the handler still applies.)
 */
@Configuration(proxyBeanMethods = false)
class StaffCheckFirst implements WebMvcConfigurer, HandlerInterceptor {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod method
        && (method.hasMethodAnnotation(StaffOnly.class) || method.getBeanType().isAnnotationPresent(StaffOnly.class))) {
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
        // Handled by Spring Security's filters: 401 problem with WWW-Authenticate
        throw new AuthenticationCredentialsNotFoundException("A staff token is required");
      }
      if (!(authentication.getPrincipal() instanceof StaffMember staff) || staff.role() == null) {
        throw new AccessDeniedException("Not a staff token");
      }
    }
    return true;
  }
}
