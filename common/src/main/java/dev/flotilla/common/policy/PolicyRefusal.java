package dev.flotilla.common.policy;

/** policy-service answered a call with a 4xx: it will not answer this question, now or on a retry. */
class PolicyRefusal extends RuntimeException {

    private final int status;

    PolicyRefusal(int status) {
        super("policy-service answered HTTP " + status, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
