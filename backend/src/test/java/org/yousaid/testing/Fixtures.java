package org.yousaid.testing;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Test data builders: every test makes its own areas and people, so tests never share state and
 * can run against one database.
 */
@Singleton
public class Fixtures {

    private final DataSource dataSource;

    protected Fixtures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A new local area with a unique id. */
    @Transactional
    public String area() {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 13);
        update("insert into areas (id, name) values (?, ?)", id, "Test area " + id);
        return id;
    }

    /** A new person holding {@code role} in {@code areaId}; returns their uid. */
    @Transactional
    public String member(String areaId, String role) {
        String uid = role + "-" + UUID.randomUUID();
        update("insert into memberships (area_id, id, uid, role) values (?, ?, ?, ?)", areaId, UUID.randomUUID(), uid, role);
        return uid;
    }

    @Transactional
    public long count(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement (tests use it to stage states the API cannot reach, e.g. a dead worker's lease). */
    @Transactional
    public void execute(String sql, Object... args) {
        update(sql, args);
    }

    /**
     * Every text-like column (text, varchar, json, arrays) of every table of ours holding {@code needle},
     * as table.column: how a test proves words or an id are gone from the whole database.
     */
    @Transactional
    public java.util.List<String> columnsHolding(String needle) {
        java.util.List<String> found = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            java.util.List<String[]> columns = new java.util.ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select table_name, column_name from information_schema.columns
                    where table_schema = current_schema() and table_name <> 'flyway_schema_history'
                      and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')
                    order by table_name, column_name""");
                 var rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            if (columns.size() < 50) {
                throw new IllegalStateException("only " + columns.size() + " text columns found: the search looked in the wrong place");
            }
            for (String[] col : columns) {
                try (PreparedStatement s = c.prepareStatement("select count(*) from \"" + col[0] + "\" where \"" + col[1]
                        + "\"::text like ?")) {
                    s.setString(1, "%" + needle + "%");
                    try (var rs = s.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.add(col[0] + "." + col[1]);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    @Transactional
    public String text(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row the query returns. */
    @Transactional
    public java.util.List<String> column(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); var rs = s.executeQuery()) {
            java.util.List<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
