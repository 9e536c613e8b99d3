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
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Enforces {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on resource classes.
 *
 * <p>The JAX-RS annotations live on the interfaces generated from docs/openapi.yaml and the role
 * annotations on the implementing classes; RESTEasy's own role filter looks only at the annotated
 * interface method and would silently let everything through. This feature resolves the
 * implementation's method, and fails closed: a resource method without any of the three annotations
 * is denied to everyone.
 */
@Provider
public class RoleCheckFeature implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    context.register(
        new RoleCheck(
            allowedRoles(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod())));
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

  /** The per-method check, after authentication and before the body is read. */
  @Priority(Priorities.AUTHORIZATION)
  static final class RoleCheck implements ContainerRequestFilter {
    private final List<String> allowed;

    RoleCheck(List<String> allowed) {
      this.allowed = allowed;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      if (allowed == null) {
        return;
      }
      SecurityContext security = request.getSecurityContext();
      if (security == null || security.getUserPrincipal() == null) {
        throw new HttpProblemException(
            Problem.of(
                401, "unauthenticated", "Authentication required", "Sign in or send a token."));
      }
      for (String role : allowed) {
        if (security.isUserInRole(role)) {
          return;
        }
      }
      throw new HttpProblemException(
          Problem.of(
              403,
              "forbidden",
              "Forbidden",
              allowed.isEmpty()
                  ? "Nobody may call this operation."
                  : "This operation needs one of the roles " + String.join(", ", allowed) + "."));
    }
  }
}
