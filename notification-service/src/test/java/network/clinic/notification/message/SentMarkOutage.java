package network.clinic.notification.message;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * MongoDB refusing one write on demand: while a test says so, recording the messages of an event
 * as sent fails as it does when the database is unreachable. Every other call reaches the real
 * store.
 */
final class SentMarkOutage {

  private final Set<String> refusedEvents = ConcurrentHashMap.newKeySet();
  private final AtomicInteger refusals = new AtomicInteger();

  /** From now on, marking any message of this event sent fails. */
  void refuseFor(UUID eventId) {
    refusedEvents.add(eventId.toString());
  }

  void end() {
    refusedEvents.clear();
  }

  /** Sent marks refused so far, of every event. */
  int refusals() {
    return refusals.get();
  }

  MessageStore around(MessageStore store) {
    ProxyFactory proxy = new ProxyFactory(store);
    proxy.setProxyTargetClass(true);
    proxy.addAdvice((MethodInterceptor) invocation -> {
      if (invocation.getMethod().getName().equals("markSent")
          && refusedEvents.contains(eventIdOf((String) invocation.getArguments()[0]))) {
        refusals.incrementAndGet();
        throw new DataAccessResourceFailureException("MongoDB unreachable (test)");
      }
      return invocation.proceed();
    });
    return (MessageStore) proxy.getProxy();
  }

  /** Message ids are {@code eventId|channel|kind}. */
  private static String eventIdOf(String messageId) {
    int end = messageId.indexOf('|');
    return end < 0 ? messageId : messageId.substring(0, end);
  }

  /**
   * Puts the outage in front of the application's message store, where imported. Not a
   * stereotype: a second instance's component scan must not find it.
   */
  static class Installed {

    static final SentMarkOutage OUTAGE = new SentMarkOutage();

    @Bean
    static BeanPostProcessor sentMarkOutage() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof MessageStore store ? OUTAGE.around(store) : bean;
        }
      };
    }
  }
}
