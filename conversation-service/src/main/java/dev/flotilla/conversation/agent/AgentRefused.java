package dev.flotilla.conversation.agent;

/** task-service answered a 4xx about an agent: it does not exist for the caller, or the caller may not read it. */
class AgentRefused extends RuntimeException {

    private final int status;

    AgentRefused(int status) {
        super("task-service answered " + status, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
