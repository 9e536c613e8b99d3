package dev.marquee.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method (on the implementing class) whose binary body is streamed rather than
 * buffered: {@link RequestBodyGuard} then only caps it, at the limit held by a configuration key,
 * and leaves reading it to the method. For uploads far larger than JSON bodies (source images).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StreamedBody {
  /** MicroProfile Config key of the limit in bytes, e.g. {@code marquee.images.max-bytes}. */
  String limitProperty();

  /** Bytes allowed beyond the limit for framing around the payload (multipart boundaries). */
  long framingAllowance() default 0;
}
