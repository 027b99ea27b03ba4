package dev.flotilla.search.db;

import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/** Positional parameters of a statement being built: {@link #add} returns the placeholder to write. */
public final class SqlParams {

    private final List<Object> values = new ArrayList<>();

    public SqlParams(Object... first) {
        values.addAll(List.of(first));
    }

    public String add(Object value) {
        values.add(value);
        return "$" + values.size();
    }

    public Tuple tuple() {
        return Tuple.from(new ArrayList<>(values));
    }
}
