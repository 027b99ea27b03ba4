package dev.flotilla.search.index;

/**
 * A term's postings as ranking reads them: the documents in key order, and per document the term
 * frequency of each field already divided by BM25's length normalisation of that field
 * ({@code tf / (1 − b + b · len / avg len)}, with the statistics of the index version it was read at).
 */
public record PostingList(long[] documents, float[] title, float[] body) {

    public int size() {
        return documents.length;
    }
}
