package it.io.cloudnativemcp;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A certificate authority made at test time, issuing server and client certificates as PEM files. */
final class TestCertificates {
  record Issued(X509Certificate certificate, KeyPair keys, Path certFile, Path keyFile) {}

  private final KeyPair caKeys;
  final X509Certificate ca;
  final Path caFile;
  private final Path dir;

  TestCertificates(Path dir, String name) throws Exception {
    this.dir = dir;
    Files.createDirectories(dir);
    caKeys = rsa();
    X500Name subject = new X500Name("CN=" + name + ",O=cloud-native-mcp tests");
    X509v3CertificateBuilder b = builder(subject, subject, caKeys);
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    ca = sign(b, caKeys);
    caFile = writeCert(dir.resolve(name + "-ca.pem"), ca);
  }

  /** A server certificate for 127.0.0.1 and localhost; the key in PKCS#1 or PKCS#8 form. */
  Issued server(String name, boolean pkcs1) throws Exception {
    KeyPair keys = rsa();
    X509v3CertificateBuilder b = builder(issuer(), new X500Name("CN=" + name), keys);
    b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    X509Certificate cert = sign(b, caKeys);
    return new Issued(cert, keys, writeCert(dir.resolve(name + ".pem"), cert), writeKey(dir.resolve(name + "-key.pem"), keys, pkcs1));
  }

  /** A client certificate with CN and OU. */
  Issued client(String cn, String ou) throws Exception {
    KeyPair keys = rsa();
    X509v3CertificateBuilder b =
        builder(issuer(), new X500Name("CN=" + cn + ",OU=" + ou + ",O=acme"), keys);
    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
    X509Certificate cert = sign(b, caKeys);
    return new Issued(cert, keys, writeCert(dir.resolve(cn + ".pem"), cert), writeKey(dir.resolve(cn + "-key.pem"), keys, false));
  }

  /** The CA's subject exactly as encoded, so that chains build (the RFC 2253 string reverses the order). */
  private X500Name issuer() {
    return X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
  }

  /** A TLS client context trusting {@code trusted}, presenting {@code client} if given. */
  static SSLContext context(X509Certificate trusted, Issued client, String protocol) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", trusted);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    KeyManagerFactory kmf = null;
    if (client != null) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("client", client.keys().getPrivate(), "pw".toCharArray(), new java.security.cert.Certificate[] {client.certificate()});
      kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, "pw".toCharArray());
    }
    SSLContext ctx = SSLContext.getInstance(protocol);
    ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
    return ctx;
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return g.generateKeyPair();
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer, BigInteger.valueOf(new SecureRandom().nextLong() & Long.MAX_VALUE), Date.from(now.minus(1, ChronoUnit.HOURS)),
        Date.from(now.plus(2, ChronoUnit.DAYS)), subject, keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer) throws Exception {
    return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
  }

  private static Path writeCert(Path file, X509Certificate cert) throws IOException {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(cert);
    }
    return Files.writeString(file, w.toString(), StandardCharsets.US_ASCII);
  }

  private static Path writeKey(Path file, KeyPair keys, boolean pkcs1) throws IOException {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
      // JcaPEMWriter writes "RSA PRIVATE KEY" (PKCS#1) for a KeyPair; PKCS#8 needs the generator.
      pem.writeObject(pkcs1 ? keys : new JcaPKCS8Generator(keys.getPrivate(), null));
    }
    return Files.writeString(file, w.toString(), StandardCharsets.US_ASCII);
  }
}
