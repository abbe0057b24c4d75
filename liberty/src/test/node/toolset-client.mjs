// Drives the official MCP TypeScript SDK client through the toolset end-to-end test.
// Usage: node toolset-client.mjs '<plan as JSON>'
// plan: { url, headers: {...}, elicitation: "accept" | "decline" | null, steps: [ {op, ...} ] }
// ops:  { op: "listTools" }, { op: "callTool", name, arguments, progress: true|false, timeoutMs }
//       (a call that exceeds timeoutMs is given up: the client cancels it and later closes its streams)
// With elicitation set, the client declares the capability and answers every confirmation so.
// Prints one JSON document: { ok, results: [ {op, name, result | error, progress: [...] } ], elicitations: [...] }.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const plan = JSON.parse(process.argv[2]);
const out = { ok: false, results: [], elicitations: [] };
const capabilities = plan.elicitation ? { elicitation: {} } : {};
const client = new Client({ name: "cloud-native-mcp-toolset-e2e", version: "1.0.0" }, { capabilities });
if (plan.elicitation) {
  client.setRequestHandler(ElicitRequestSchema, async (request) => {
    out.elicitations.push(request.params.message);
    return plan.elicitation === "accept" ? { action: "accept", content: { confirm: true } } : { action: "decline" };
  });
}
const transport = new StreamableHTTPClientTransport(new URL(plan.url), { requestInit: { headers: plan.headers ?? {} } });
try {
  await client.connect(transport);
  for (const step of plan.steps ?? []) {
    const entry = { op: step.op, name: step.name };
    try {
      if (step.op === "listTools") {
        entry.result = await client.listTools();
      } else if (step.op === "callTool") {
        const progress = [];
        const timeout = step.timeoutMs ?? 120000;
        const options = step.progress
          ? { onprogress: (p) => progress.push(p), resetTimeoutOnProgress: !step.timeoutMs, timeout }
          : { timeout };
        entry.result = await client.callTool({ name: step.name, arguments: step.arguments ?? {} }, undefined, options);
        entry.progress = progress;
      } else {
        entry.error = "unknown op";
      }
    } catch (e) {
      entry.error = String(e?.message ?? e);
      entry.code = e?.code ?? null;
    }
    out.results.push(entry);
  }
  out.ok = true;
} catch (e) {
  out.error = String(e?.message ?? e);
  out.code = e?.code ?? null;
} finally {
  try {
    await client.close();
  } catch {
    // closing a failed connection may fail too
  }
}
// Exit only once the report is flushed: a large report written to a pipe is otherwise cut short.
process.stdout.write(JSON.stringify(out), () => process.exit(0));
