/**
 * Who may call Hearth, and as what: people in the console and service clients such as the
 * kb-import CLI, with one role model ({@link dev.hearth.identity.HearthRole}: AGENT,
 * SUPERVISOR, ADMIN).
 * <p>
 * One security filter chain per audience ({@code SecurityConfiguration}).
 * {@code /api/admin/**} and {@code /api/agent/**} are stateless: a request carries
 * {@code Authorization: Bearer <token>}, either a Hearth API token (stored as a SHA-256
 * hash in {@code api_token}; on first start Hearth writes one to
 * {@code <data dir>/admin-token} for the local CLI, or seeds {@code HEARTH_ADMIN_TOKEN})
 * or, when Keycloak is configured, a Keycloak access token (e.g. the CLI's
 * client-credentials token) whose realm roles are mapped to Hearth roles.
 * {@code /console/**} signs people in with a local account (PostgreSQL, bcrypt; the first
 * one, {@code admin}, is created on first start with its password printed once) or
 * through Keycloak (authorization code with PKCE; logout ends the Keycloak session), with
 * CSRF protection, a content security policy and a session timeout. The console reads the
 * signed-in person as a {@link dev.hearth.identity.SignedInUser}; the agents a
 * conversation may be given to are {@link dev.hearth.identity.Agents}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package dev.hearth.identity;
