package dev.flotilla.health.page;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import java.io.StringWriter;
import java.time.Instant;

/** A page's incidents as an Atom feed (RFC 4287): one entry per incident, its updates in the entry's content. */
final class AtomFeed {

    static final String MEDIA_TYPE = "application/atom+xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    /** The feed of {@code content}'s incidents; {@code pageUrl} is the page's own address. */
    static String of(PageContent content, String pageUrl) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", "urn:flotilla:status-page:" + content.page().slug());
            element(xml, "title", content.page().title() + " incidents");
            element(xml, "updated", updated(content).toString());
            link(xml, "alternate", pageUrl);
            link(xml, "self", pageUrl + "/history.atom");
            xml.writeStartElement("author");
            element(xml, "name", content.page().title());
            xml.writeEndElement();
            for (PageContent.Incident incident : content.incidents()) {
                xml.writeStartElement("entry");
                element(xml, "id", "urn:uuid:" + incident.id());
                element(xml, "title", incident.name());
                element(xml, "published", incident.createdAt().toString());
                element(xml, "updated", incident.updatedAt().toString());
                link(xml, "alternate", pageUrl + "#incident-" + incident.id());
                xml.writeStartElement("content");
                xml.writeAttribute("type", "text");
                StringBuilder text = new StringBuilder();
                for (PageContent.Update update : incident.updates()) {
                    text.append(update.createdAt()).append(" — ").append(update.status()).append(": ")
                            .append(update.body() == null ? "" : update.body()).append('\n');
                }
                xml.writeCharacters(text.toString().strip());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
        return out.toString();
    }

    private static Instant updated(PageContent content) {
        return content.incidents().stream().map(PageContent.Incident::updatedAt).max(Instant::compareTo)
                .orElse(content.page().updatedAt());
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }
}
