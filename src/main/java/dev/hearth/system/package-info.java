/**
 * What belongs to no feature: where Hearth keeps its data, how it finds (or starts) its
 * PostgreSQL database, and how errors reach API clients.
 * <p>
 * {@link dev.hearth.system.SystemProperties} ({@code hearth.system.*}) names the data
 * folder that other modules keep derived state in (the Lucene index, the local admin
 * token). The database is PostgreSQL, always: the configured
 * {@code spring.datasource.url} (or {@code HEARTH_DB_URL}) when given, otherwise
 * PostgreSQL on localhost:5432 when one answers there, otherwise an embedded PostgreSQL
 * under the data folder. The database itself is created when missing, and Flyway applies
 * the migrations in {@code db/}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package dev.hearth.system;
