package it.io.cloudnativemcp;

import java.io.FileInputStream;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS handshake with exactly one protocol version, run in its own JVM (started by the tests with
 * TLS 1.0 and 1.1 re-enabled on the client side) so that a refusal can only come from the server.
 * Prints {@code OK <protocol>} or {@code FAIL <reason>}.
 */
public final class TlsProbe {
  private TlsProbe() {}

  public static void main(String[] args) throws Exception {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    String protocol = args[2];
    X509Certificate ca;
    try (FileInputStream in = new FileInputStream(args[3])) {
      ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket(host, port)) {
      socket.setEnabledProtocols(new String[] {protocol});
      socket.setSoTimeout(10_000);
      socket.startHandshake();
      System.out.println("OK " + socket.getSession().getProtocol());
    } catch (Exception e) {
      System.out.println("FAIL " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Runs a probe in a child JVM whose security properties allow every TLS version. */
  static String run(String host, int port, String protocol, java.nio.file.Path caFile, java.nio.file.Path workDir) throws Exception {
    java.nio.file.Path props = workDir.resolve("all-tls.security");
    java.nio.file.Files.writeString(props, "jdk.tls.disabledAlgorithms=\n");
    Process p =
        new ProcessBuilder(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.properties=" + props,
                "-cp",
                System.getProperty("java.class.path"),
                TlsProbe.class.getName(),
                host,
                String.valueOf(port),
                protocol,
                caFile.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
    return out;
  }
}
