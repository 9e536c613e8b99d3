/**
 * Asset storage: the content-addressed {@link dev.marquee.render.store.AssetStore} extension point
 * for source images and renditions, and its default filesystem implementation.
 */
package dev.marquee.render.store;
