package org.yousaid.shared;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The loop every hand-written query repeats: prepare in the current transaction, bind, read rows.
 * Binding stays explicit at the call site (PostgreSQL needs the JDBC type of each value).
 */
public final class Sql {

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    public static <T> List<T> list(JdbcOperations jdbc, String sql, Binder binder, RowMapper<T> mapper) {
        return jdbc.prepareStatement(sql, s -> {
            binder.bind(s);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        });
    }

    public static <T> Optional<T> one(JdbcOperations jdbc, String sql, Binder binder, RowMapper<T> mapper) {
        return list(jdbc, sql, binder, mapper).stream().findFirst();
    }
}
