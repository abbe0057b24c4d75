/** The product's prompts: read-first Kubernetes workflows that name the server's own tools. */
package io.cloudnativemcp.application.service.prompt;
