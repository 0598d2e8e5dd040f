package dev.hearth.crypto;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sealed text columns of one table whose rows name their key in one column: how each
 * value is sealed and opened (bound to table, column and row), how many rows each key
 * seals, and the re-sealing of a batch, in the transaction {@link KeyRotation} opens. The
 * owning module declares one as a bean per table (so the rotation finds it as a
 * {@link ReEncryptable}) and seals and opens its values with it. Thread-safe.
 */
public final class SealedColumns implements ReEncryptable {

	private final String name;

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final String table;

	private final String keyColumn;

	private final String rowId;

	private final List<String> columns;

	private final String counted;

	/**
	 * @param name the name shown in the rotation's progress and metrics
	 * @param jdbc the database
	 * @param cipher seals and opens
	 * @param table the table
	 * @param keyColumn its column naming the key ({@code null}: plaintext row)
	 * @param rowId a SQL expression of the row's identity as text, bound into each
	 * value's context (e.g. {@code id::text} or {@code conversation_id || '/' || seq})
	 * @param columns the sealed text columns
	 * @param counted a SQL condition selecting the rows that hold anything to seal
	 */
	public SealedColumns(String name, JdbcClient jdbc, FieldCipher cipher, String table, String keyColumn, String rowId,
			List<String> columns, String counted) {
		this.name = name;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.table = table;
		this.keyColumn = keyColumn;
		this.rowId = rowId;
		this.columns = List.copyOf(columns);
		this.counted = counted;
	}

	/** The associated data of a value: {@code table.column/row}. */
	public static String context(String table, String column, Object rowId) {
		return table + "." + column + "/" + rowId;
	}

	/** The key new values are sealed with. */
	public String activeKey() {
		return this.cipher.activeKey();
	}

	/** Seals {@code value} of {@code column} in row {@code rowId}; {@code null} stays. */
	public String seal(String keyId, String column, Object rowId, String value) {
		return this.cipher.seal(keyId, value, context(this.table, column, rowId));
	}

	/** Opens a stored value; with {@code keyId} {@code null} it is plaintext. */
	public String open(String keyId, String column, Object rowId, String stored) {
		return this.cipher.open(keyId, stored, context(this.table, column, rowId));
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Map<String, Long> rowsByKey() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc
			.sql("select coalesce(" + this.keyColumn + ", ?), count(*) from " + this.table + " where " + this.counted
					+ " group by 1 order by 1")
			.param(ReEncryptable.PLAINTEXT)
			.query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	@Override
	public int reseal(String activeKey, Set<String> older, int limit) {
		record Row(String ctid, String id, String key, List<String> values) {
		}
		String select = "select ctid::text as row_ctid, " + this.rowId + " as row_id, " + this.keyColumn
				+ " as row_key, " + String.join(", ", this.columns) + " from " + this.table + " where (" + this.counted
				+ ") and (" + this.keyColumn + " is null or " + this.keyColumn
				+ " = any(:older)) limit :limit for update skip locked";
		List<Row> rows = this.jdbc.sql(select)
			.param("older", older.toArray(String[]::new))
			.param("limit", limit)
			.query((rs, n) -> {
				String id = rs.getString("row_id");
				String key = rs.getString("row_key");
				List<String> values = new ArrayList<>();
				for (String column : this.columns) {
					values.add(open(key, column, id, rs.getString(column)));
				}
				return new Row(rs.getString("row_ctid"), id, key, values);
			})
			.list();
		StringBuilder update = new StringBuilder("update " + this.table + " set " + this.keyColumn + " = ?");
		for (String column : this.columns) {
			update.append(", ").append(column).append(" = ?");
		}
		update.append(" where ctid = cast(? as tid)");
		for (Row row : rows) {
			var statement = this.jdbc.sql(update.toString()).param(activeKey);
			for (int i = 0; i < this.columns.size(); i++) {
				statement = statement.param(seal(activeKey, this.columns.get(i), row.id(), row.values().get(i)));
			}
			statement.param(row.ctid()).update();
		}
		return rows.size();
	}

}
