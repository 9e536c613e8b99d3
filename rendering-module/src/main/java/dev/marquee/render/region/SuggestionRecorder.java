package dev.marquee.render.region;

import dev.marquee.audit.AuditLog;
import dev.marquee.render.source.SourceImageUploaded;
import dev.marquee.render.suggest.RegionSuggester;
import dev.marquee.render.suggest.RegionSuggestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs every installed {@link RegionSuggester} on a freshly uploaded image and records what they
 * propose. Detectors are extensions: one that fails is logged and skipped, and never fails the
 * upload.
 */
@ApplicationScoped
public class SuggestionRecorder {
  /** More proposals than this from one detector on one image are noise for an editor. */
  static final int MAX_PER_DETECTOR = 20;

  private static final Logger LOG = Logger.getLogger(SuggestionRecorder.class.getName());

  @Inject @Any Instance<RegionSuggester> suggesters;
  @Inject RegionRepository regions;

  void onUpload(@Observes SourceImageUploaded uploaded) {
    Instant now = AuditLog.now();
    for (Instance.Handle<RegionSuggester> handle : suggesters.handles()) {
      String detector = handle.getBean().getBeanClass().getSimpleName();
      List<RegionSuggestion> found;
      try {
        found = handle.get().suggest(uploaded.preview());
      } catch (RuntimeException | LinkageError e) {
        LOG.log(
            Level.WARNING,
            "Region suggester "
                + detector
                + " failed on source image "
                + uploaded.image().getId()
                + "; the upload goes on without its suggestions",
            e);
        continue;
      }
      if (found == null) {
        continue;
      }
      found.stream()
          .limit(MAX_PER_DETECTOR)
          .forEach(s -> regions.add(new Suggestion(uploaded.image(), detector, s, now)));
    }
  }
}
