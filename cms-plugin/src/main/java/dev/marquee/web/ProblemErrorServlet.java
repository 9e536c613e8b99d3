package dev.marquee.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page for errors the container answers before Marquee's code runs: 401 from the
 * authentication mechanism, 403 from security constraints, 404 outside the API, 413 from the
 * listener. They get the same problem+json body as every other error instead of an HTML page, and
 * never a redirect to a login page.
 */
@WebServlet(name = "marquee-problem-errors", urlPatterns = "/_problem")
public class ProblemErrorServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
    Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    Problem problem =
        WebApplicationExceptionMapper.standard(status)
            .at(uri == null ? req.getRequestURI() : uri.toString());
    if (status >= 500) {
      problem = Problem.of(status, "internal", "Internal error", "Marquee failed unexpectedly.");
    }
    res.setStatus(status);
    res.setContentType(Problem.MEDIA_TYPE);
    res.setCharacterEncoding("UTF-8");
    JsonMapperProvider.mapper().writeValue(res.getOutputStream(), problem);
  }
}
