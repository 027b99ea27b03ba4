package dev.flotilla.config.flag;

/**
 * What a change did: the flag before it (null: created) and after it (null: deleted), and the number of the flag's
 * revision it wrote.
 */
public record FlagChanged(FlagView before, FlagView after, long revision) {

    public boolean created() {
        return before == null;
    }
}
