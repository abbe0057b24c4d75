package io.cloudnativemcp.application.service;

import io.cloudnativemcp.application.port.in.CallToolCommand;
import io.cloudnativemcp.application.port.in.CallToolUseCase;
import io.cloudnativemcp.application.port.in.ToolCallResult;
import io.cloudnativemcp.application.port.out.ClusterException;
import io.cloudnativemcp.application.service.audit.AuditTrail;
import io.cloudnativemcp.application.service.tool.Tool;
import io.cloudnativemcp.application.service.tool.ToolCatalog;
import io.cloudnativemcp.application.settings.OutputLimits;
import io.cloudnativemcp.domain.access.AccessDecision;
import io.cloudnativemcp.domain.access.AccessPolicy;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditEventType;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import io.cloudnativemcp.domain.audit.MaskingPolicy;
import io.cloudnativemcp.domain.shared.DomainException;
import io.cloudnativemcp.domain.tool.ToolArguments;
import io.cloudnativemcp.domain.tool.ToolResult;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a tool call: find the tool, validate the arguments, ask the access policy once, run the
 * tool through its ports, mask and bound the result, and write one audit record.
 */
@Dependent
public class CallToolService implements CallToolUseCase {
  private static final Logger LOG = Logger.getLogger(CallToolService.class.getName());

  private final ToolCatalog catalog;
  private final AccessPolicy policy;
  private final MaskingPolicy auditMasking;
  private final MaskingPolicy outputMasking;
  private final AuditTrail audit;
  private final OutputLimits limits;
  private final Clock clock;

  @Inject
  public CallToolService(
      ToolCatalog catalog,
      AccessPolicy policy,
      MaskingPolicy masking,
      AuditTrail audit,
      OutputLimits limits,
      Clock clock) {
    this.catalog = catalog;
    this.policy = policy;
    this.auditMasking = masking;
    this.outputMasking = masking.alwaysEnabled();
    this.audit = audit;
    this.limits = limits;
    this.clock = clock;
  }

  @Override
  public ToolCallResult call(CallToolCommand command) {
    Instant startedAt = clock.instant();
    long started = System.nanoTime();
    Optional<String> namespace = Optional.empty();
    ToolCallResult result;
    Optional<Tool> tool = catalog.find(command.toolName());
    if (tool.isEmpty() || !policy.modeAdmits(tool.get().descriptor())) {
      result =
          new ToolCallResult.Failed(
              AuditOutcome.FAILED,
              "unknown_tool",
              "Unknown tool '" + command.toolName() + "'. Call tools/list to see the tools you may use.");
    } else {
      ToolArguments arguments = null;
      try {
        arguments = ToolArguments.validate(tool.get().descriptor(), command.arguments());
        namespace = tool.get().namespace(arguments);
      } catch (DomainException e) {
        result = new ToolCallResult.Failed(AuditOutcome.FAILED, e.code(), e.getMessage());
        record(command, startedAt, started, namespace, result);
        return result;
      }
      AccessDecision decision = policy.decide(command.principal(), tool.get().descriptor(), namespace);
      if (decision instanceof AccessDecision.Denied denied) {
        result = new ToolCallResult.Denied("Access denied: " + denied.reason() + ".");
      } else {
        result = run(tool.get(), arguments, command);
      }
    }
    record(command, startedAt, started, namespace, result);
    return result;
  }

  private ToolCallResult run(Tool tool, ToolArguments arguments, CallToolCommand command) {
    try {
      ToolResult raw = tool.call(arguments, command.principal());
      return new ToolCallResult.Succeeded(bound(new ToolResult(outputMasking.maskText(raw.text()), raw.structuredContent())));
    } catch (ClusterException e) {
      return new ToolCallResult.Failed(
          e.callerError() ? AuditOutcome.FAILED : AuditOutcome.ERROR, e.code(), e.getMessage());
    } catch (DomainException e) {
      return new ToolCallResult.Failed(AuditOutcome.FAILED, e.code(), e.getMessage());
    } catch (RuntimeException e) {
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Tool " + tool.descriptor().name() + " failed unexpectedly (incident " + incident + ")", e);
      return new ToolCallResult.Failed(
          AuditOutcome.ERROR,
          "internal_error",
          "The tool failed unexpectedly. The server logged the details under incident " + incident + ".");
    }
  }

  /** Cuts a result that exceeds {@code output.maxBytes} and says how to get the rest. */
  private ToolResult bound(ToolResult result) {
    byte[] bytes = result.text().getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= limits.maxBytes()) {
      return result;
    }
    String note =
        "\n[output truncated at "
            + limits.maxBytes()
            + " of "
            + bytes.length
            + " bytes; narrow the query (namespace, labelSelector, a smaller limit) or read the next page]\n";
    int keep = limits.maxBytes() - note.getBytes(StandardCharsets.UTF_8).length;
    String head = new String(bytes, 0, Math.max(keep, 0), StandardCharsets.UTF_8);
    // A cut in the middle of a multi-byte character decodes to U+FFFD: drop it.
    if (head.endsWith("\uFFFD")) {
      head = head.substring(0, head.length() - 1);
    }
    return new ToolResult(head + note, null);
  }

  private void record(
      CallToolCommand command, Instant startedAt, long started, Optional<String> namespace, ToolCallResult result) {
    String error =
        result instanceof ToolCallResult.Failed f
            ? f.message()
            : result instanceof ToolCallResult.Denied d ? d.reason() : null;
    Map<String, Object> arguments = auditMasking.mask(command.arguments());
    audit.record(
        new AuditEvent(
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
            result.outcome(),
            error == null ? null : auditMasking.maskText(error),
            (System.nanoTime() - started) / 1_000_000,
            arguments));
  }
}
