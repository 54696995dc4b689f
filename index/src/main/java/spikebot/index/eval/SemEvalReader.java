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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the question file of SemEval-2016 Task 3, subtask B: the original questions, their related questions and
 * each related question's replies ({@code RelComment}).
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
            ThreadBuilder thread = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("Thread") && thread != null) {
                    RelatedQuestion related = thread.build();
                    Builder q = current(current, xml);
                    if (related != null && q.related.stream().noneMatch(r -> r.id().equals(related.id()))) {
                        q.related.add(related);
                    }
                    thread = null;
                }
                if (event != XMLStreamConstants.START_ELEMENT) continue;
                switch (xml.getLocalName()) {
                    case "OrgQuestion" -> {
                        String id = required(xml, "ORGQ_ID");
                        current = questions.computeIfAbsent(id, Builder::new);
                    }
                    case "OrgQSubject" -> current(current, xml).subject = xml.getElementText().strip();
                    case "OrgQBody" -> current(current, xml).body = xml.getElementText().strip();
                    case "Thread" -> {
                        thread = new ThreadBuilder();
                        thread.sameAs = xml.getAttributeValue(null, "SubtaskA_Skip_Because_Same_As_RelQuestion_ID");
                    }
                    case "RelQuestion" -> {
                        ThreadBuilder t = inThread(thread, xml);
                        t.id = required(xml, "RELQ_ID");
                        t.rank = Integer.parseInt(required(xml, "RELQ_RANKING_ORDER").strip());
                        t.asker = user(xml, "RELQ_USERID", "RELQ_USERNAME");
                        t.asked = date(xml.getAttributeValue(null, "RELQ_DATE"));
                    }
                    case "RelQSubject" -> inThread(thread, xml).subject = xml.getElementText().strip();
                    case "RelQBody" -> inThread(thread, xml).body = xml.getElementText().strip();
                    case "RelComment" -> {
                        ThreadBuilder t = inThread(thread, xml);
                        t.commentId = required(xml, "RELC_ID");
                        t.commenter = user(xml, "RELC_USERID", "RELC_USERNAME");
                        t.commented = date(xml.getAttributeValue(null, "RELC_DATE"));
                    }
                    case "RelCText" -> {
                        ThreadBuilder t = inThread(thread, xml);
                        t.comments.add(new RelatedQuestion.Comment(t.commentId, t.commenter, t.commented,
                                xml.getElementText().strip()));
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

    private static RelatedQuestion.User user(XMLStreamReader xml, String id, String name) {
        return new RelatedQuestion.User(xml.getAttributeValue(null, id), xml.getAttributeValue(null, name));
    }

    /** "2013-05-02 19:43:00", read as UTC (the forum's zone is not given); null when missing or unreadable. */
    private static Instant date(String text) {
        if (text == null) return null;
        try {
            return LocalDateTime.parse(text.strip().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ThreadBuilder inThread(ThreadBuilder thread, XMLStreamReader xml) throws XMLStreamException {
        if (thread == null) throw new XMLStreamException(xml.getLocalName() + " outside a Thread", xml.getLocation());
        return thread;
    }

    /** One {@code Thread}: its related question and its comments, complete at the element's end. */
    private static final class ThreadBuilder {
        String sameAs;
        String id;
        int rank;
        String subject = "";
        String body = "";
        RelatedQuestion.User asker;
        Instant asked;
        final List<RelatedQuestion.Comment> comments = new ArrayList<>();
        String commentId;
        RelatedQuestion.User commenter;
        Instant commented;

        /** Null for a thread without a related question. */
        RelatedQuestion build() {
            return id == null ? null : new RelatedQuestion(id, rank, subject, body, sameAs, asker, asked, comments);
        }
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
