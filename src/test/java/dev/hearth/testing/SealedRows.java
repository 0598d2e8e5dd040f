package dev.hearth.testing;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.hearth.crypto.FieldCipher;
import dev.hearth.crypto.SealedColumns;

/**
 * Reads sealed columns in tests the way their owners do: the stored value opened with the
 * key its row names, bound to table, column and row.
 */
public final class SealedRows {

	private SealedRows() {
	}

	/**
	 * The opened values of {@code table.column} in the rows matching {@code where}.
	 * @param rowIdSql the SQL expression of the row's identity its owner binds in
	 */
	public static List<String> opened(JdbcClient jdbc, FieldCipher cipher, String table, String keyColumn,
			String column, String rowIdSql, String where, Object... params) {
		var statement = jdbc.sql("select " + rowIdSql + " as row_id, " + keyColumn + " as row_key, " + column
				+ " as value from " + table + " where " + where + " order by 1");
		for (Object param : params) {
			statement = statement.param(param);
		}
		return statement.query((rs, n) -> cipher.open(rs.getString("row_key"), rs.getString("value"),
				SealedColumns.context(table, column, rs.getString("row_id"))))
			.list();
	}

}
