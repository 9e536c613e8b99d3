package dev.marquee.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class RequestBodyGuardTest {
  interface Api {
    void upload(InputStream body);

    void other(InputStream body);
  }

  static class Resource implements Api {
    @Override
    @StreamedBody(limitProperty = "test.max-bytes", framingAllowance = 10)
    public void upload(InputStream body) {}

    @Override
    public void other(InputStream body) {}
  }

  /** What a CDI proxy looks like: a subclass that does not repeat the annotations. */
  static class Proxy extends Resource {
    @Override
    public void upload(InputStream body) {}
  }

  @Test
  void findsTheMarkerOnTheImplementationOfTheInterfaceMethod() throws Exception {
    var method = Api.class.getMethod("upload", InputStream.class);
    assertThat(RequestBodyGuard.find(Resource.class, method))
        .hasValueSatisfying(m -> assertThat(m.limitProperty()).isEqualTo("test.max-bytes"));
    assertThat(RequestBodyGuard.find(Proxy.class, method)).isPresent();
    assertThat(
            RequestBodyGuard.find(Resource.class, Api.class.getMethod("other", InputStream.class)))
        .isEmpty();
  }

  @Test
  void aBoundedStreamPassesABodyUpToItsLimitUntouched() throws Exception {
    // (Over the limit it throws the 413 HttpProblemException, which needs a JAX-RS runtime; the
    // integration tests cover that.)
    try (InputStream in = new BoundedInputStream(new ByteArrayInputStream(new byte[10]), 10)) {
      assertThat(in.readAllBytes()).hasSize(10);
    }
  }
}
