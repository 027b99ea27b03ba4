package dev.flotilla.search;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import dev.flotilla.testing.Responses;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static dev.flotilla.search.Api.documents;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class UploadApiTest {

    private final UUID tenant = UUID.randomUUID();

    private ValidatableResponse upload(String c, String fileName, String mediaType, byte[] content, String id) {
        var request = Requests.as(tenant, "member").contentType(ContentType.MULTIPART)
                .multiPart("file", fileName, content, mediaType);
        if (id != null) {
            request = request.multiPart("id", id);
        }
        return request.post(documents(c)).then();
    }

    @Test
    void aPdfIsExtractedWithPdfBoxAndBecomesSearchable() throws IOException {
        String c = Api.collection(tenant);
        byte[] report = pdf("Quarterly report", "Revenue grew because of the lighthouse project.");
        Responses.created(upload(c, "report.pdf", "application/pdf", report, "report")
                .header("Location", containsString("/documents/report"))
                .body("title", is("Quarterly report"))
                .body("body", containsString("lighthouse project"))
                .body("source", is("report.pdf")));
        assertEquals(List.of("report"), Api.ids(tenant, c, "lighthouse"));
    }

    @Test
    void htmlIsExtractedWithJsoupWithoutMarkupOrScripts() {
        String c = Api.collection(tenant);
        String html = """
                <html><head><title>Team page</title><style>p { color: red }</style></head>
                <body><h1>Our team</h1><p>We build <b>harbour</b> cranes.</p><script>var secret = "hidden";</script></body></html>""";
        Responses.created(upload(c, "team.html", "text/html", html.getBytes(StandardCharsets.UTF_8), "team")
                .body("title", is("Team page"))
                .body("body", containsString("We build harbour cranes."))
                .body("body", not(containsString("secret")))
                .body("body", not(containsString("<b>"))));
        assertEquals(List.of("team"), Api.ids(tenant, c, "harbour cranes"));
    }

    @Test
    void markdownAndPlainTextAreAccepted() {
        String c = Api.collection(tenant);
        byte[] markdown = "# Release notes\n\nThe **turbine** is [documented](http://x).".getBytes(StandardCharsets.UTF_8);
        Responses.created(upload(c, "notes.md", "text/markdown", markdown, "md")
                .body("title", is("Release notes"))
                .body("body", containsString("The turbine is documented.")));
        Responses.created(
                upload(c, "plain.txt", "text/plain", "Just plain words about windmills.".getBytes(StandardCharsets.UTF_8), null)
                        .body("title", is("plain")));
        assertEquals(List.of("md"), Api.ids(tenant, c, "turbine"));
    }

    @Test
    void anUnsupportedFileTypeIsA415() {
        String c = Api.collection(tenant);
        upload(c, "photo.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }, null)
                .spec(Problems.unsupportedMediaType());
    }

    @Test
    void aFileOverTheSizeLimitIsA413() {
        String c = Api.collection(tenant);
        upload(c, "big.txt", "text/plain", "word ".repeat(60_000).getBytes(StandardCharsets.UTF_8), null)
                .spec(Problems.payloadTooLarge());
    }

    @Test
    void aBrokenPdfIsUnprocessable() {
        String c = Api.collection(tenant);
        upload(c, "broken.pdf", "application/pdf", "%PDF-1.7 this is not really a pdf".getBytes(StandardCharsets.UTF_8), null)
                .spec(Problems.unprocessable());
    }

    private static byte[] pdf(String title, String text) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            document.setDocumentInformation(info);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
