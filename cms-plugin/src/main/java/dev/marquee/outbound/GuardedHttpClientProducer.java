package dev.marquee.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The server's {@link GuardedHttpClient}, configured from {@code marquee.outbound.*}. */
@ApplicationScoped
public class GuardedHttpClientProducer {

  /** {@code @Singleton}: one shared, thread-safe client; a normal scope would need a proxy. */
  @Produces
  @Singleton
  GuardedHttpClient client(
      @ConfigProperty(name = "marquee.outbound.allowed-networks") Optional<String> allowed,
      @ConfigProperty(name = "marquee.outbound.connect-timeout", defaultValue = "PT5S")
          Duration connectTimeout,
      @ConfigProperty(name = "marquee.outbound.timeout", defaultValue = "PT10S") Duration timeout,
      @ConfigProperty(name = "marquee.outbound.max-response-bytes", defaultValue = "1048576")
          long maxResponseBytes) {
    List<Network> networks =
        allowed.stream()
            .flatMap(list -> Arrays.stream(list.split(",")))
            .filter(s -> !s.isBlank())
            .map(Network::parse)
            .toList();
    return new GuardedHttpClient(
        new OutboundAddressPolicy(networks),
        new GuardedHttpClient.Limits(connectTimeout, timeout, maxResponseBytes, 3));
  }
}
