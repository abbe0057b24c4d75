/** The REST administration API (keys, audit) as JAX-RS resources, and its problem+json mapping. */
package io.cloudnativemcp.adapter.in.http.rest;
