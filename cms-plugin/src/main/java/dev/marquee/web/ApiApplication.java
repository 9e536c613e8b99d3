package dev.marquee.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Mounts every module's resources (the interfaces generated from docs/openapi.yaml) under {@code
 * /api/v1}. Resources and providers are discovered by scanning the plugin jars.
 */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {}
