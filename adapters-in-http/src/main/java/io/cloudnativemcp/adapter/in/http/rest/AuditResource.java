package io.cloudnativemcp.adapter.in.http.rest;

import io.cloudnativemcp.application.port.in.QueryAuditLogCommand;
import io.cloudnativemcp.application.port.in.QueryAuditLogUseCase;
import io.cloudnativemcp.domain.audit.AuditCursor;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.audit.AuditPage;
import io.cloudnativemcp.domain.audit.AuditQuery;
import io.cloudnativemcp.domain.audit.AuditStats;
import io.cloudnativemcp.domain.audit.AuditStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * REST adapter: the audit log ({@code audit:read}), answering the seed guide's queries verbatim:
 * {@code /api/audit/logs?status=failed&limit=50} and {@code /api/audit/logs?user=admin&limit=100}.
 */
@Path("/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  static final int EXPORT_PAGE = 1000;
  private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

  private QueryAuditLogUseCase audit;

  /** For CDI's client proxy only. */
  protected AuditResource() {}

  @Inject
  public AuditResource(QueryAuditLogUseCase audit) {
    this.audit = audit;
  }

  /** One audit record as the API shows it; absent values are {@code null}, never missing. */
  @JsonbNillable
  public record AuditItem(
      Long id,
      Instant timestamp,
      String type,
      String principal,
      String authMethod,
      String clientAddress,
      String transport,
      String sessionId,
      String tool,
      String namespace,
      String status,
      String outcome,
      String error,
      long durationMs,
      Map<String, Object> arguments) {
    static AuditItem from(AuditEvent e) {
      return new AuditItem(
          e.id(), e.timestamp(), e.type().wireName(), e.principal(), e.authMethod(), e.clientAddress(), e.transport(), e.sessionId(),
          e.action(), e.namespace(), e.status().wireName(), e.outcome().wireName(), e.error(), e.durationMs(), e.arguments());
    }
  }

  /** {@code GET /api/audit/logs}. */
  @JsonbNillable
  public record AuditList(List<AuditItem> items, String nextCursor) {}

  /** {@code GET /api/audit/stats}. */
  @JsonbNillable
  public record StatsResponse(
      Instant from, Instant to, long total, Map<String, Long> byOutcome, Map<String, Long> byTool, Map<String, Long> byPrincipal) {
    static StatsResponse from(AuditStats s) {
      return new StatsResponse(s.from().orElse(null), s.to().orElse(null), s.total(), s.byOutcome(), s.byTool(), s.byPrincipal());
    }
  }

  @GET
  @Path("/logs")
  public Response logs(
      @QueryParam("status") String status,
      @QueryParam("outcome") String outcome,
      @QueryParam("user") String user,
      @QueryParam("principal") String principal,
      @QueryParam("tool") String tool,
      @QueryParam("namespace") String namespace,
      @QueryParam("authMethod") String authMethod,
      @QueryParam("clientAddress") String clientAddress,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor,
      @Context HttpServletRequest request) {
    AuditQuery query =
        query(status, outcome, user, principal, tool, namespace, authMethod, clientAddress, from, to, cursor,
            Requests.integer("limit", limit, AuditQuery.DEFAULT_LIMIT, 1, AuditQuery.MAX_LIMIT));
    AuditPage page = audit.query(new QueryAuditLogCommand(Requests.principal(request), query, Requests.origin(request)));
    AuditList body = new AuditList(page.items().stream().map(AuditItem::from).toList(), page.next().map(AuditCursor::encode).orElse(null));
    return Response.ok(JSON.toJson(body), MediaType.APPLICATION_JSON).build();
  }

  @GET
  @Path("/stats")
  public Response stats(@QueryParam("from") String from, @QueryParam("to") String to, @Context HttpServletRequest request) {
    Optional<Instant> f = Requests.instant("from", from);
    Optional<Instant> t = Requests.instant("to", to);
    if (f.isPresent() && t.isPresent() && !f.get().isBefore(t.get())) {
      throw Requests.invalid("from", "must be before 'to'");
    }
    AuditStats stats =
        audit.stats(new QueryAuditLogCommand(Requests.principal(request), AuditQuery.all(1), Requests.origin(request)), f, t);
    return Response.ok(JSON.toJson(StatsResponse.from(stats)), MediaType.APPLICATION_JSON).build();
  }

  @GET
  @Path("/export")
  @Produces({"application/x-ndjson", "text/csv", MediaType.APPLICATION_JSON})
  public Response export(
      @QueryParam("format") String format,
      @QueryParam("status") String status,
      @QueryParam("outcome") String outcome,
      @QueryParam("user") String user,
      @QueryParam("principal") String principal,
      @QueryParam("tool") String tool,
      @QueryParam("namespace") String namespace,
      @QueryParam("authMethod") String authMethod,
      @QueryParam("clientAddress") String clientAddress,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @Context HttpServletRequest request) {
    String fmt = format == null || format.isBlank() ? "ndjson" : format.trim().toLowerCase(Locale.ROOT);
    if (!fmt.equals("ndjson") && !fmt.equals("csv")) {
      throw Requests.invalid("format", "must be ndjson or csv (got '" + format + "')");
    }
    AuditQuery query = query(status, outcome, user, principal, tool, namespace, authMethod, clientAddress, from, to, null, EXPORT_PAGE);
    // Authorized (and audited) before the response starts, so a refusal is still a clean 403.
    QueryAuditLogUseCase.Export export =
        audit.export(new QueryAuditLogCommand(Requests.principal(request), query, Requests.origin(request)));
    boolean csv = fmt.equals("csv");
    StreamingOutput body =
        out -> {
          Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          if (csv) {
            w.write(CsvRows.HEADER);
          }
          export.writeTo(
              e -> {
                try {
                  w.write(csv ? CsvRows.row(AuditItem.from(e), JSON) : JSON.toJson(AuditItem.from(e)) + "\n");
                } catch (java.io.IOException io) {
                  throw new UncheckedIOException(io);
                }
              });
          w.flush();
        };
    return Response.ok(body, csv ? "text/csv; charset=UTF-8" : "application/x-ndjson; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"audit." + fmt + "\"")
        .build();
  }

  private static AuditQuery query(
      String status, String outcome, String user, String principal, String tool, String namespace, String authMethod,
      String clientAddress, String from, String to, String cursor, int limit) {
    Optional<AuditStatus> st = Optional.empty();
    if (status != null && !status.isBlank()) {
      try {
        st = Optional.of(AuditStatus.fromWireName(status));
      } catch (IllegalArgumentException e) {
        throw Requests.invalid("status", e.getMessage());
      }
    }
    Optional<AuditOutcome> oc = Optional.empty();
    if (outcome != null && !outcome.isBlank()) {
      try {
        oc = Optional.of(AuditOutcome.fromWireName(outcome));
      } catch (IllegalArgumentException e) {
        throw Requests.invalid("outcome", e.getMessage());
      }
    }
    Optional<AuditCursor> after = Optional.empty();
    if (cursor != null && !cursor.isBlank()) {
      try {
        after = Optional.of(AuditCursor.decode(cursor.trim()));
      } catch (IllegalArgumentException e) {
        throw Requests.invalid("cursor", e.getMessage());
      }
    }
    Optional<Instant> f = Requests.instant("from", from);
    Optional<Instant> t = Requests.instant("to", to);
    try {
      return new AuditQuery(
          st, oc, Optional.ofNullable(user != null && !user.isBlank() ? user : principal), Optional.ofNullable(tool),
          Optional.ofNullable(namespace), Optional.ofNullable(authMethod), Optional.ofNullable(clientAddress), f, t, after, limit);
    } catch (IllegalArgumentException e) {
      throw Requests.invalid("from", e.getMessage());
    }
  }
}
