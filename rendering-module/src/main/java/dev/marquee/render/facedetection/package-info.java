/**
 * Built-in face detection as a CDI bean: offers the pure {@link
 * dev.marquee.render.suggest.FaceDetector} to the application as a region suggester.
 */
package dev.marquee.render.facedetection;
