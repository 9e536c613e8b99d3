package dev.marquee.demo.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.demo.DemoMode;
import dev.marquee.demo.DemoProgress;
import dev.marquee.demo.DemoStatus;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /demo/config.json}: what the demo page and the traffic simulator need to start — the
 * demo's state and progress while it is being prepared, and once it is ready the demo app's
 * delivery API key and the demo experiments. Answers 404 when the server runs without the demo
 * ({@link DemoMode}), so a production server never hands out a key here.
 *
 * <p>Handing a delivery key to a browser is what every front-end app does: the key identifies the
 * app, is rate-limited and can only read the feed and send events; the app's CORS origins still
 * decide which other sites may use it.
 */
@WebServlet(name = "marquee-demo-config", urlPatterns = "/demo/config.json")
public class DemoConfigServlet extends HttpServlet {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject DemoMode mode;
  @Inject DemoStatus status;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    DemoProgress.Snapshot now = status.snapshot();
    if (!mode.isOn() || now.state() == DemoProgress.State.OFF) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("state", now.state().name());
    body.put("message", now.message());
    body.put("progress", now.done() < 0 ? null : Map.of("done", now.done(), "total", now.total()));
    if (now.state() == DemoProgress.State.READY) {
      body.put("apiKey", now.apiKey());
      body.put("experiments", status.experiments());
    } else {
      body.put("experiments", List.of());
    }
    res.setContentType("application/json");
    res.setCharacterEncoding("UTF-8");
    // the body carries a key and changes as the demo progresses: never cached
    res.setHeader("Cache-Control", "no-store");
    JSON.writeValue(res.getOutputStream(), body);
  }
}
