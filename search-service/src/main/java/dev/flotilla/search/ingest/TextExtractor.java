package dev.flotilla.search.ingest;

import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Extracts text from uploaded files: plain text, Markdown (markup stripped, the first heading as
 * title), HTML (jsoup: visible text with block structure kept, the {@code <title>}) and PDF
 * (Apache PDFBox: the text layer, the document information's title). The format is recognised
 * from the declared media type, the file name and, for PDF, the file's signature. Blocking and
 * CPU-bound: callers run it on a worker thread.
 */
@ApplicationScoped
public class TextExtractor {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
            "tr",
            "table", "section", "article", "header", "footer", "pre", "blockquote", "dd", "dt", "hr", "main", "nav", "aside");
    private static final Pattern MD_IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern MD_HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s+");
    private static final Pattern MD_EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|_|~~|`+)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern MD_MARKERS = Pattern.compile("(?m)^\\s{0,3}(>\\s?|[-*+]\\s+|\\d+\\.\\s+|```.*|---+\\s*$)");

    public Extracted extract(Path file, String mediaType, String fileName) {
        String format = format(file, mediaType, fileName);
        try {
            return switch (format) {
                case "pdf" -> pdf(file);
                case "html" -> html(file);
                case "markdown" -> markdown(text(file));
                default -> new Extracted(null, text(file), "text");
            };
        } catch (IOException e) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The file could not be read as " + format);
        }
    }

    private static String format(Path file, String mediaType, String fileName) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (type.equals("application/pdf") || name.endsWith(".pdf") || startsWithPdfSignature(file)) {
            return "pdf";
        }
        if (type.equals("text/html") || type.equals("application/xhtml+xml") || name.endsWith(".html")
                || name.endsWith(".htm")) {
            return "html";
        }
        if (type.equals("text/markdown") || type.equals("text/x-markdown") || name.endsWith(".md")
                || name.endsWith(".markdown")) {
            return "markdown";
        }
        if (type.equals("text/plain") || name.endsWith(".txt") || name.endsWith(".text")) {
            return "text";
        }
        throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Files of type '" + (type.isEmpty() ? name : type)
                + "' are not supported; upload plain text, Markdown, HTML or PDF");
    }

    private static boolean startsWithPdfSignature(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(5);
            return new String(head, StandardCharsets.US_ASCII).equals("%PDF-");
        } catch (IOException e) {
            return false;
        }
    }

    private static Extracted pdf(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(document);
            String title = document.getDocumentInformation() == null ? null : document.getDocumentInformation().getTitle();
            return new Extracted(blankToNull(title), text.strip(), "pdf");
        }
    }

    private static Extracted html(Path file) throws IOException {
        org.jsoup.nodes.Document html = Jsoup.parse(file.toFile(), null);
        String title = html.title();
        html.select("script, style, noscript, template, head").remove();
        StringBuilder text = new StringBuilder();
        Element body = html.body();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.text());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    text.append('\n');
                }
            }
        }, body);
        return new Extracted(blankToNull(title), tidy(text.toString()), "html");
    }

    private static Extracted markdown(String source) {
        String title = null;
        for (String line : source.split("\n")) {
            if (line.matches("\\s{0,3}#\\s+.*")) {
                title = line.replaceFirst("\\s{0,3}#\\s+", "").strip();
                break;
            }
        }
        String text = MD_IMAGE.matcher(source).replaceAll("$1");
        text = MD_LINK.matcher(text).replaceAll("$1");
        text = MD_HEADING.matcher(text).replaceAll("");
        text = MD_MARKERS.matcher(text).replaceAll("");
        text = MD_EMPHASIS.matcher(text).replaceAll("$2");
        return new Extracted(title, tidy(text), "markdown");
    }

    /** UTF-8 text; a file that is not valid UTF-8 is read as Latin-1 rather than refused. */
    private static String text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static String tidy(String text) {
        return text.replace('\u00a0', ' ').replaceAll("[ \\t]+", " ").replaceAll(" ?\\n ?", "\n").replaceAll("\\n{3,}", "\n\n")
                .strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
