package dev.flotilla.task.dispatch;

import java.util.List;

/** The answer to a claim: the tasks now held by the agent, highest priority and oldest first; possibly none. */
public record Claims(List<ClaimedTask> tasks) {
}
