/**
 * Personal data protection. {@link dev.hearth.privacy.Redactor} finds personal data in
 * text with pluggable {@link dev.hearth.privacy.PiiDetector}s (emails, phone numbers,
 * IBANs checked by mod 97, payment card numbers checked by Luhn, national IDs named by a
 * label nearby (a BSN passes its 11-test one number in eleven), postal addresses, and
 * customer and order numbers by configurable patterns) and replaces each value with a
 * stable placeholder such as {@code [EMAIL_1]}, so that text can leave the network
 * without it; {@link dev.hearth.privacy.Redaction#restore} puts the values back into an
 * answer. {@link dev.hearth.privacy.Masking} hides the same data from staff by role in
 * every view and export. {@link dev.hearth.privacy.AuditTrail} is the hash-chained audit
 * trail; {@link dev.hearth.privacy.RetentionJob} purges each data class past its
 * retention through the {@link dev.hearth.privacy.RetentionPurger} of the module that
 * owns it, the audit trail behind a verifiable checkpoint.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package dev.hearth.privacy;
