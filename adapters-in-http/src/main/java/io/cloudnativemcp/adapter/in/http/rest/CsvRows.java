package io.cloudnativemcp.adapter.in.http.rest;

import jakarta.json.bind.Jsonb;

/** RFC 4180 rows of the audit export; arguments are one JSON-encoded column. */
final class CsvRows {
  static final String HEADER =
      "id,timestamp,type,principal,authMethod,clientAddress,transport,sessionId,tool,namespace,status,outcome,error,durationMs,arguments\r\n";

  private CsvRows() {}

  static String row(AuditResource.AuditItem i, Jsonb json) {
    return String.join(
            ",",
            cell(i.id()), cell(i.timestamp()), cell(i.type()), cell(i.principal()), cell(i.authMethod()), cell(i.clientAddress()),
            cell(i.transport()), cell(i.sessionId()), cell(i.tool()), cell(i.namespace()), cell(i.status()), cell(i.outcome()),
            cell(i.error()), cell(i.durationMs()), cell(json.toJson(i.arguments())))
        + "\r\n";
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String s = String.valueOf(value);
    // Cells that a spreadsheet would run as a formula are prefixed with a quote.
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
