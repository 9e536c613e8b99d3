package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sends delivery events as a front-end app would: a fresh app and key, then batches. */
final class DeliveryEventClient {
  private final URL base;
  private final String key;

  private DeliveryEventClient(URL base, String key) {
    this.base = base;
    this.key = key;
  }

  /** Registers a delivery app with one key (as the administrator). */
  static DeliveryEventClient register(URL base, String name) {
    Map<String, Object> app = new HashMap<>();
    app.put("name", name + " " + UUID.randomUUID());
    app.put("allowedOrigins", List.of());
    app.put("rateLimit", Map.of("requestsPerSecond", 50, "burst", 100));
    app.put("enabled", true);
    ApiClient admin = ApiClient.anonymous(base).as("administrator");
    ApiClient.Reply created = admin.postJson("api/v1/delivery-apps", app);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    ApiClient.Reply key =
        admin.postJson(
            "api/v1/delivery-apps/" + created.json().path("id").asText() + "/keys",
            Map.of("label", "events"));
    assertThat(key.status()).as("%s", key).isEqualTo(201);
    return new DeliveryEventClient(base, key.json().path("key").asText());
  }

  /** POSTs one batch of events. */
  ApiClient.Reply send(List<Map<String, Object>> events) {
    ApiClient anonymous = ApiClient.anonymous(base);
    HttpRequest.Builder request =
        anonymous
            .request("api/v1/delivery/events")
            .header("Content-Type", "application/json")
            .header("X-Api-Key", key);
    try {
      String json = new ObjectMapper().writeValueAsString(Map.of("events", events));
      return anonymous.send(request.POST(HttpRequest.BodyPublishers.ofString(json)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** One event, five seconds old; {@code arm} null for a held-out viewer. */
  static Map<String, Object> event(
      String eventId, String type, String experiment, String arm, String group, String viewer) {
    Map<String, Object> e = new HashMap<>();
    e.put("eventId", eventId);
    e.put("type", type);
    e.put("experimentId", experiment);
    if (arm != null) {
      e.put("armId", arm);
    }
    e.put("audienceGroupId", group);
    e.put("viewerId", viewer);
    e.put("occurredAt", Instant.now().minusSeconds(5).toString());
    return e;
  }
}
