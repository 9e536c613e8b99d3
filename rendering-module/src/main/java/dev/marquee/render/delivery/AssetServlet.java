package dev.marquee.render.delivery;

import dev.marquee.render.engine.ImageFormat;
import dev.marquee.render.store.AssetKey;
import dev.marquee.render.store.AssetStore;
import dev.marquee.render.store.StoredAsset;
import dev.marquee.web.EntityTagMatch;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Serves renditions at {@code /assets/{sha256}.{ext}}, and narrower copies of them for the
 * configured delivery presets at {@code /assets/{preset}/{sha256}.{ext}}. Content-addressed bytes
 * never change, so both are cacheable forever by browsers and CDNs. The name is validated before
 * the store is asked, the stored bytes' format must match the extension, and source images are
 * refused: all of these, and an unknown preset, answer 404 (via the problem error page), revealing
 * nothing about which hashes exist.
 */
@WebServlet(name = "marquee-assets", urlPatterns = "/assets/*")
public class AssetServlet extends HttpServlet {
  static final String CACHE_FOREVER = "public, max-age=31536000, immutable";
  static final String BUSY_RETRY_AFTER_SECONDS = "1";

  @Inject AssetStore store;
  @Inject PublicAssetPolicy policy;
  @Inject PresetRenditions presetRenditions;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    serve(req, res, true);
  }

  @Override
  protected void doHead(HttpServletRequest req, HttpServletResponse res) throws IOException {
    serve(req, res, false);
  }

  private void serve(HttpServletRequest req, HttpServletResponse res, boolean withBody)
      throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    int slash = path.indexOf('/', 1);
    String preset = slash < 0 ? null : path.substring(1, slash);
    Optional<AssetName> name = AssetName.parse(slash < 0 ? path : path.substring(slash));
    Optional<Integer> width = preset == null ? Optional.empty() : presetRenditions.width(preset);
    if (name.isEmpty() || (preset != null && width.isEmpty())) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    AssetKey key = name.get().key();
    ImageFormat format = name.get().format();
    Optional<StoredAsset> opened = store.open(key);
    if (opened.isEmpty()) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    try (StoredAsset asset = opened.get()) {
      byte[] head = asset.content().readNBytes(ImageFormat.MAGIC_LENGTH);
      if (ImageFormat.sniff(head).orElse(null) != format || !policy.isPublic(key)) {
        res.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      if (preset == null) {
        if (cacheHeaders(req, res, key.sha256Hex())) {
          res.setContentType(format.mediaType());
          res.setContentLengthLong(asset.size());
          if (withBody) {
            res.getOutputStream().write(head);
            asset.content().transferTo(res.getOutputStream());
          }
        }
        return;
      }
      PresetRenditions.Copy copy;
      try {
        copy = presetRenditions.copy(key, preset, width.get(), () -> readRest(head, asset));
      } catch (PresetRenditions.BusyException e) {
        res.setHeader("Retry-After", BUSY_RETRY_AFTER_SECONDS);
        res.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return;
      }
      if (cacheHeaders(req, res, copy.sha256Hex())) {
        res.setContentType(format.mediaType());
        res.setContentLength(copy.bytes().length);
        if (withBody) {
          res.getOutputStream().write(copy.bytes());
        }
      }
    }
  }

  /** Sets the caching headers; answers 304 and returns false when the client's copy is current. */
  private static boolean cacheHeaders(
      HttpServletRequest req, HttpServletResponse res, String sha256Hex) {
    res.setHeader("ETag", "\"" + sha256Hex + "\"");
    res.setHeader("Cache-Control", CACHE_FOREVER);
    res.setHeader("X-Content-Type-Options", "nosniff");
    if (EntityTagMatch.noneMatchFails(req.getHeader("If-None-Match"), sha256Hex)) {
      res.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return false;
    }
    return true;
  }

  private static byte[] readRest(byte[] head, StoredAsset asset) {
    try {
      byte[] rest = asset.content().readAllBytes();
      byte[] all = new byte[head.length + rest.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(rest, 0, all, head.length, rest.length);
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
