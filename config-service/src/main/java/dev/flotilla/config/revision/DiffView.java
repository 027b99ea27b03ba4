package dev.flotilla.config.revision;

import java.util.List;

/** How the namespace's entries differ from the state at revision {@code from} to the state at revision {@code to}. */
public record DiffView(long from, long to, List<ChangeView> changes) {
}
