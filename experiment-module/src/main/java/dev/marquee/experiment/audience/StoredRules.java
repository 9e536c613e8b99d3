package dev.marquee.experiment.audience;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.experiment.audience.rules.AudienceRule;
import java.util.List;

/** A group's rules as the JSON kept in {@code audience_group.rules_json}. */
final class StoredRules {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<AudienceRule>> RULES = new TypeReference<>() {};

  private StoredRules() {}

  static String write(List<AudienceRule> rules) {
    try {
      return JSON.writeValueAsString(rules);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("audience rules are always serialisable", e);
    }
  }

  static List<AudienceRule> read(String json) {
    try {
      return List.copyOf(JSON.readValue(json, RULES));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("audience_group.rules_json is corrupt", e);
    }
  }
}
