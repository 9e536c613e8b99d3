package dev.marquee.render.suggest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups raw detector windows into face candidates the way OpenCV's {@code groupRectangles} does:
 * two windows belong together when every edge lies within {@code eps} of their mean size of each
 * other, and groups are the transitive closure of that relation. A real face is hit by many windows
 * at neighbouring positions and scales; a false positive by few, which is what {@code support}
 * counts.
 */
final class WindowClusters {
  /** OpenCV's {@code GROUP_EPS}. */
  static final double DEFAULT_EPS = 0.2;

  private WindowClusters() {}

  static List<FaceCandidate> group(List<DetectionWindow> windows, double eps) {
    int n = windows.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (similar(windows.get(i), windows.get(j), eps)) {
          parent[root(parent, i)] = root(parent, j);
        }
      }
    }
    Map<Integer, List<DetectionWindow>> clusters = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      clusters.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(windows.get(i));
    }
    List<FaceCandidate> candidates = new ArrayList<>(clusters.size());
    for (List<DetectionWindow> members : clusters.values()) {
      candidates.add(summarise(members));
    }
    return candidates;
  }

  private static boolean similar(DetectionWindow first, DetectionWindow second, double eps) {
    Box a = first.box();
    Box b = second.box();
    double delta = eps * (Math.min(a.width(), b.width()) + Math.min(a.height(), b.height())) / 2;
    return Math.abs(a.x() - b.x()) <= delta
        && Math.abs(a.y() - b.y()) <= delta
        && Math.abs(a.right() - b.right()) <= delta
        && Math.abs(a.bottom() - b.bottom()) <= delta;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static FaceCandidate summarise(List<DetectionWindow> members) {
    double x = 0;
    double y = 0;
    double w = 0;
    double h = 0;
    double best = Double.NEGATIVE_INFINITY;
    for (DetectionWindow m : members) {
      x += m.box().x();
      y += m.box().y();
      w += m.box().width();
      h += m.box().height();
      best = Math.max(best, m.stageSum());
    }
    int count = members.size();
    return new FaceCandidate(new Box(x / count, y / count, w / count, h / count), count, best);
  }
}
