/**
 * Encryption at rest. {@link dev.hearth.crypto.FieldCipher} seals a column value with
 * AES-256-GCM (the JDK's {@code javax.crypto}): a random 96-bit nonce per value, the
 * key's id stored in the row beside the ciphertext, and associated data naming the table,
 * column and row so that a ciphertext copied to another row or column does not open. Keys
 * come from {@code hearth.crypto.keys} or a mounted key file; a development key is
 * generated under the data folder, with a warning, only when no profile named
 * {@code prod} is active. {@link dev.hearth.crypto.SearchTokens} turns text into
 * keyed-hash (HMAC) word tokens, with regulated data left out, so that transcripts can be
 * searched without storing words in clear. Modules that own encrypted columns provide a
 * {@link dev.hearth.crypto.ReEncryptable} bean: a {@link dev.hearth.crypto.SealedColumns}
 * for plain sealed text, a class of their own when derived data (search tokens, lookup
 * hashes) must change with it; {@link dev.hearth.crypto.KeyRotation} re-seals their rows
 * under the active key in bounded batches, one transaction each that it owns (plaintext
 * rows from before encryption included), audits each pass, and reports its progress.
 * docs/adr/0013.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Encryption at rest")
package dev.hearth.crypto;
