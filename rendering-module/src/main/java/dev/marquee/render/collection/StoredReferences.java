package dev.marquee.render.collection;

import dev.marquee.render.store.AssetKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What in the database refers to blobs: source images and renditions by their {@code content_hash}
 * columns, template versions by the logo asset keys inside their definitions. Template versions are
 * immutable and never deleted, so a logo a template ever used stays.
 */
@ApplicationScoped
@Transactional
public class StoredReferences {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

  @PersistenceContext private EntityManager em;

  protected StoredReferences() {}

  /** For use outside a container. */
  public StoredReferences(EntityManager em) {
    this.em = em;
  }

  /**
   * Every asset key a template definition names. Any 64-hex-digit string counts, which can only
   * keep a blob that could have gone, never lose one a logo overlay names.
   */
  public Set<AssetKey> templateLogos() {
    Set<AssetKey> keys = new HashSet<>();
    try (Stream<?> definitions =
        em.createNativeQuery("select definition from render_template_version").getResultStream()) {
      definitions.forEach(
          definition -> {
            Matcher m = KEY.matcher(definition.toString());
            while (m.find()) {
              keys.add(new AssetKey(m.group()));
            }
          });
    }
    return keys;
  }

  /** The keys among these that a source image or a rendition row names. */
  public Set<AssetKey> usedByRows(Collection<AssetKey> keys) {
    if (keys.isEmpty()) {
      return Set.of();
    }
    List<String> hex = keys.stream().map(AssetKey::sha256Hex).toList();
    Set<AssetKey> used = new HashSet<>();
    for (String query :
        List.of(
            "select distinct content_hash from source_image where content_hash in (?1)",
            "select distinct content_hash from variant_rendition where content_hash in (?1)")) {
      for (Object found : em.createNativeQuery(query).setParameter(1, hex).getResultList()) {
        used.add(new AssetKey(found.toString().trim()));
      }
    }
    return used;
  }
}
