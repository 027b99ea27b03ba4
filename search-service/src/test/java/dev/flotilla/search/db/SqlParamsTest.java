package dev.flotilla.search.db;

import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Positional parameters of a statement being built. */
class SqlParamsTest {

    @Test
    void placeholdersNumberOnFromTheFirstValues() {
        SqlParams params = new SqlParams("tenant", "collection");
        assertEquals("$3", params.add("a"));
        assertEquals("$4", params.add("b"));
    }

    @Test
    void theTupleHoldsTheValuesInTheOrderAdded() {
        SqlParams params = new SqlParams(1);
        params.add("two");
        params.add(3L);
        Tuple tuple = params.tuple();
        assertEquals(3, tuple.size());
        assertEquals(1, tuple.getValue(0));
        assertEquals("two", tuple.getValue(1));
        assertEquals(3L, tuple.getValue(2));
    }

    @Test
    void nullIsAValue() {
        SqlParams params = new SqlParams();
        assertEquals("$1", params.add(null));
        assertEquals(1, params.tuple().size());
    }

    @Test
    void aTupleIsASnapshot() {
        SqlParams params = new SqlParams("a");
        Tuple before = params.tuple();
        params.add("b");
        assertEquals(1, before.size());
    }
}
