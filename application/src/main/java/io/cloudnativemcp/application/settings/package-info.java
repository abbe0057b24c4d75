/** Typed, validated settings the use cases consume; bootstrap builds them from the configuration. */
package io.cloudnativemcp.application.settings;
