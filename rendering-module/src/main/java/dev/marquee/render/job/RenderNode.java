package dev.marquee.render.job;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of this server node, which owns the jobs it runs. */
public final class RenderNode {
  private RenderNode() {}

  /** WildFly's {@code jboss.node.name} (unique per node in a cluster), else the host name. */
  public static String name() {
    String node = System.getProperty("jboss.node.name");
    if (node != null && !node.isBlank()) {
      return node;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
