/**
 * Who may call Hearth: API tokens for service clients such as the kb-import CLI (and,
 * later, agents and supervisors signing in through Keycloak or local accounts).
 * <p>
 * {@code /api/admin/**} has its own stateless security filter chain: a request must carry
 * {@code Authorization: Bearer <token>} for an active token with the ADMIN role. Tokens
 * are stored as SHA-256 hashes in {@code api_token}. On first start, when no token
 * exists, Hearth creates one and writes it to {@code <data dir>/admin-token} (readable by
 * its owner only), where the CLI finds it for a local server. A deployment can instead
 * seed a known token with {@code HEARTH_ADMIN_TOKEN}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package dev.hearth.identity;
