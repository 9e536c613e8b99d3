package dev.marquee.security;

import dev.marquee.web.HttpProblemException;
import dev.marquee.web.Problem;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on resource classes.
 *
 * <p>The JAX-RS annotations live on the interfaces generated from docs/openapi.yaml and the role
 * annotations on the implementing classes; RESTEasy's own role filter looks only at the annotated
 * interface method and would silently let everything through. This filter resolves the
 * implementation's method from the matched resource instance, and fails closed: a resource method
 * without any of the three annotations is denied to everyone.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RoleCheckFilter implements ContainerRequestFilter {
  /** Marks "no restriction" in the cache. */
  private static final List<String> EVERYONE = List.of("*");

  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

  @Context ResourceInfo resourceInfo;
  @Context UriInfo uriInfo;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resourceInfo.getResourceMethod();
    if (method == null) {
      return;
    }
    // The matched instance is the implementation (or its CDI proxy); ResourceInfo may only know
    // the generated interface.
    List<Object> matched = uriInfo.getMatchedResources();
    Class<?> resourceClass =
        matched.isEmpty() ? resourceInfo.getResourceClass() : matched.get(0).getClass();
    List<String> allowed =
        cache.computeIfAbsent(
            resourceClass.getName() + "#" + method,
            key -> {
              List<String> roles = allowedRoles(resourceClass, method);
              return roles == null ? EVERYONE : roles;
            });
    if (allowed != EVERYONE) {
      check(request.getSecurityContext(), allowed);
    }
  }

  /**
   * The roles allowed to call the method; empty means nobody, null means everybody. The resource
   * class may be a CDI proxy subclass, so the annotations are looked up along its superclasses.
   */
  static List<String> allowedRoles(Class<?> resourceClass, Method method) {
    for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
      Method implementation = declared(c, method);
      if (implementation != null) {
        if (implementation.isAnnotationPresent(DenyAll.class)) {
          return List.of();
        }
        if (implementation.isAnnotationPresent(PermitAll.class)) {
          return null;
        }
        RolesAllowed roles = implementation.getAnnotation(RolesAllowed.class);
        if (roles != null) {
          return List.of(roles.value());
        }
      }
    }
    for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
      if (c.isAnnotationPresent(DenyAll.class)) {
        return List.of();
      }
      if (c.isAnnotationPresent(PermitAll.class)) {
        return null;
      }
      RolesAllowed roles = c.getAnnotation(RolesAllowed.class);
      if (roles != null) {
        return List.of(roles.value());
      }
    }
    return List.of();
  }

  private static Method declared(Class<?> type, Method method) {
    try {
      return type.getDeclaredMethod(method.getName(), method.getParameterTypes());
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static void check(SecurityContext security, List<String> allowed) {
    if (security == null || security.getUserPrincipal() == null) {
      throw new HttpProblemException(Problem.unauthenticated());
    }
    for (String role : allowed) {
      if (security.isUserInRole(role)) {
        return;
      }
    }
    throw new HttpProblemException(
        Problem.forbidden(
            allowed.isEmpty()
                ? "Nobody may call this operation."
                : "This operation needs one of the roles " + String.join(", ", allowed) + "."));
  }
}
