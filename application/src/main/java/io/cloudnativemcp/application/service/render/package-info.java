/** Plain-Java renderers that turn results into compact text for an assistant (YAML, tables). */
package io.cloudnativemcp.application.service.render;
