/** Prompts: named, parameterised workflows an assistant fetches before it calls tools. */
package io.cloudnativemcp.domain.prompt;
