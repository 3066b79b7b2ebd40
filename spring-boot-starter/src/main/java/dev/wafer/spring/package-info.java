/**
 * Wafer's Spring Boot starter: sealed cookie sessions, CSRF and remember-me from the starter
 * dependency and one property ({@code wafer.sealing.key-file}); token signing and verification with
 * a published JWK Set; wafer-redis on Boot's Redis settings; Spring Security 7 on the sealed
 * session ({@link dev.wafer.spring.security}); Actuator health and info, and Micrometer metrics.
 * Properties are listed in {@link dev.wafer.spring.WaferProperties} and docs/spring.md.
 *
 * @since 0.1
 */
package dev.wafer.spring;
