package dev.marquee.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceProvider;

/**
 * Hibernate bootstrapped programmatically (RESOURCE_LOCAL) on a migrated database, plus a
 * container-like {@link #entityManager()} proxy bound to the current {@link #tx} so that services
 * can be built once and used across transactions.
 */
public final class Jpa {
  /** Every entity of the plugin; the WAR's persistence unit discovers the same classes. */
  public static final List<String> ENTITIES =
      List.of(
          "dev.marquee.catalog.CatalogEntry",
          "dev.marquee.tagging.EngagementTag",
          "dev.marquee.tagging.EntryTag",
          "dev.marquee.audit.AuditEvent",
          "dev.marquee.integration.ProcessedWebhook",
          "dev.marquee.webhook.WebhookSubscription",
          "dev.marquee.webhook.WebhookMessage",
          "dev.marquee.webhook.WebhookAttempt",
          "dev.marquee.delivery.access.DeliveryApp",
          "dev.marquee.delivery.access.DeliveryApiKey",
          "dev.marquee.publishing.Promotion",
          "dev.marquee.publishing.ArtworkVersion");

  private final DataSource dataSource;
  private final EntityManagerFactory factory;
  private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
  private final EntityManager proxy;

  Jpa(DataSource dataSource) {
    this(dataSource, ENTITIES);
  }

  /**
   * A harness of its own on a migrated database: a separate EntityManagerFactory, as another server
   * node would have.
   *
   * @param entities the entity classes of the persistence unit (e.g. {@link #ENTITIES} plus a
   *     higher module's)
   */
  public Jpa(DataSource dataSource, List<String> entities) {
    this.dataSource = dataSource;
    Properties props = new Properties();
    props.put("hibernate.hbm2ddl.auto", "none");
    // the batching settings the WAR's persistence.xml is expected to use, so import speed is real
    props.put("hibernate.jdbc.batch_size", "100");
    props.put("hibernate.order_inserts", "true");
    props.put("hibernate.order_updates", "true");
    // lets tests count statements (N+1 guards)
    props.put("hibernate.generate_statistics", "true");
    this.factory =
        new HibernatePersistenceProvider()
            .createContainerEntityManagerFactory(unit(dataSource, props, entities), props);
    this.proxy =
        (EntityManager)
            Proxy.newProxyInstance(
                EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class},
                (p, method, args) -> {
                  EntityManager em = current.get();
                  if (em == null) {
                    throw new IllegalStateException("no transaction: wrap the call in Jpa.tx");
                  }
                  try {
                    return method.invoke(em, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
  }

  /** Statements prepared so far by this factory; compare before and after to count queries. */
  public long preparedStatements() {
    return factory.unwrap(SessionFactory.class).getStatistics().getPrepareStatementCount();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** An EntityManager that acts on the transaction of the calling thread, like a container's. */
  public EntityManager entityManager() {
    return proxy;
  }

  /** Runs {@code work} in a new transaction; commits on return, rolls back on exception. */
  public <T> T tx(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    EntityManager em = factory.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    current.set(em);
    try {
      tx.begin();
      T result = work.get();
      tx.commit();
      return result;
    } catch (RuntimeException | Error e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      throw e;
    } finally {
      current.remove();
      em.close();
    }
  }

  /** {@link #tx(Supplier)} without a result. */
  public void run(Runnable work) {
    tx(
        () -> {
          work.run();
          return null;
        });
  }

  private static PersistenceUnitInfo unit(DataSource ds, Properties props, List<String> entities) {
    return new PersistenceUnitInfo() {
      @Override
      public String getPersistenceUnitName() {
        return "marquee-test";
      }

      @Override
      public String getPersistenceProviderClassName() {
        return HibernatePersistenceProvider.class.getName();
      }

      @Override
      public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
      }

      @Override
      public DataSource getJtaDataSource() {
        return null;
      }

      @Override
      public DataSource getNonJtaDataSource() {
        return ds;
      }

      @Override
      public List<String> getMappingFileNames() {
        return List.of();
      }

      @Override
      public List<URL> getJarFileUrls() {
        return List.of();
      }

      @Override
      public URL getPersistenceUnitRootUrl() {
        return null;
      }

      @Override
      public List<String> getManagedClassNames() {
        return entities;
      }

      @Override
      public boolean excludeUnlistedClasses() {
        return true;
      }

      @Override
      public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
      }

      @Override
      public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
      }

      @Override
      public Properties getProperties() {
        return props;
      }

      @Override
      public String getPersistenceXMLSchemaVersion() {
        return "3.1";
      }

      @Override
      public ClassLoader getClassLoader() {
        return Jpa.class.getClassLoader();
      }

      @Override
      public void addTransformer(ClassTransformer transformer) {}

      @Override
      public ClassLoader getNewTempClassLoader() {
        return null;
      }
    };
  }
}
