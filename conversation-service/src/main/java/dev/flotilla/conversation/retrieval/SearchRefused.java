package dev.flotilla.conversation.retrieval;

/** search-service refused a search for a reason of the request (the collection not found, the token refused). */
class SearchRefused extends RuntimeException {

    private final int status;

    SearchRefused(int status) {
        super("search-service refused the search with " + status, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
