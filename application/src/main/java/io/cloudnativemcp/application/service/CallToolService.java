package io.cloudnativemcp.application.service;

import io.cloudnativemcp.application.port.in.CallToolCommand;
import io.cloudnativemcp.application.port.in.CallToolUseCase;
import io.cloudnativemcp.application.port.in.ToolCallResult;
import io.cloudnativemcp.application.port.out.AuditUnavailableException;
import io.cloudnativemcp.application.port.out.ClusterException;
import io.cloudnativemcp.application.port.out.MetricsRecorder;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.application.service.monitor.SecurityMonitor;
import io.cloudnativemcp.application.service.tool.Tool;
import io.cloudnativemcp.application.service.tool.ToolCall;
import io.cloudnativemcp.application.service.tool.ToolCatalog;
import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.domain.access.AccessDecision;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.access.ConfirmationFallback;
import io.cloudnativemcp.domain.access.RestrictedResourceException;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.cluster.JsonText;
import io.cloudnativemcp.domain.monitoring.CallObservation;
import io.cloudnativemcp.domain.shared.DomainException;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolResult;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a tool call: find the tool, validate the arguments, ask the access policy once, run the
 * tool through its ports, mask and bound the result, and write one audit record. A call that
 * changes the cluster is recorded before it runs and completed afterwards; when that record cannot
 * be written, the call does not run.
 */
@Dependent
public class CallToolService implements CallToolUseCase {
  private static final Logger LOG = Logger.getLogger(CallToolService.class.getName());

  private final ToolCatalog catalog;
  private final AccessPolicy policy;
  private final MaskingPolicy auditMasking;
  private final MaskingPolicy outputMasking;
  private final AuditTrail audit;
  private final SecurityMonitor monitor;
  private final MetricsRecorder metrics;
  private final OutputLimits limits;
  private final Clock clock;

  @Inject
  public CallToolService(
      ToolCatalog catalog,
      AccessPolicy policy,
      MaskingPolicy masking,
      AuditTrail audit,
      SecurityMonitor monitor,
      MetricsRecorder metrics,
      OutputLimits limits,
      Clock clock) {
    this.catalog = catalog;
    this.policy = policy;
    this.auditMasking = masking;
    this.outputMasking = masking.alwaysEnabled();
    this.audit = audit;
    this.monitor = monitor;
    this.metrics = metrics;
    this.limits = limits;
    this.clock = clock;
  }

  @Override
  public ToolCallResult call(CallToolCommand command) {
    Call call = new Call(command, clock.instant(), System.nanoTime());
    if (!audit.accepting()) {
      // Refuse before doing anything: an unaudited call is worse than no call.
      return new ToolCallResult.Failed(
          AuditOutcome.ERROR, "audit_unavailable", "The audit trail cannot accept records right now; try again shortly.");
    }
    Optional<Tool> tool = catalog.find(command.toolName());
    if (tool.isEmpty() || !policy.modeAdmits(tool.get().descriptor())) {
      return call.finish(
          new ToolCallResult.Failed(
              AuditOutcome.FAILED,
              "unknown_tool",
              "Unknown tool '" + command.toolName() + "'. Call tools/list to see the tools you may use."));
    }
    call.tool = tool.get();
    ToolArguments arguments;
    try {
      arguments = ToolArguments.validate(call.tool.descriptor(), command.arguments());
      call.namespace = call.tool.namespace(arguments);
    } catch (DomainException e) {
      return call.finish(new ToolCallResult.Failed(AuditOutcome.FAILED, e.code(), e.getMessage()));
    }
    AccessDecision decision = policy.decide(command.principal(), call.tool.descriptor(), call.namespace);
    if (decision instanceof AccessDecision.Denied denied) {
      return call.finish(new ToolCallResult.Denied("Access denied: " + denied.reason() + "."));
    }
    if (call.tool.descriptor().destructive()) {
      Optional<String> refusal = confirm(call.tool, arguments, command.interaction());
      if (refusal.isPresent()) {
        return call.finish(new ToolCallResult.Denied(refusal.get()));
      }
    }
    if (!call.tool.descriptor().readOnly()) {
      try {
        call.pendingId = audit.recordBefore(call.event(AuditOutcome.PENDING, null, 0));
      } catch (AuditUnavailableException e) {
        return call.finish(new ToolCallResult.Failed(AuditOutcome.ERROR, e.code(), e.getMessage()));
      }
    }
    return call.finish(run(call.tool, arguments, command));
  }

  /**
   * Asks the user to confirm a destructive call when the client can ask; otherwise applies the
   * configured fallback.
   *
   * @return the reason to refuse, or empty to go ahead
   */
  private Optional<String> confirm(Tool tool, ToolArguments arguments, CallToolCommand.Interaction interaction) {
    if (!interaction.canConfirm()) {
      return policy.mode().confirmationFallback() == ConfirmationFallback.ALLOW
          ? Optional.empty()
          : Optional.of(
              "Tool '" + tool.descriptor().name() + "' is destructive and needs the user's confirmation, but this"
                  + " client cannot ask for it (MCP elicitation); the server is configured to refuse such calls"
                  + " (kubernetes.confirmationFallback: deny).");
    }
    CallToolCommand.Interaction.Confirmation answer = interaction.confirm(tool.confirmation(arguments));
    return switch (answer) {
      case ACCEPTED -> Optional.empty();
      case DECLINED -> Optional.of("The user declined: " + tool.descriptor().name() + " was not run.");
      case CANCELLED, UNAVAILABLE -> Optional.of(
          "The confirmation was dismissed or could not be obtained: " + tool.descriptor().name() + " was not run.");
    };
  }

  private ToolCallResult run(Tool tool, ToolArguments arguments, CallToolCommand command) {
    try {
      ToolResult raw = tool.call(arguments, new ToolCall(command.principal(), command.interaction()));
      // A tool without an output schema returns text only (clients warn about anything else).
      Map<String, Object> structured = tool.descriptor().output().isPresent() ? raw.structuredContent() : null;
      // The last net: tools mask what they know is secret; this catches credentials anywhere else.
      return new ToolCallResult.Succeeded(
          bound(
              new ToolResult(
                  outputMasking.maskText(raw.text()), structured == null ? null : outputMasking.mask(structured))));
    } catch (RestrictedResourceException e) {
      return new ToolCallResult.Denied("Access denied: " + e.getMessage());
    } catch (ClusterException e) {
      return new ToolCallResult.Failed(
          e.callerError() ? AuditOutcome.FAILED : AuditOutcome.ERROR, e.code(), outputMasking.maskText(e.getMessage()));
    } catch (DomainException e) {
      return new ToolCallResult.Failed(AuditOutcome.FAILED, e.code(), outputMasking.maskText(e.getMessage()));
    } catch (RuntimeException e) {
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Tool " + tool.descriptor().name() + " failed unexpectedly (incident " + incident + ")", e);
      return new ToolCallResult.Failed(
          AuditOutcome.ERROR,
          "internal_error",
          "The tool failed unexpectedly. The server logged the details under incident " + incident + ".");
    }
  }

  /**
   * Keeps a result within {@code output.maxBytes}: text and structured content together. The
   * structured content may use what the text leaves, and at least half; what does not fit is cut
   * (items from the end, marked {@code truncated}), and the text says what was cut and how to get
   * the rest.
   */
  ToolResult bound(ToolResult result) {
    int max = limits.maxBytes();
    byte[] text = result.text().getBytes(StandardCharsets.UTF_8);
    Map<String, Object> structured = result.structuredContent();
    int structuredBytes = structured == null ? 0 : JsonText.utf8Length(structured);
    if (text.length + structuredBytes <= max) {
      return result;
    }
    String structuredNote = "";
    if (structured != null) {
      int budget = Math.max(max / 2, max - text.length);
      if (structuredBytes > budget) {
        StructuredCut cut = StructuredCut.cut(structured, budget);
        structured = cut.content();
        structuredBytes = JsonText.utf8Length(structured);
        structuredNote = cut.note();
      }
    }
    String body = result.text();
    int textBudget = max - structuredBytes;
    if (text.length > textBudget) {
      String note =
          "\n[output truncated at "
              + textBudget
              + " of "
              + text.length
              + " bytes; narrow the query (namespace, labelSelector, a smaller limit) or read the next page]\n";
      int keep = textBudget - note.getBytes(StandardCharsets.UTF_8).length - structuredNote.getBytes(StandardCharsets.UTF_8).length;
      String head = new String(text, 0, Math.max(keep, 0), StandardCharsets.UTF_8);
      // A cut in the middle of a multi-byte character decodes to U+FFFD: drop it.
      if (head.endsWith("\uFFFD")) {
        head = head.substring(0, head.length() - 1);
      }
      body = head + note + structuredNote;
    } else if (!structuredNote.isEmpty()) {
      String withNote = body + structuredNote;
      body = withNote.getBytes(StandardCharsets.UTF_8).length <= textBudget ? withNote : body;
    }
    return new ToolResult(body, structured);
  }

  /**
   * Structured content cut to a byte budget: items dropped from the end of its {@code items} list
   * (marked {@code truncated} and {@code omittedItems}), or, when that cannot help, only its
   * small top-level fields kept.
   */
  record StructuredCut(Map<String, Object> content, String note) {
    static StructuredCut cut(Map<String, Object> structured, int budget) {
      if (structured.get("items") instanceof List<?> items && !items.isEmpty()) {
        int low = 0;
        int high = items.size() - 1;
        Map<String, Object> best = null;
        int bestKept = -1;
        while (low <= high) {
          int mid = (low + high) >>> 1;
          Map<String, Object> candidate = withItems(structured, items.subList(0, mid), items.size() - mid);
          if (JsonText.utf8Length(candidate) <= budget) {
            best = candidate;
            bestKept = mid;
            low = mid + 1;
          } else {
            high = mid - 1;
          }
        }
        if (best != null) {
          return new StructuredCut(
              best,
              "[structured content: " + (items.size() - bestKept) + " of " + items.size()
                  + " items cut to fit output.maxBytes; read the rest with a smaller limit or the next page]\n");
        }
      }
      Map<String, Object> small = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : structured.entrySet()) {
        Object v = e.getValue();
        if (v instanceof List<?>) {
          small.put(e.getKey(), List.of());
        } else if (v == null || v instanceof Number || v instanceof Boolean || (v instanceof String str && str.length() <= 200)) {
          small.put(e.getKey(), v);
        }
      }
      small.put("truncated", true);
      if (structured.get("items") instanceof List<?> items) {
        small.put("omittedItems", items.size());
      }
      if (JsonText.utf8Length(small) > budget) {
        small = new LinkedHashMap<>(Map.of("truncated", true));
      }
      return new StructuredCut(small, "[structured content cut to its summary fields to fit output.maxBytes; the text above has the details]\n");
    }

    private static Map<String, Object> withItems(Map<String, Object> structured, List<?> kept, int omitted) {
      Map<String, Object> copy = new LinkedHashMap<>(structured);
      copy.put("items", kept);
      if (copy.containsKey("count")) {
        copy.put("count", kept.size());
      }
      copy.put("truncated", true);
      copy.put("omittedItems", omitted);
      return copy;
    }
  }

  /** One call in flight: what the audit record, the metrics and the monitor need to know. */
  private final class Call {
    final CallToolCommand command;
    final Instant startedAt;
    final long startedNanos;
    Tool tool;
    Optional<String> namespace = Optional.empty();
    long pendingId = -1;

    Call(CallToolCommand command, Instant startedAt, long startedNanos) {
      this.command = command;
      this.startedAt = startedAt;
      this.startedNanos = startedNanos;
    }

    /**
     * The tool's name, or {@code unknown} for a name that matches no tool: a client chooses the
     * name, and every distinct label value would be a new time series.
     */
    private String metricLabel() {
      return tool == null ? "unknown" : command.toolName();
    }

    ToolCallResult finish(ToolCallResult result) {
      long nanos = System.nanoTime() - startedNanos;
      String error =
          result instanceof ToolCallResult.Failed f
              ? f.message()
              : result instanceof ToolCallResult.Denied d ? d.reason() : null;
      String maskedError = error == null ? null : auditMasking.maskText(error);
      try {
        if (pendingId >= 0) {
          audit.complete(pendingId, result.outcome(), maskedError, nanos / 1_000_000);
        } else if (!(result instanceof ToolCallResult.Failed f && "audit_unavailable".equals(f.code()))) {
          audit.record(event(result.outcome(), maskedError, nanos / 1_000_000));
        }
      } catch (AuditUnavailableException e) {
        metrics.toolCall(metricLabel(), AuditOutcome.ERROR.wireName(), nanos);
        return new ToolCallResult.Failed(AuditOutcome.ERROR, e.code(), e.getMessage());
      }
      metrics.toolCall(metricLabel(), result.outcome().wireName(), nanos);
      if (tool != null) {
        monitor.toolCalled(
            new CallObservation(
                command.principal().name(),
                command.toolName(),
                tool.descriptor().risk(),
                namespace.orElse(null),
                result.outcome() != AuditOutcome.SUCCESS,
                startedAt));
      }
      return result;
    }

    AuditEvent event(AuditOutcome outcome, String error, long durationMs) {
      return new AuditEvent(
          null,
          startedAt,
          AuditEventType.TOOL_CALL,
          command.principal().name(),
          command.principal().authMethod().wireName(),
          command.origin().clientAddress(),
          command.origin().transport(),
          command.origin().sessionId(),
          command.toolName(),
          namespace.orElse(null),
          outcome,
          error,
          durationMs,
          auditMasking.mask(command.arguments()));
    }
  }
}
