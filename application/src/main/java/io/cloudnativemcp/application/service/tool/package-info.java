/** The tool catalog: each tool is a descriptor plus a handler that works through outgoing ports. */
package io.cloudnativemcp.application.service.tool;
