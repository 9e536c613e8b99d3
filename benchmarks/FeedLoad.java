import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Constant-rate (open-model) HTTP/1.1 load for the delivery feed, free of coordinated omission:
 * request i is due at start + i / rate, and its latency is measured from that intended time, so
 * a server that stalls is charged for every request that should have been sent meanwhile (as in
 * wrk2). A fixed pool of keep-alive connections, one blocking thread each: a free thread claims
 * the next due request, waits for its time and sends it; when every connection is busy, due
 * requests wait and their wait counts. The lag between the intended and the actual send time is
 * reported too: a high lag with low server CPU would mean the generator itself is the limit.
 *
 * <p>Request i is a pure function of (seed, i): a viewer drawn from a pool (whose profile type,
 * country, language, device and tastes are a pure function of the viewer) and 40 distinct
 * entries drawn from the entry list. The static target sends the same request line to the static
 * file (the file handler ignores the query), so both targets parse the same bytes.
 *
 * <pre>
 * java FeedLoad.java run    key=value...   constant rate; prints one RESULT line
 * java FeedLoad.java sample key=value...   N requests one by one: sizes, statuses, sources;
 *                                          saves the median-size body (the static file)
 * java FeedLoad.java paths  key=value...   writes N request paths (for wrk's Lua script)
 * keys: base (http://127.0.0.1:9180) key entries target (feed|static) static (path of the file)
 *       rate warmup duration (s) connections (64) seed (42) viewers (100000) perRequest (40)
 *       count save out
 * </pre>
 */
public class FeedLoad {
  private static final String[] COUNTRIES = {
    "US", "GB", "DE", "AT", "CH", "FR", "BE", "BR", "IN", "JP", "ES", "MX", "AR", "CA"
  };
  private static final int[] COUNTRY_WEIGHTS = {30, 10, 12, 2, 2, 8, 2, 8, 8, 5, 5, 4, 2, 2};
  private static final String[] LANGUAGES = {
    "en-US", "en-GB", "de-DE", "de-AT", "de-CH", "fr-FR", "fr-BE", "pt-BR", "en-IN", "ja-JP",
    "es-ES", "es-MX", "es-AR", "en-CA"
  };
  private static final String[] DEVICES = {"TV", "MOBILE", "WEB", "TABLET", "CONSOLE"};
  private static final int[] DEVICE_WEIGHTS = {40, 30, 15, 10, 5};
  private static final String[] THEMES = {
    "romance", "horror", "comedy", "crime", "survival", "family", "adventure"
  };

  final Map<String, String> opts;
  final String host;
  final int port;
  final String key;
  final String[] entries;
  final long seed;
  final int viewers;
  final int perRequest;
  final boolean toStatic;
  final String staticPath;

  FeedLoad(Map<String, String> opts) throws IOException {
    this.opts = opts;
    String base = opts.getOrDefault("base", "http://127.0.0.1:9180").replaceFirst("^http://", "");
    host = base.substring(0, base.indexOf(':'));
    port = Integer.parseInt(base.substring(base.indexOf(':') + 1).replaceAll("/.*", ""));
    key = opts.get("key");
    entries =
        Files.readAllLines(Path.of(opts.get("entries"))).stream()
            .filter(l -> !l.isBlank())
            .toArray(String[]::new);
    seed = Long.parseLong(opts.getOrDefault("seed", "42"));
    viewers = Integer.parseInt(opts.getOrDefault("viewers", "100000"));
    perRequest = Integer.parseInt(opts.getOrDefault("perRequest", "40"));
    toStatic = "static".equals(opts.getOrDefault("target", "feed"));
    staticPath = opts.getOrDefault("static", "/bench-static/feed.json");
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      opts.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    FeedLoad load = new FeedLoad(opts);
    switch (args[0]) {
      case "run" -> load.run();
      case "sample" -> load.sample();
      case "paths" -> load.paths();
      default -> throw new IllegalArgumentException("run, sample or paths");
    }
  }

  // --- requests -------------------------------------------------------------------------------

  /** The query of request i: a pure function of (seed, i). */
  String query(long i) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    int viewer = r.nextInt(viewers);
    StringBuilder q = new StringBuilder(2048).append("entries=");
    Set<Integer> picked = new HashSet<>();
    while (picked.size() < perRequest) {
      int e = r.nextInt(entries.length);
      if (picked.add(e)) {
        if (picked.size() > 1) {
          q.append(',');
        }
        q.append(entries[e]);
      }
    }
    q.append("&viewerId=viewer-").append(viewer);
    viewerContext(viewer, q);
    return q.toString();
  }

  /** A viewer's context never changes: it is a function of the viewer number (and the seed). */
  void viewerContext(int viewer, StringBuilder q) {
    SplittableRandom r = new SplittableRandom(seed * 31 + viewer * 0xBF58476D1CE4E5B9L);
    double p = r.nextDouble();
    q.append("&profileType=").append(p < 0.8 ? "ADULT" : p < 0.9 ? "TEEN" : "KIDS");
    int c = weighted(r, COUNTRY_WEIGHTS);
    q.append("&country=").append(COUNTRIES[c]).append("&language=").append(LANGUAGES[c]);
    q.append("&deviceClass=").append(DEVICES[weighted(r, DEVICE_WEIGHTS)]);
    double taste = r.nextDouble();
    if (taste < 0.5) {
      // the app sends precomputed affinities for one or two themes
      int n = 1 + r.nextInt(2);
      for (int k = 0; k < n; k++) {
        q.append("&affinity=")
            .append(URLEncoder.encode("THEME:" + THEMES[r.nextInt(THEMES.length)], StandardCharsets.UTF_8))
            .append("%3D")
            .append(String.format(Locale.ROOT, "%.2f", 0.3 + 0.6 * r.nextDouble()));
      }
    } else if (taste < 0.7) {
      // the app sends what the viewer watched recently; the server derives the affinities
      q.append("&watched=");
      for (int k = 0; k < 5; k++) {
        q.append(k == 0 ? "" : ",").append(entries[r.nextInt(entries.length)]);
      }
    }
  }

  private static int weighted(SplittableRandom r, int[] weights) {
    int total = Arrays.stream(weights).sum();
    int x = r.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  String path(long i) {
    return (toStatic ? staticPath + "?" : "/api/v1/delivery/feed?") + query(i);
  }

  byte[] request(long i) {
    return ("GET "
            + path(i)
            + " HTTP/1.1\r\nHost: "
            + host
            + ":"
            + port
            + "\r\nX-Api-Key: "
            + key
            + "\r\nAccept: application/json\r\nUser-Agent: marquee-feedload\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  // --- a keep-alive connection ----------------------------------------------------------------

  /** One HTTP/1.1 connection; {@link #exchange} answers the status and keeps the body if asked. */
  final class Connection {
    Socket socket;
    OutputStream out;
    InputStream in;
    final byte[] line = new byte[8192];
    byte[] body;
    boolean keepBody;

    void open() throws IOException {
      close();
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(15_000);
      socket.connect(new InetSocketAddress(host, port), 5_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 65536);
    }

    void close() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing a broken connection
        }
        socket = null;
      }
    }

    /** Sends one request and reads the whole answer; returns status and body length. */
    long[] exchange(byte[] request) throws IOException {
      if (socket == null) {
        open();
      }
      out.write(request);
      out.flush();
      String status = readLine();
      if (status == null) {
        throw new IOException("connection closed by the server");
      }
      int code = Integer.parseInt(status.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      boolean close = false;
      for (String h = readLine(); h != null && !h.isEmpty(); h = readLine()) {
        int colon = h.indexOf(':');
        String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = h.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          case "connection" -> close = value.equalsIgnoreCase("close");
          default -> {}
        }
      }
      java.io.ByteArrayOutputStream kept = keepBody ? new java.io.ByteArrayOutputStream() : null;
      long read = 0;
      if (chunked) {
        for (long n = Long.parseLong(readLine().split(";")[0].trim(), 16);
            n > 0;
            n = Long.parseLong(readLine().split(";")[0].trim(), 16)) {
          read += skip(n, kept);
          readLine();
        }
        while (!readLine().isEmpty()) {
          // trailers
        }
      } else if (length > 0) {
        read = skip(length, kept);
      }
      body = kept == null ? null : kept.toByteArray();
      if (close) {
        close();
      }
      return new long[] {code, read};
    }

    private long skip(long n, java.io.ByteArrayOutputStream kept) throws IOException {
      byte[] buf = line;
      long left = n;
      while (left > 0) {
        int r = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (r < 0) {
          throw new IOException("body cut off");
        }
        if (kept != null) {
          kept.write(buf, 0, r);
        }
        left -= r;
      }
      return n;
    }

    private String readLine() throws IOException {
      int n = 0;
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          return n == 0 ? null : new String(line, 0, n, StandardCharsets.ISO_8859_1);
        }
        if (b != '\r' && n < line.length) {
          line[n++] = (byte) b;
        }
      }
      return new String(line, 0, n, StandardCharsets.ISO_8859_1);
    }
  }

  // --- constant rate --------------------------------------------------------------------------

  void run() throws Exception {
    double rate = Double.parseDouble(opts.get("rate"));
    double warmup = Double.parseDouble(opts.getOrDefault("warmup", "30"));
    double duration = Double.parseDouble(opts.getOrDefault("duration", "60"));
    int connections = Integer.parseInt(opts.getOrDefault("connections", "64"));
    long first = (long) (warmup * rate);
    long end = (long) ((warmup + duration) * rate);
    int measured = (int) (end - first);
    long[] latency = new long[measured];
    long[] lag = new long[measured];
    long[] done = new long[measured];
    int[] status = new int[measured];
    Arrays.fill(latency, -1);
    AtomicLong next = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    AtomicLong ioErrors = new AtomicLong();
    List<Connection> pool = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Connection conn = new Connection();
      conn.open();
      pool.add(conn);
    }
    long start = System.nanoTime() + 500_000_000L;
    double nanosPerRequest = 1e9 / rate;
    List<Thread> threads = new ArrayList<>();
    for (Connection conn : pool) {
      Thread t =
          new Thread(
              () -> {
                for (long i = next.getAndIncrement(); i < end; i = next.getAndIncrement()) {
                  long intended = start + (long) (i * nanosPerRequest);
                  byte[] req = request(i);
                  for (long wait = intended - System.nanoTime();
                      wait > 0;
                      wait = intended - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                  }
                  long sent = System.nanoTime();
                  int code;
                  try {
                    long[] answer = conn.exchange(req);
                    code = (int) answer[0];
                    if (i >= first) {
                      bytes.addAndGet(answer[1]);
                    }
                  } catch (IOException | RuntimeException e) {
                    ioErrors.incrementAndGet();
                    conn.close();
                    code = -1;
                  }
                  long finished = System.nanoTime();
                  if (i >= first) {
                    int k = (int) (i - first);
                    latency[k] = finished - intended;
                    lag[k] = sent - intended;
                    done[k] = finished;
                    status[k] = code;
                  }
                }
              },
              "load-" + threads.size());
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long measureStart = start + (long) (first * nanosPerRequest);
    long measureEnd = start + (long) (end * nanosPerRequest);
    sleepUntil(measureStart);
    long cpu0 = os.getProcessCpuTime();
    sleepUntil(measureEnd);
    long cpu1 = os.getProcessCpuTime();
    for (Thread t : threads) {
      t.join(20_000);
    }
    pool.forEach(Connection::close);

    long completedInWindow = 0;
    long errors = 0;
    long unfinished = 0;
    Map<Integer, Integer> codes = new TreeMap<>();
    long[] ok = new long[measured];
    long[] lags = new long[measured];
    int n = 0;
    for (int k = 0; k < measured; k++) {
      if (latency[k] < 0) {
        unfinished++;
        continue;
      }
      codes.merge(status[k], 1, Integer::sum);
      if (done[k] >= measureStart && done[k] <= measureEnd) {
        completedInWindow++;
      }
      if (status[k] != 200) {
        errors++;
      }
      ok[n] = latency[k];
      lags[n] = lag[k];
      n++;
    }
    long[] lat = Arrays.copyOf(ok, n);
    long[] lg = Arrays.copyOf(lags, n);
    Arrays.sort(lat);
    Arrays.sort(lg);
    double seconds = (measureEnd - measureStart) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "RESULT target=%s rate=%.0f duration_s=%.0f requests=%d p50_ms=%.2f p90_ms=%.2f"
            + " p99_ms=%.2f p999_ms=%.2f max_ms=%.2f achieved_rps=%.1f errors=%d unfinished=%d"
            + " io_errors=%d bytes_per_response=%.0f send_lag_p99_ms=%.2f send_lag_max_ms=%.2f"
            + " generator_cpu_pct=%.0f codes=%s%n",
        toStatic ? "static" : "feed",
        rate,
        seconds,
        measured,
        ms(pct(lat, 0.50)),
        ms(pct(lat, 0.90)),
        ms(pct(lat, 0.99)),
        ms(pct(lat, 0.999)),
        ms(n == 0 ? 0 : lat[n - 1]),
        completedInWindow / seconds,
        errors + unfinished,
        unfinished,
        ioErrors.get(),
        n == 0 ? 0.0 : (double) bytes.get() / n,
        ms(pct(lg, 0.99)),
        ms(n == 0 ? 0 : lg[n - 1]),
        100.0 * (cpu1 - cpu0) / (measureEnd - measureStart),
        codes.toString().replace(" ", ""));
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
      Thread.sleep(Math.max(1, wait / 1_000_000));
    }
  }

  private static long pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  // --- sample and paths -----------------------------------------------------------------------

  void sample() throws IOException {
    int count = Integer.parseInt(opts.getOrDefault("count", "200"));
    Connection conn = new Connection();
    conn.keepBody = true;
    List<byte[]> bodies = new ArrayList<>();
    Map<String, Integer> statuses = new TreeMap<>();
    Map<String, Integer> sources = new TreeMap<>();
    Map<String, Integer> groups = new TreeMap<>();
    int tracked = 0;
    int enrolled = 0;
    Pattern status = Pattern.compile("\"status\":\"([A-Z_]+)\"");
    Pattern source = Pattern.compile("\"source\":\"([A-Z_]+)\"");
    Pattern group = Pattern.compile("\"audienceGroup\":\\{[^}]*\"name\":\"([^\"]*)\"");
    for (long i = 0; i < count; i++) {
      long[] answer = conn.exchange(request(i));
      if (answer[0] != 200) {
        throw new IllegalStateException(
            "HTTP " + answer[0] + ": " + new String(conn.body, StandardCharsets.UTF_8));
      }
      String json = new String(conn.body, StandardCharsets.UTF_8);
      bodies.add(conn.body);
      count(status.matcher(json), statuses);
      count(source.matcher(json), sources);
      count(group.matcher(json), groups);
      tracked += occurrences(json, "\"tracking\":");
      enrolled += occurrences(json, "\"armId\":");
    }
    conn.close();
    bodies.sort((a, b) -> Integer.compare(a.length, b.length));
    byte[] median = bodies.get(bodies.size() / 2);
    if (opts.containsKey("save")) {
      Files.write(Path.of(opts.get("save")), median);
    }
    System.out.printf(
        Locale.ROOT,
        "SAMPLE requests=%d bytes_min=%d bytes_median=%d bytes_max=%d items=%s sources=%s"
            + " tracked_items=%d enrolled_items=%d%n",
        count,
        bodies.get(0).length,
        median.length,
        bodies.get(bodies.size() - 1).length,
        statuses.toString().replace(" ", ""),
        sources.toString().replace(" ", ""),
        tracked,
        enrolled);
    System.out.println("GROUPS " + groups);
  }

  private static void count(Matcher m, Map<String, Integer> into) {
    while (m.find()) {
      into.merge(m.group(1), 1, Integer::sum);
    }
  }

  private static int occurrences(String s, String what) {
    int n = 0;
    for (int at = s.indexOf(what); at >= 0; at = s.indexOf(what, at + 1)) {
      n++;
    }
    return n;
  }

  void paths() throws IOException {
    int count = Integer.parseInt(opts.getOrDefault("count", "10000"));
    StringBuilder all = new StringBuilder();
    for (long i = 0; i < count; i++) {
      all.append(path(i)).append('\n');
    }
    Files.writeString(Path.of(opts.get("out")), all);
  }
}
