package network.clinic.booking.appointment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import network.clinic.booking.BookingProperties;
import network.clinic.booking.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A token bucket per client IP on booking attempts (valid or not: it runs before the body is
 * read), answering 429 with {@code Retry-After} when empty. In memory, per instance: with N
 * instances behind a balancer a client gets up to N times the limit, which is fine for slowing
 * abuse; a shared limit would need Bucket4j's distributed backends. The IP is the connection's,
 * or the one a trusted proxy reports ({@code server.forward-headers-strategy}).
 */
class BookingRateLimiter implements HandlerInterceptor {

  private final BookingProperties.RateLimit limit;
  // Bounded and expiring, so many distinct clients cannot grow memory without end.
  private final Cache<String, Bucket> buckets;

  BookingRateLimiter(BookingProperties.RateLimit limit) {
    this.limit = limit;
    this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(limit.period()).build();
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!"POST".equals(request.getMethod())) {
      return true;
    }
    Bucket bucket = buckets.get(request.getRemoteAddr(), ip -> newBucket());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
          "Too many booking attempts from this address; try again later.", List.of(),
          Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
    return true;
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
        .build();
  }
}
