package dev.hearth.privacy;

/**
 * The kinds of personal data Hearth detects; the order is the priority when two
 * detections overlap.
 */
public enum PiiClass {

	EMAIL, IBAN, PAYMENT_CARD, NATIONAL_ID, CUSTOMER_NUMBER, ORDER_NUMBER, PHONE, POSTAL_ADDRESS

}
