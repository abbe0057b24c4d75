/** Outbound HTTP adapters: alert delivery to a webhook. */
package io.cloudnativemcp.adapter.out.http;
