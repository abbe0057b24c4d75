/** The MCP endpoints: the official SDK's servlet transports and the bridge to the use cases. */
package io.cloudnativemcp.adapter.in.http.mcp;
