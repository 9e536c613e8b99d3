package dev.marquee.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

class RoleCheckFilterTest {
  @Path("/x")
  interface Api {
    @GET
    String read();

    @GET
    @Path("w")
    String write();

    @GET
    @Path("u")
    String unannotated();

    @GET
    @Path("p")
    String open();

    @GET
    @Path("d")
    String closed();
  }

  static class Resource implements Api {
    @Override
    @RolesAllowed({"a", "b"})
    public String read() {
      return "";
    }

    @Override
    @RolesAllowed("a")
    public String write() {
      return "";
    }

    @Override
    public String unannotated() {
      return "";
    }

    @Override
    @PermitAll
    public String open() {
      return "";
    }

    @Override
    @DenyAll
    public String closed() {
      return "";
    }
  }

  /** What CDI hands JAX-RS for an intercepted bean: a subclass overriding every method. */
  static class ProxySubclass extends Resource {
    @Override
    public String read() {
      return super.read();
    }

    @Override
    public String write() {
      return super.write();
    }
  }

  @RolesAllowed("class-role")
  static class ClassLevel implements Api {
    public String read() {
      return "";
    }

    public String write() {
      return "";
    }

    public String unannotated() {
      return "";
    }

    public String open() {
      return "";
    }

    public String closed() {
      return "";
    }
  }

  @Test
  void readsTheImplementationNotTheGeneratedInterface() throws Exception {
    assertThat(RoleCheckFilter.allowedRoles(Resource.class, Api.class.getMethod("read")))
        .containsExactly("a", "b");
    assertThat(RoleCheckFilter.allowedRoles(Resource.class, Api.class.getMethod("write")))
        .containsExactly("a");
  }

  @Test
  void seesThroughCdiProxySubclasses() throws Exception {
    assertThat(RoleCheckFilter.allowedRoles(ProxySubclass.class, Api.class.getMethod("write")))
        .containsExactly("a");
  }

  @Test
  void failsClosedWithoutAnnotationAndHonoursPermitAndDeny() throws Exception {
    assertThat(RoleCheckFilter.allowedRoles(Resource.class, Api.class.getMethod("unannotated")))
        .isEmpty();
    assertThat(RoleCheckFilter.allowedRoles(Resource.class, Api.class.getMethod("open"))).isNull();
    assertThat(RoleCheckFilter.allowedRoles(Resource.class, Api.class.getMethod("closed")))
        .isEmpty();
    assertThat(RoleCheckFilter.allowedRoles(ClassLevel.class, Api.class.getMethod("unannotated")))
        .containsExactly("class-role");
  }
}
