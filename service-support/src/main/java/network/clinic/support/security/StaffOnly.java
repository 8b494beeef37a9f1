package network.clinic.support.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Only a valid staff token may call this (401 without one, 403 without a staff role). Which
 * clinic the caller may touch is checked in the handler with {@link StaffAccess}.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAnyRole('CLINIC_STAFF', 'NETWORK_ADMIN')")
public @interface StaffOnly {}
