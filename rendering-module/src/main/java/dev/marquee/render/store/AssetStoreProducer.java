package dev.marquee.render.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the filesystem store Marquee's {@link AssetStore}. A host installs another store by
 * declaring its own {@code AssetStore} bean as an enabled alternative
 * ({@code @Alternative @Priority}), which takes precedence over this producer.
 */
@ApplicationScoped
public class AssetStoreProducer {

  @Produces
  @ApplicationScoped
  AssetStore filesystemStore(
      @ConfigProperty(name = "marquee.assets.directory", defaultValue = "marquee-data/assets")
          String directory) {
    return new FilesystemAssetStore(Path.of(directory));
  }
}
