package dev.flotilla.search.ingest;

import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The text, title and format {@link TextExtractor} finds in a file. */
class TextExtractorTest {

    private final TextExtractor extractor = new TextExtractor();

    @TempDir
    Path directory;

    @Test
    void plainTextIsTakenAsItIs() throws IOException {
        assertEquals(new Extracted(null, "Just words.\n", "text"), extract("notes.txt", "text/plain", "Just words.\n"));
    }

    @Test
    void textThatIsNotUtf8IsReadAsLatin1() throws IOException {
        Path file = directory.resolve("latin.txt");
        Files.write(file, "café".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("café", extractor.extract(file, "text/plain", "latin.txt").text());
    }

    @Test
    void markdownLosesItsMarkupAndNamesItsFirstHeadingTheTitle() throws IOException {
        Extracted extracted = extract("notes.md", null,
                "# Release notes\n\nThe **turbine** is [documented](http://x) with `code`.");
        assertEquals(new Extracted("Release notes", "Release notes\n\nThe turbine is documented with code.", "markdown"),
                extracted);
    }

    @Test
    void htmlKeepsTheVisibleTextByBlocksAndTheTitle() throws IOException {
        Extracted extracted = extract("team.html", "text/html", """
                <html><head><title>Team page</title><style>p { color: red }</style></head>
                <body><h1>Our team</h1><p>We build <b>harbour</b> cranes.</p><script>var secret = 1;</script></body></html>""");
        assertEquals(new Extracted("Team page", "Our team\n\nWe build harbour cranes.", "html"), extracted);
    }

    @Test
    void theFormatComesFromTheMediaTypeBeforeTheName() throws IOException {
        assertEquals("markdown", extract("notes.txt", "text/markdown; charset=utf-8", "# Title").format());
    }

    @Test
    void withoutAMediaTypeTheNameDecides() throws IOException {
        assertEquals("html", extract("page.HTM", null, "<p>x</p>").format());
    }

    @Test
    void aFileStartingWithThePdfSignatureIsReadAsPdf() throws IOException {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> extract("upload.bin", null, "%PDF-1.7 not really a pdf"));
        assertEquals(ProblemType.UNPROCESSABLE, refused.type());
        assertEquals("The file could not be read as pdf", refused.getMessage());
    }

    @Test
    void anUnknownFormatIsAnUnsupportedMediaType() {
        ProblemException refused = assertThrows(ProblemException.class, () -> extract("photo.png", "image/png", "PNG"));
        assertEquals(ProblemType.UNSUPPORTED_MEDIA_TYPE, refused.type());
    }

    private Extracted extract(String name, String mediaType, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, content);
        return extractor.extract(file, mediaType, name);
    }
}
