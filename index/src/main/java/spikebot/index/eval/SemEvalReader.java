package spikebot.index.eval;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the question file of SemEval-2016 Task 3, subtask B.
 *
 * <p>The file repeats each {@code OrgQuestion} once per related question (one {@code Thread} each), so blocks are
 * grouped by {@code ORGQ_ID}: reading them one by one would give every query a single candidate. The file opens
 * with an internal DTD, which the parser must accept; external entities stay off, so a file can never make the
 * reader fetch or read anything else.
 */
public final class SemEvalReader {
    private SemEvalReader() {
    }

    public static List<OriginalQuestion> read(Path xml) {
        try (InputStream in = Files.newInputStream(xml)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(xml + " is not a SemEval question file: " + e.getMessage(), e);
        }
    }

    static List<OriginalQuestion> read(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, true);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external entity refused: " + systemId);
        });

        Map<String, Builder> questions = new LinkedHashMap<>();
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        try {
            Builder current = null;
            String relId = null, relSubject = null, relBody = null, sameAs = null;
            int relRank = 0;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) continue;
                switch (xml.getLocalName()) {
                    case "OrgQuestion" -> {
                        String id = required(xml, "ORGQ_ID");
                        current = questions.computeIfAbsent(id, Builder::new);
                    }
                    case "OrgQSubject" -> current(current, xml).subject = xml.getElementText().strip();
                    case "OrgQBody" -> current(current, xml).body = xml.getElementText().strip();
                    case "Thread" -> sameAs = xml.getAttributeValue(null, "SubtaskA_Skip_Because_Same_As_RelQuestion_ID");
                    case "RelQuestion" -> {
                        relId = required(xml, "RELQ_ID");
                        relRank = Integer.parseInt(required(xml, "RELQ_RANKING_ORDER").strip());
                    }
                    case "RelQSubject" -> relSubject = xml.getElementText().strip();
                    case "RelQBody" -> {
                        relBody = xml.getElementText().strip();
                        Builder q = current(current, xml);
                        RelatedQuestion related = new RelatedQuestion(relId, relRank, relSubject, relBody, sameAs);
                        if (q.related.stream().noneMatch(r -> r.id().equals(related.id()))) q.related.add(related);
                        sameAs = null;
                    }
                    default -> {
                    }
                }
            }
        } finally {
            xml.close();
        }
        return questions.values().stream().map(Builder::build).toList();
    }

    private static String required(XMLStreamReader xml, String attribute) throws XMLStreamException {
        String value = xml.getAttributeValue(null, attribute);
        if (value == null) {
            throw new XMLStreamException(xml.getLocalName() + " without " + attribute, xml.getLocation());
        }
        return value;
    }

    private static Builder current(Builder current, XMLStreamReader xml) throws XMLStreamException {
        if (current == null) throw new XMLStreamException(xml.getLocalName() + " outside an OrgQuestion", xml.getLocation());
        return current;
    }

    private static final class Builder {
        final String id;
        String subject = "";
        String body = "";
        final List<RelatedQuestion> related = new ArrayList<>();

        Builder(String id) {
            this.id = id;
        }

        OriginalQuestion build() {
            related.sort(Comparator.comparingInt(RelatedQuestion::engineRank));
            return new OriginalQuestion(id, subject, body, related);
        }
    }
}
