/** API keys: strength rules, hashing, generation and lifecycle. */
package io.cloudnativemcp.domain.apikey;
