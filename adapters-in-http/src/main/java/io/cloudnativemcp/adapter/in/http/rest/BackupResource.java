package io.cloudnativemcp.adapter.in.http.rest;

import io.cloudnativemcp.application.port.in.BackupUseCase;
import io.cloudnativemcp.domain.access.AccessRule;
import io.cloudnativemcp.domain.apikey.ApiKey;
import io.cloudnativemcp.domain.apikey.ApiKeyHash;
import io.cloudnativemcp.domain.apikey.ApiKeyId;
import io.cloudnativemcp.domain.apikey.ApiKeySource;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.shared.RuleViolationException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * REST adapter: backup and restore ({@code backup:admin}) as NDJSON, one item per line: a header,
 * then {@code apiKey} lines (hash and metadata, never a key), {@code policy} lines and {@code audit}
 * lines.
 */
@Path("/backup")
@RequestScoped
public class BackupResource {
  static final String FORMAT = "cloud-native-mcp-server/backup";
  static final int VERSION = 1;
  static final String NDJSON = "application/x-ndjson";
  /** Absent fields are left out: each line carries only what its type has. */
  private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

  private BackupUseCase backup;

  /** For CDI's client proxy only. */
  protected BackupResource() {}

  @Inject
  public BackupResource(BackupUseCase backup) {
    this.backup = backup;
  }

  /** One line of a backup; {@code type} first, fields of other types absent. */
  @JsonbPropertyOrder({"type", "format", "version", "exportedAt", "id", "auditId", "name", "timestamp"})
  public record Line(
      String type,
      String format,
      Integer version,
      Instant exportedAt,
      String id,
      String name,
      List<String> groups,
      String prefix,
      String hash,
      String source,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt,
      Instant lastUsedAt,
      String replacedBy,
      Map<String, Object> match,
      Map<String, Object> allow,
      Long auditId,
      Instant timestamp,
      String eventType,
      String principal,
      String authMethod,
      String clientAddress,
      String transport,
      String sessionId,
      String action,
      String namespace,
      String outcome,
      String error,
      Long durationMs,
      Map<String, Object> arguments) {

    static Line header() {
      return new Line("header", FORMAT, VERSION, Instant.now(), null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static Line of(ApiKey k) {
      return new Line("apiKey", null, null, null, k.id().value(), k.name(), List.copyOf(new TreeSet<>(k.groups())), k.prefix(),
          k.hash().hex(), k.source().name(), k.createdAt(), k.expiresAt().orElse(null), k.revokedAt().orElse(null),
          k.lastUsedAt().orElse(null), k.replacedBy().map(ApiKeyId::value).orElse(null), null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, null);
    }

    static Line of(AccessRule r) {
      Map<String, Object> match = Map.of(
          "users", r.match().users().patterns(), "groups", r.match().groups().patterns(), "keys", r.match().keys().patterns(),
          "authenticated", r.match().anyAuthenticated());
      Map<String, Object> allow = Map.of(
          "tools", r.allow().tools().patterns(),
          "risks", r.allow().risks().stream().map(x -> x.wireName()).sorted().toList(),
          "namespaces", r.allow().namespaces().patterns(),
          "permissions", r.allow().permissions().stream().map(p -> p.value()).sorted().toList());
      return new Line("policy", null, null, null, null, r.name(), null, null, null, null, null, null, null, null, null, match, allow,
          null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static Line of(AuditEvent e) {
      return new Line("audit", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          e.id(), e.timestamp(), e.type().name(), e.principal(), e.authMethod(), e.clientAddress(), e.transport(), e.sessionId(),
          e.action(), e.namespace(), e.outcome().name(), e.error(), e.durationMs(), e.arguments());
    }

    ApiKey toApiKey() {
      return ApiKey.restore(new ApiKeyId(id), name, groups == null ? java.util.Set.of() : new LinkedHashSet<>(groups), prefix,
          new ApiKeyHash(hash), ApiKeySource.valueOf(source), createdAt, expiresAt, revokedAt, lastUsedAt,
          replacedBy == null ? null : new ApiKeyId(replacedBy));
    }

    AuditEvent toAuditEvent() {
      return new AuditEvent(auditId, timestamp, AuditEventType.valueOf(eventType), principal, authMethod, clientAddress, transport,
          sessionId, action, namespace, AuditOutcome.valueOf(outcome), error, durationMs == null ? 0 : durationMs, arguments);
    }
  }

  @GET
  @Produces(NDJSON)
  public Response export(@Context HttpServletRequest request) {
    // Authorized (and audited) before the first byte, so a refusal is a clean 403.
    BackupUseCase.Backup export = backup.export(Requests.admin(request));
    StreamingOutput body = out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write(JSON.toJson(Line.header()) + "\n");
      export.writeTo(BackupUseCase.sink(
          k -> line(w, Line.of(k)), r -> line(w, Line.of(r)), e -> line(w, Line.of(e))));
      w.flush();
    };
    return Response.ok(body, NDJSON + "; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"cloud-native-mcp-backup.ndjson\"")
        .build();
  }

  @POST
  @Path("/restore")
  @Consumes({NDJSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  public BackupUseCase.RestoreReport restore(InputStream body, @Context HttpServletRequest request) throws IOException {
    List<ApiKey> keys = new ArrayList<>();
    List<AccessRule> policies = new ArrayList<>();
    List<AuditEvent> events = new ArrayList<>();
    List<Line> policyLines = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    String text;
    int number = 0;
    boolean header = false;
    while ((text = reader.readLine()) != null) {
      number++;
      if (text.isBlank()) {
        continue;
      }
      Line line;
      try {
        line = JSON.fromJson(text, Line.class);
        switch (line.type() == null ? "" : line.type()) {
          case "header" -> {
            if (!FORMAT.equals(line.format()) || line.version() == null || line.version() != VERSION) {
              throw invalid(number, "not a " + FORMAT + " version " + VERSION + " backup");
            }
            header = true;
          }
          case "apiKey" -> keys.add(line.toApiKey());
          case "policy" -> policyLines.add(line);
          case "audit" -> events.add(line.toAuditEvent());
          default -> throw invalid(number, "unknown item type '" + line.type() + "'");
        }
      } catch (RuleViolationException e) {
        throw e;
      } catch (RuntimeException e) {
        throw invalid(number, "not a valid backup item (" + e.getClass().getSimpleName() + ")");
      }
    }
    if (!header) {
      throw invalid(1, "the backup has no header line");
    }
    policies.addAll(PolicyLines.toRules(policyLines));
    return backup.restore(Requests.admin(request), new BackupUseCase.BackupContents(keys, policies, events));
  }

  private static RuleViolationException invalid(int line, String problem) {
    return new RuleViolationException("invalid_backup", "Line " + line + " of the backup: " + problem + ".");
  }

  private static void line(Writer w, Line line) {
    try {
      w.write(JSON.toJson(line));
      w.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
