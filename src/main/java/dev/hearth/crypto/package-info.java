/**
 * Encryption at rest. {@link dev.hearth.crypto.FieldCipher} seals a column value with
 * AES-256-GCM (the JDK's {@code javax.crypto}): a random 96-bit nonce per value, the
 * key's id stored in the row beside the ciphertext, and associated data naming the table,
 * column and row so that a ciphertext copied to another row or column does not open. Keys
 * come from {@code hearth.crypto.keys} or a mounted key file; a development key is
 * generated under the data folder, with a warning, only when no profile named
 * {@code prod} is active. {@link dev.hearth.crypto.SearchTokens} turns text into
 * keyed-hash (HMAC) word tokens, with regulated data left out, so that transcripts can be
 * searched without storing words in clear. Modules that own encrypted columns implement
 * {@link dev.hearth.crypto.ReEncryptable}; {@link dev.hearth.crypto.KeyRotation} re-seals
 * their rows under the active key in bounded batches (plaintext rows from before
 * encryption included), audits each pass, and reports its progress. docs/adr/0013.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Encryption at rest")
package dev.hearth.crypto;
