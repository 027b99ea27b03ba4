package dev.flotilla.common.id;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdsTest {

    @Test
    void idsAreVersionSevenUuids() {
        UUID id = Ids.next();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
    }

    @Test
    void idsSortInTheOrderTheyWereMade() {
        List<UUID> made = IntStream.range(0, 10_000).mapToObj(i -> Ids.next()).toList();
        List<String> sorted = made.stream().map(UUID::toString).sorted().toList();
        assertEquals(made.stream().map(UUID::toString).toList(), sorted);
    }
}
