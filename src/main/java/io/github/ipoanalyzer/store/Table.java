package io.github.ipoanalyzer.store;

import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How one record type maps to one analysis table: its columns and their values for insert, and
 * the way back. Every table also keeps SOURCE_FILE and SOURCE_LINE.
 */
public record Table<T>(String name, String orderBy, List<String> columns, Function<T, List<Object>> values,
                       RowReader<T> reader) {

    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Named-parameter insert, parameter names equal to column names. */
    public String insertSql() {
        return "INSERT INTO " + name + " (" + String.join(", ", columns) + ", SOURCE_FILE, SOURCE_LINE) VALUES ("
                + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ", :SOURCE_FILE, :SOURCE_LINE)";
    }

    public Map<String, Object> parameters(Sourced<? extends T> item) {
        List<Object> row = values.apply(item.row());
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            params.put(columns.get(i), row.get(i));
        }
        params.put("SOURCE_FILE", item.file());
        params.put("SOURCE_LINE", item.line());
        return params;
    }

    public RowMapper<Sourced<T>> rowMapper() {
        return (rs, n) -> new Sourced<>(reader.read(rs), rs.getString("SOURCE_FILE"), rs.getLong("SOURCE_LINE"));
    }

    public String selectAll() {
        return "SELECT * FROM " + name + " ORDER BY " + orderBy;
    }
}
