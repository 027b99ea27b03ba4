package dev.flotilla.search.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.search.db.SqlParams;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Metadata filters as conditions of a statement. */
class MetadataFilterSqlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEmptyFilterAddsNoCondition() {
        assertEquals("", MetadataFilterSql.conditions(MetadataFilter.NONE, "d.metadata", new SqlParams()));
    }

    @Test
    void anEqualityIsAskedOfTheGinIndex() {
        assertEquals(" AND (d.metadata @? $3::jsonpath)", sql("{\"kind\": \"guide\"}", new SqlParams("tenant", "collection")));
    }

    @Test
    void aRangeIsTestedByFunction() {
        assertEquals(" AND jsonb_path_exists(d.metadata, $1::jsonpath, '{}', true)",
                sql("{\"year\": {\"gte\": 2022}}", new SqlParams()));
    }

    @Test
    void aMissingFieldIsAskedForNegated() {
        assertEquals(" AND NOT jsonb_path_exists(d.metadata, $1::jsonpath, '{}', true)",
                sql("{\"stars\": {\"exists\": false}}", new SqlParams()));
    }

    @Test
    void everyConditionIsAddedWithItsOwnParameter() {
        assertEquals(" AND (d.metadata @? $1::jsonpath) AND (d.metadata @? $2::jsonpath)",
                sql("{\"a\": 1, \"b\": 2}", new SqlParams()));
    }

    @Test
    void valuesAreBoundNeverWrittenIntoTheStatement() {
        SqlParams params = new SqlParams();
        String sql = sql("{\"name\": \"x'; drop table documents; --\"}", params);
        assertFalse(sql.contains("drop"), sql);
        Tuple bound = params.tuple();
        assertEquals("$.\"name\" ? (@ == \"x'; drop table documents; --\")", bound.getValue(0));
    }

    private static String sql(String filter, SqlParams params) {
        try {
            return MetadataFilterSql.conditions(MetadataFilter.parse(JSON.readTree(filter)), "d.metadata", params);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
