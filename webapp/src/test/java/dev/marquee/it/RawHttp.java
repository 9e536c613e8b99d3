package dev.marquee.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.0 over a plain socket, for requests {@code java.net.http} refuses to send: raw non-ASCII
 * header bytes, malformed percent escapes in the query.
 */
final class RawHttp {
  /** The status and the whole response (status line, headers and body) as text. */
  record Reply(int status, String text) {}

  private RawHttp() {}

  /**
   * @param path sent exactly as given (from the server's root)
   * @param headerLine one header line, UTF-8, without its CRLF
   */
  static Reply get(URL base, String path, String headerLine) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.0\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write((headerLine + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      String text = response.toString(StandardCharsets.UTF_8);
      return new Reply(Integer.parseInt(text.substring(9, 12)), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
