package io.cloudnativemcp.adapter.in.http;

import io.cloudnativemcp.application.port.in.Credential;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** Reads the identity of a verified client certificate: its CN, and its OUs as groups. */
final class ClientCertificates {
  private ClientCertificates() {}

  static Credential credentialOf(X509Certificate certificate) {
    String subject = certificate.getSubjectX500Principal().getName();
    String cn = null;
    Set<String> units = new LinkedHashSet<>();
    try {
      for (Rdn rdn : new LdapName(subject).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN") && cn == null) {
          cn = String.valueOf(rdn.getValue());
        } else if (rdn.getType().equalsIgnoreCase("OU")) {
          units.add(String.valueOf(rdn.getValue()));
        }
      }
    } catch (InvalidNameException e) {
      return new Credential.RejectedToken("the client certificate's subject is not a valid name");
    }
    if (cn == null || cn.isBlank()) {
      return new Credential.RejectedToken("the client certificate has no common name");
    }
    return new Credential.ClientCertificate(cn, subject, units);
  }
}
