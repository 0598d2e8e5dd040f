package dev.hearth.crypto;

import java.util.Map;
import java.util.Set;

/**
 * A table with sealed columns, a bean of the module that owns it: its rows carry the key
 * id in a column beside the ciphertext ({@code null} for rows from before encryption),
 * and it re-seals its own rows, with whatever it derives from them (search tokens, lookup
 * hashes), when {@link KeyRotation} asks. Tables with only sealed text columns need no
 * class of their own: a {@link SealedColumns} bean is one.
 */
public interface ReEncryptable {

	/** The table's name, as shown in the rotation's progress. */
	String name();

	/**
	 * How many rows each key seals; the key {@link #PLAINTEXT} counts rows written before
	 * encryption.
	 */
	Map<String, Long> rowsByKey();

	/**
	 * Re-seals with {@code activeKey} at most {@code limit} rows that are plaintext or
	 * sealed with a key in {@code older} (the configured keys but the active one),
	 * skipping rows that another transaction holds. Called inside a transaction that
	 * {@link KeyRotation} opens and commits (one per batch): the rows it selects stay
	 * locked until then.
	 * @return how many rows it re-sealed
	 */
	int reseal(String activeKey, Set<String> older, int limit);

	/** The key name under which {@link #rowsByKey} counts plaintext rows. */
	String PLAINTEXT = "(plaintext)";

}
