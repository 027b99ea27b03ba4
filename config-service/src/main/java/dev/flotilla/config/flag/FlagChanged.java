package dev.flotilla.config.flag;

/** What a change did: the flag before it (null: created) and after it (null: deleted). */
public record FlagChanged(FlagView before, FlagView after) {

    public boolean created() {
        return before == null;
    }
}
