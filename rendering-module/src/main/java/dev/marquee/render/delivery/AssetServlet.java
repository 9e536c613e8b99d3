package dev.marquee.render.delivery;

import dev.marquee.render.engine.ImageFormat;
import dev.marquee.render.store.AssetKey;
import dev.marquee.render.store.AssetStore;
import dev.marquee.render.store.StoredAsset;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Serves renditions at {@code /assets/{sha256}.{ext}}. Content-addressed bytes never change, so
 * they are cacheable forever by browsers and CDNs. The name is validated before the store is asked,
 * the stored bytes' format must match the extension, and source images are refused: all of these
 * answer 404 (via the problem error page), revealing nothing about which hashes exist.
 */
@WebServlet(name = "marquee-assets", urlPatterns = "/assets/*")
public class AssetServlet extends HttpServlet {
  static final String CACHE_FOREVER = "public, max-age=31536000, immutable";

  @Inject AssetStore store;
  @Inject PublicAssetPolicy policy;

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
    Optional<AssetName> name = AssetName.parse(req.getPathInfo());
    if (name.isEmpty()) {
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
      String etag = key.sha256Hex();
      res.setHeader("ETag", "\"" + etag + "\"");
      res.setHeader("Cache-Control", CACHE_FOREVER);
      res.setHeader("X-Content-Type-Options", "nosniff");
      if (EntityTagMatch.noneMatchFails(req.getHeader("If-None-Match"), etag)) {
        res.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return;
      }
      res.setContentType(format.mediaType());
      res.setContentLengthLong(asset.size());
      if (withBody) {
        OutputStream out = res.getOutputStream();
        out.write(head);
        asset.content().transferTo(out);
      }
    }
  }
}
