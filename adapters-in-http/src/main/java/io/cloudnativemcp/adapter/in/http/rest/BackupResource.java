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
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    // Only a principal with backup:admin makes the server store an uploaded file.
    backup.authorizeRestore(Requests.admin(request));
    // A backup of a full trail holds hundreds of thousands of audit records: it is spooled to a
    // temporary file, checked line by line (a bad line restores nothing), and then its audit
    // records are read again as they are restored, so they never need to fit in memory at once.
    java.nio.file.Path spool = Files.createTempFile("mcp-restore-", ".ndjson");
    try {
      spoolAtMost(body, spool, MAX_RESTORE_BYTES);
      List<java.io.Closeable> opened = new ArrayList<>();
      try {
        return restoreSpooled(spool, opened, request);
      } finally {
        for (java.io.Closeable c : opened) {
          c.close();
        }
      }
    } finally {
      Files.deleteIfExists(spool);
    }
  }

  /**
   * Largest backup accepted: about 200,000 audit records, and less than the 128 MiB of the
   * temporary directory the Deployment mounts. A larger trail moves with the database's own tools.
   */
  static final long MAX_RESTORE_BYTES = 100L * 1024 * 1024;

  private static void spoolAtMost(InputStream body, java.nio.file.Path spool, long max) throws IOException {
    try (OutputStream out = Files.newOutputStream(spool)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = body.read(buffer)) != -1) {
        total += n;
        if (total > max) {
          throw new jakarta.ws.rs.WebApplicationException(
              DomainExceptionMapper.problem(
                  413,
                  "The backup is larger than " + max + " bytes; move a trail this large with the database's own tools (docs/operations.md).",
                  "backup_too_large"));
        }
        out.write(buffer, 0, n);
      }
    }
  }

  private BackupUseCase.RestoreReport restoreSpooled(java.nio.file.Path spool, List<java.io.Closeable> opened, HttpServletRequest request)
      throws IOException {
    List<ApiKey> keys = new ArrayList<>();
    List<Line> policyLines = new ArrayList<>();
    boolean[] header = {false};
    forEachItem(spool, (number, line) -> {
      switch (line.type() == null ? "" : line.type()) {
        case "header" -> {
          if (!FORMAT.equals(line.format()) || line.version() == null || line.version() != VERSION) {
            throw invalid(number, "not a " + FORMAT + " version " + VERSION + " backup");
          }
          header[0] = true;
        }
        case "apiKey" -> keys.add(line.toApiKey());
        case "policy" -> policyLines.add(line);
        case "audit" -> line.toAuditEvent();
        default -> throw invalid(number, "unknown item type '" + line.type() + "'");
      }
    });
    if (!header[0]) {
      throw invalid(1, "the backup has no header line");
    }
    List<AccessRule> policies = PolicyLines.toRules(policyLines);
    Iterable<AuditEvent> events = () -> auditEvents(spool, opened);
    return backup.restore(Requests.admin(request), new BackupUseCase.BackupContents(keys, policies, events));
  }

  /** Longest line accepted: far above any backup item, low enough that one line cannot exhaust memory. */
  static final int MAX_LINE_CHARS = 1 << 20;

  private interface Item {
    void accept(int number, Line line);
  }

  /** Parses every non-blank line of the spooled backup; a line that is not a valid item stops with its number. */
  private static void forEachItem(java.nio.file.Path spool, Item item) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
      int number = 0;
      String text;
      while ((text = boundedLine(reader, number + 1)) != null) {
        number++;
        if (text.isBlank()) {
          continue;
        }
        Line line;
        try {
          line = JSON.fromJson(text, Line.class);
        } catch (RuntimeException e) {
          throw invalid(number, "not a valid backup item (" + e.getClass().getSimpleName() + ")");
        }
        try {
          item.accept(number, line);
        } catch (RuleViolationException e) {
          throw e;
        } catch (RuntimeException e) {
          throw invalid(number, "not a valid backup item (" + e.getClass().getSimpleName() + ")");
        }
      }
    }
  }

  /** The audit records of a spooled backup that was checked already, read lazily. */
  private static java.util.Iterator<AuditEvent> auditEvents(java.nio.file.Path spool, List<java.io.Closeable> opened) {
    BufferedReader reader;
    try {
      reader = Files.newBufferedReader(spool, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    opened.add(reader);
    return new java.util.Iterator<>() {
      private int number;
      private AuditEvent next = advance();

      /** Splits lines exactly as the check did, so every line read here was checked. */
      private AuditEvent advance() {
        try {
          String text;
          while ((text = boundedLine(reader, number + 1)) != null) {
            number++;
            if (!text.isBlank()) {
              Line line = JSON.fromJson(text, Line.class);
              if ("audit".equals(line.type())) {
                return line.toAuditEvent();
              }
            }
          }
          reader.close();
          return null;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public AuditEvent next() {
        if (next == null) {
          throw new java.util.NoSuchElementException();
        }
        AuditEvent current = next;
        next = advance();
        return current;
      }
    };
  }

  /** One line without its terminator, or null at the end; refuses a line longer than {@link #MAX_LINE_CHARS}. */
  private static String boundedLine(BufferedReader reader, int number) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = reader.read()) != -1) {
      if (c == '\n') {
        return line.toString();
      }
      if (c != '\r') {
        if (line.length() == MAX_LINE_CHARS) {
          throw invalid(number, "longer than " + MAX_LINE_CHARS + " characters");
        }
        line.append((char) c);
      }
    }
    return line.length() == 0 ? null : line.toString();
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
