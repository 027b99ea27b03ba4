package dev.flotilla.search.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemMappers;
import dev.flotilla.common.json.NulCharacterException;
import dev.flotilla.search.collection.Collection;
import dev.flotilla.search.collection.CollectionService;
import dev.flotilla.search.config.SearchConfig;
import dev.flotilla.search.document.DocumentContent;
import dev.flotilla.search.document.DocumentInput;
import dev.flotilla.search.document.DocumentService;
import dev.flotilla.search.index.IndexEntry;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * NDJSON import: one document per line ({@code {"id": ..., "title": ..., "body": ..., "tags": [...],
 * "metadata": {...}, "source": ...}}), read as it arrives and written in batches of
 * {@code flotilla.search.ingest.import-batch-size}, one transaction each. A line that is not a
 * valid document is reported with its number and skipped; the others are kept. A later line for
 * the same id replaces the earlier one.
 *
 * <p>
 * Reads a blocking stream, so it runs on a worker thread. Reading and analysing the next batch
 * there overlaps with writing the previous ones; up to {@code flotilla.search.ingest.import-writers}
 * batches are written at a time, on as many connections. A batch holding an id of a batch still
 * being written waits for it, so that the later line wins.
 */
@ApplicationScoped
public class ImportService {

    private static final int MAX_REPORTED = 100;
    private static final String NOT_A_DOCUMENT = "a line must be a JSON object (a document)";

    private final CollectionService collections;
    private final DocumentService documents;
    private final ObjectMapper json;
    private final SearchConfig config;

    public ImportService(CollectionService collections, DocumentService documents, ObjectMapper json, SearchConfig config) {
        this.collections = collections;
        this.documents = documents;
        this.json = json;
        this.config = config;
    }

    public ImportReport importNdjson(UUID tenant, UUID collectionId, InputStream body) {
        Collection collection = collections.get(tenant, collectionId).await().indefinitely();
        List<ImportReport.LineError> errors = new ArrayList<>();
        long imported = 0;
        long failed = 0;
        List<DocumentContent> batch = new ArrayList<>();
        Deque<Writing> writing = new ArrayDeque<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    DocumentInput input = json.readValue(line, DocumentInput.class);
                    if (input == null) {
                        failed++;
                        report(errors, number, NOT_A_DOCUMENT);
                        continue;
                    }
                    batch.add(documents.check(input.id(), input));
                } catch (ProblemException e) {
                    failed++;
                    report(errors, number, e.getMessage());
                    continue;
                } catch (IOException e) {
                    failed++;
                    report(errors, number, explain(e));
                    continue;
                }
                if (batch.size() >= config.ingest().importBatchSize()) {
                    imported += startWriting(writing, tenant, collection, documents.analyseNow(collection, batch));
                    batch = new ArrayList<>();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        imported += startWriting(writing, tenant, collection, documents.analyseNow(collection, batch));
        while (!writing.isEmpty()) {
            imported += finished(writing.poll().written());
        }
        return new ImportReport(imported, failed, errors);
    }

    /** A batch being written: its ids and the number of documents it wrote, when done. */
    private record Writing(Set<String> ids, CompletableFuture<Integer> written) {
    }

    /**
     * Starts writing a batch once fewer than {@code import-writers} batches are being written and none of them
     * holds one of its ids, waiting for the oldest until then; the number of documents those wrote.
     */
    private int startWriting(Deque<Writing> writing, UUID tenant, Collection collection, List<IndexEntry> entries) {
        Set<String> ids = entries.stream().map(IndexEntry::id).collect(Collectors.toSet());
        int imported = 0;
        while (writing.size() >= config.ingest().importWriters()
                || writing.stream().anyMatch(w -> !Collections.disjoint(w.ids(), ids))) {
            imported += finished(writing.poll().written());
        }
        writing.add(new Writing(ids, documents.write(tenant, collection, entries).subscribeAsCompletionStage()));
        return imported;
    }

    /** Waits for a batch write, failing with what failed it. */
    private static int finished(CompletableFuture<Integer> writing) {
        try {
            return writing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void report(List<ImportReport.LineError> errors, long line, String message) {
        if (errors.size() < MAX_REPORTED) {
            errors.add(new ImportReport.LineError(line, message));
        }
    }

    /** Why a line could not be read as a document, in the API's words (never Jackson's, which name Java classes). */
    private static String explain(IOException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (e instanceof NulCharacterException nul) {
            return "'" + nul.field() + "' " + NulCharacterException.MESSAGE;
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = ProblemMappers.jsonPath(mismatch);
            if (field.isEmpty()) {
                return NOT_A_DOCUMENT;
            }
            return "'" + field + "' must be " + expected(mismatch.getTargetType());
        }
        if (e instanceof JsonEOFException) {
            return "not valid JSON: the line ends inside a value";
        }
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
            return "not valid JSON at column " + json.getLocation().getColumnNr();
        }
        return "not valid JSON";
    }

    private static String expected(Class<?> type) {
        if (type != null && List.class.isAssignableFrom(type)) {
            return "an array of strings";
        }
        return "a string";
    }
}
