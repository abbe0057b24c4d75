package io.cloudnativemcp.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Turns the seed guide's PEM files into the PKCS#12 stores Liberty reads, at startup, so nobody
 * runs keytool. Accepts PKCS#8, PKCS#1 (RSA) and SEC1 (EC) private keys; encrypted keys are refused
 * with a message saying so.
 */
final class PemKeyStores {
  private PemKeyStores() {}

  /** A store written to disk and the password Liberty needs to open it. */
  record Store(Path file, String password) {}

  static List<X509Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<X509Certificate> chain = new ArrayList<>();
    try (InputStream in = Files.newInputStream(pem)) {
      for (Certificate c : factory.generateCertificates(in)) {
        chain.add((X509Certificate) c);
      }
    }
    if (chain.isEmpty()) {
      throw new GeneralSecurityException(pem + " holds no PEM certificate");
    }
    return chain;
  }

  static PrivateKey privateKey(Path pem) throws IOException {
    try (Reader reader = Files.newBufferedReader(pem, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object o = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (o instanceof PEMKeyPair pair) {
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (o instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (o == null) {
        throw new IOException(pem + " holds no PEM private key");
      }
      throw new IOException(pem + " holds an encrypted or unsupported key (" + o.getClass().getSimpleName()
          + "); give an unencrypted PKCS#8, PKCS#1 or SEC1 PEM key, protected by file permissions or a Secret volume");
    }
  }

  /** Key and chain as a PKCS#12 key store. */
  static Store keyStore(Path certPem, Path keyPem, Path target) throws IOException, GeneralSecurityException {
    List<X509Certificate> chain = certificates(certPem);
    PrivateKey key = privateKey(keyPem);
    String password = randomPassword();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("default", key, password.toCharArray(), chain.toArray(Certificate[]::new));
    write(store, target, password);
    return new Store(target, password);
  }

  /** CA certificates as a PKCS#12 trust store. */
  static Store trustStore(Path caPem, Path target) throws IOException, GeneralSecurityException {
    String password = randomPassword();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    int i = 0;
    for (X509Certificate ca : certificates(caPem)) {
      store.setCertificateEntry("ca-" + i++, ca);
    }
    write(store, target, password);
    return new Store(target, password);
  }

  /** An empty PKCS#12 store: the key store an outbound-only SSL configuration must name. */
  static Store emptyStore(Path target) throws IOException, GeneralSecurityException {
    String password = randomPassword();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    write(store, target, password);
    return new Store(target, password);
  }

  private static void write(KeyStore store, Path target, String password) throws IOException, GeneralSecurityException {
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), ".store", ".tmp");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the directory's protection applies
    }
    try (OutputStream out = Files.newOutputStream(tmp)) {
      store.store(out, password.toCharArray());
    }
    Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static String randomPassword() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
