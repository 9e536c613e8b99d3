package dev.marquee.render.delivery;

import dev.marquee.render.source.SourceImageRepository;
import dev.marquee.render.source.SourceImageUploaded;
import dev.marquee.render.store.AssetKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * The default {@link PublicAssetPolicy}: every stored asset that is not the content of a source
 * image is a rendition, and public. Answers are cached (bounded), so a CDN's cache misses reach the
 * database at most once per asset; an upload evicts its key once committed.
 */
@ApplicationScoped
public class RenditionsArePublic implements PublicAssetPolicy {
  static final int CACHE_SIZE = 10_000;

  private final LruCache<AssetKey, Boolean> answers = new LruCache<>(CACHE_SIZE);

  @Inject SourceImageRepository sourceImages;

  @Override
  public boolean isPublic(AssetKey key) {
    return answers.get(key, k -> !sourceImages.isContentReferenced(k));
  }

  void onUpload(@Observes(during = TransactionPhase.AFTER_SUCCESS) SourceImageUploaded uploaded) {
    answers.remove(uploaded.image().getContentKey());
  }
}
