/** The configuration: config.yaml as a MicroProfile Config source, and its typed, validated form. */
package io.cloudnativemcp.bootstrap.config;
