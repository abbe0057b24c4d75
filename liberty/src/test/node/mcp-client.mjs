// Drives the official MCP TypeScript SDK client against the server, as an end-to-end test step.
// Usage: node mcp-client.mjs '<plan as JSON>'
// plan: { url, transport: "streamable-http" | "sse", headers: {...}, steps: [ {op, ...} ] }
// ops:  { op: "listTools" }, { op: "callTool", name, arguments }
// Prints one JSON document on stdout: { ok, server, sessionId, results: [...] } or { ok: false, error }.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";

const plan = JSON.parse(process.argv[2]);
const headers = plan.headers ?? {};

function transportFor(plan) {
  const url = new URL(plan.url);
  if (plan.transport === "sse") {
    return new SSEClientTransport(url, {
      requestInit: { headers },
      eventSourceInit: {
        fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers ?? {}), ...headers } }),
      },
    });
  }
  return new StreamableHTTPClientTransport(url, { requestInit: { headers } });
}

const out = { ok: false, results: [] };
const client = new Client({ name: "cloud-native-mcp-e2e", version: "1.0.0" });
const transport = transportFor(plan);
try {
  await client.connect(transport);
  out.server = client.getServerVersion();
  out.capabilities = client.getServerCapabilities();
  out.instructions = client.getInstructions();
  out.sessionId = transport.sessionId ?? null;
  for (const step of plan.steps ?? []) {
    try {
      if (step.op === "listTools") {
        out.results.push({ op: step.op, result: await client.listTools() });
      } else if (step.op === "callTool") {
        out.results.push({ op: step.op, name: step.name, result: await client.callTool({ name: step.name, arguments: step.arguments ?? {} }) });
      } else {
        out.results.push({ op: step.op, error: "unknown op" });
      }
    } catch (e) {
      out.results.push({ op: step.op, name: step.name, error: String(e?.message ?? e), code: e?.code ?? null });
    }
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
