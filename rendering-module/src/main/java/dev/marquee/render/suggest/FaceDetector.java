package dev.marquee.render.suggest;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.marquee.render.engine.NormalizedRect;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.global.opencv_objdetect;
import org.bytedeco.opencv.opencv_core.FileStorage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * The built-in {@link RegionSuggester}: frontal faces found by OpenCV's Haar cascade {@code
 * haarcascade_frontalface_alt2} (shipped in JavaCPP's OpenCV natives jar, loaded from the classpath
 * into memory, so no files are needed beside the application).
 *
 * <p>Detection runs on a grayscale copy downscaled to {@value #WORKING_LONG_SIDE} px on the long
 * side, histogram-equalised, looking for faces at least {@value #MIN_FACE_FRACTION} of the short
 * side. Every window that passes all cascade stages is kept ({@code detectMultiScale3} with no
 * grouping and reject levels on); windows are then clustered as OpenCV's {@code groupRectangles}
 * does, clusters of fewer than {@value #MIN_SUPPORT} windows are dropped, and overlapping clusters
 * are suppressed, best first.
 *
 * <p><b>Confidence</b> is {@code n / (n + }{@value #HALF_CONFIDENCE_SUPPORT}{@code )} where {@code
 * n} is the number of windows (positions and scales) that agree on the face: a real face is hit by
 * dozens, a false positive by one or two. The last stage's sum ("level weight") is used only to
 * break ties: on real images it barely separates faces from false positives (measured on the test
 * images: 54.0–56.5 on the face, 53.9–55.3 on false windows, against a stage threshold of 53.8).
 * Suggestions at or above {@link #LIKELY_FACE} ({@value #HALF_CONFIDENCE_SUPPORT} or more windows)
 * are likely faces.
 *
 * <p>Thread-safe: one classifier per process; the cascade run itself is serialised because OpenCV's
 * classifier keeps per-call buffers (it parallelises one detection over the cores internally).
 *
 * <p>If the native libraries cannot be loaded (another platform, no writable cache directory), the
 * detector is unavailable: {@link #shared()} is empty and the reason is logged once; nothing
 * throws.
 */
public final class FaceDetector implements RegionSuggester {
  private static final Logger LOG = Logger.getLogger(FaceDetector.class.getName());

  /** The {@link RegionSuggestion#kind()} of every suggestion this detector makes. */
  public static final String KIND = "FACE";

  /** Confidence from which a suggestion is likely a real face. */
  public static final double LIKELY_FACE = 0.5;

  static final String CASCADE = "haarcascades/haarcascade_frontalface_alt2.xml";
  static final int WORKING_LONG_SIDE = 512;
  static final double MIN_FACE_FRACTION = 0.08;
  static final int MIN_SUPPORT = 3;
  static final int HALF_CONFIDENCE_SUPPORT = 8;
  private static final double SCALE_FACTOR = 1.1;
  private static final OverlapSuppression SUPPRESSION = new OverlapSuppression(0.3, 0.6);

  private final CascadeClassifier classifier;
  private final int windowWidth;
  private final int windowHeight;
  private final Object detectionLock = new Object();

  private FaceDetector(CascadeClassifier classifier) {
    this.classifier = classifier;
    try (Size window = classifier.getOriginalWindowSize()) {
      this.windowWidth = window.width();
      this.windowHeight = window.height();
    }
  }

  /** The process-wide detector, loaded on first use; empty when OpenCV is unavailable here. */
  public static Optional<FaceDetector> shared() {
    return SharedDetector.INSTANCE;
  }

  /** Whether faces can be detected in this process (loads the native libraries on first call). */
  public static boolean isAvailable() {
    return shared().isPresent();
  }

  private static final class SharedDetector {
    static final Optional<FaceDetector> INSTANCE = load(CASCADE);
  }

  /** Loads the natives and the named cascade (relative to OpenCV's {@code share/opencv4}). */
  static Optional<FaceDetector> load(String cascade) {
    try {
      Loader.load(opencv_objdetect.class);
      Loader.load(opencv_imgproc.class);
      String xml = readCascade(cascade);
      CascadeClassifier classifier = new CascadeClassifier();
      try (PointerScope scope = new PointerScope()) {
        FileStorage storage = new FileStorage(xml, FileStorage.READ | FileStorage.MEMORY);
        if (!classifier.read(storage.getFirstTopLevelNode())) {
          classifier.close();
          throw new IllegalStateException("OpenCV could not read the cascade " + cascade);
        }
      }
      LOG.info(() -> "Face detection ready (OpenCV cascade " + cascade + ").");
      return Optional.of(new FaceDetector(classifier));
    } catch (LinkageError | RuntimeException | IOException e) {
      LOG.log(
          Level.WARNING,
          "Face detection is unavailable, uploads will get no face suggestions: " + e,
          e);
      return Optional.empty();
    }
  }

  private static String readCascade(String cascade) throws IOException {
    String resource = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/" + cascade;
    try (InputStream in = opencv_objdetect.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("cascade not on the classpath: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public List<RegionSuggestion> suggest(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    double scale = Math.min(1.0, (double) WORKING_LONG_SIDE / Math.max(width, height));
    int workWidth = Math.max(1, (int) Math.round(width * scale));
    int workHeight = Math.max(1, (int) Math.round(height * scale));
    int minFaceWidth =
        Math.max(
            windowWidth, (int) Math.round(Math.min(workWidth, workHeight) * MIN_FACE_FRACTION));
    int minFaceHeight = (int) Math.round((double) minFaceWidth * windowHeight / windowWidth);
    if (minFaceWidth > workWidth || minFaceHeight > workHeight) {
      return List.of(); // smaller than the cascade's window: nothing to find
    }
    List<DetectionWindow> windows =
        detect(image, workWidth, workHeight, minFaceWidth, minFaceHeight);
    List<FaceCandidate> candidates =
        WindowClusters.group(windows, WindowClusters.DEFAULT_EPS).stream()
            .filter(c -> c.support() >= MIN_SUPPORT)
            .toList();
    List<RegionSuggestion> suggestions = new ArrayList<>();
    for (FaceCandidate face : SUPPRESSION.apply(candidates)) {
      suggestions.add(
          new RegionSuggestion(
              KIND, normalise(face.box(), workWidth, workHeight), confidence(face.support())));
    }
    return List.copyOf(suggestions);
  }

  static double confidence(int support) {
    return (double) support / (support + HALF_CONFIDENCE_SUPPORT);
  }

  private List<DetectionWindow> detect(
      BufferedImage image, int workWidth, int workHeight, int minFaceWidth, int minFaceHeight) {
    // Every native object made here is freed when the scope closes, not whenever the GC runs.
    try (PointerScope scope = new PointerScope()) {
      Mat working = new Mat();
      resize(grayscale(image), working, new Size(workWidth, workHeight), 0, 0, INTER_AREA);
      equalizeHist(working, working);
      RectVector rects = new RectVector();
      IntPointer rejectLevels = new IntPointer(0L);
      DoublePointer levelWeights = new DoublePointer(0L);
      synchronized (detectionLock) {
        classifier.detectMultiScale3(
            working,
            rects,
            rejectLevels,
            levelWeights,
            SCALE_FACTOR,
            0, // no grouping here: WindowClusters groups and counts the windows
            0,
            new Size(minFaceWidth, minFaceHeight),
            new Size(),
            true);
      }
      List<DetectionWindow> windows = new ArrayList<>((int) rects.size());
      for (long i = 0; i < rects.size(); i++) {
        Rect r = rects.get(i);
        windows.add(
            new DetectionWindow(new Box(r.x(), r.y(), r.width(), r.height()), levelWeights.get(i)));
      }
      return windows;
    }
  }

  /** ITU-R BT.601 luma of the upright sRGB image, full size (OpenCV then downscales by area). */
  private static Mat grayscale(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    byte[] luma = new byte[width * height];
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      image.getRGB(0, y, width, 1, row, 0, width);
      for (int x = 0; x < width; x++) {
        int rgb = row[x];
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        luma[y * width + x] = (byte) ((299 * r + 587 * g + 114 * b + 500) / 1000);
      }
    }
    Mat mat = new Mat(height, width, CV_8UC1);
    mat.data().put(luma);
    return mat;
  }

  private static NormalizedRect normalise(Box box, int workWidth, int workHeight) {
    double x1 = clamp(box.x() / workWidth);
    double y1 = clamp(box.y() / workHeight);
    double x2 = clamp(box.right() / workWidth);
    double y2 = clamp(box.bottom() / workHeight);
    return NormalizedRect.ofCorners(x1, y1, x2, y2);
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
