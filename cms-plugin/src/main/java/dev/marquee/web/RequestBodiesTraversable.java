package dev.marquee.web;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;

/**
 * The traversable resolver for request validation (the WAR's {@code META-INF/validation.xml}):
 * every property is validated and cascaded. Request bodies are generated DTOs, never JPA entities,
 * so Hibernate Validator's default resolver, which asks {@code PersistenceUtil.isLoaded} of every
 * property of every object, only costs time: a 1,000-event batch spent more CPU in it than in
 * ingesting the events. Hibernate ORM validates entities with its own resolver, which this does not
 * replace.
 */
public class RequestBodiesTraversable implements TraversableResolver {
  @Override
  public boolean isReachable(
      Object traversableObject,
      Path.Node traversableProperty,
      Class<?> rootBeanType,
      Path pathToTraversableObject,
      ElementType elementType) {
    return true;
  }

  @Override
  public boolean isCascadable(
      Object traversableObject,
      Path.Node traversableProperty,
      Class<?> rootBeanType,
      Path pathToTraversableObject,
      ElementType elementType) {
    return true;
  }
}
