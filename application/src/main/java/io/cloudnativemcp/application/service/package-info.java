/** Implementations of the use cases. */
package io.cloudnativemcp.application.service;
