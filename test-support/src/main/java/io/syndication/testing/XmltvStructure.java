package io.syndication.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The XMLTV DTD's rules that our guide must meet, checked without the DTD itself (tests may not
 * read files outside the repository): {@code tv} holds channels first, then programmes; a channel
 * has an id and a display name first; a programme has start, stop (ours always do) and a declared
 * channel, times as {@code YYYYMMDDhhmmss +hhmm} with stop after start, a title first and its
 * children in the DTD's order; no element but the DTD's EMPTY ones is empty.
 */
public final class XmltvStructure {

    /** A programme's children, in the order the DTD requires. */
    private static final List<String> PROGRAMME_CHILDREN = List.of("title", "sub-title", "desc", "credits", "date", "category",
            "keyword", "language", "orig-language", "length", "icon", "url", "country", "episode-num", "video", "audio",
            "previously-shown", "premiere", "last-chance", "new", "subtitles", "rating", "star-rating", "review", "image");
    private static final List<String> CHANNEL_CHILDREN = List.of("display-name", "icon", "url");
    private static final Set<String> EMPTY_BY_DTD = Set.of("icon", "previously-shown", "new");
    private static final Pattern TIME = Pattern.compile("\\d{14} [+-]\\d{4}");
    private static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z");

    private XmltvStructure() {
    }

    /** Every way {@code xml} breaks the rules; empty when it keeps them all. */
    public static List<String> problems(String xml) {
        Document document = parse(xml);
        List<String> problems = new ArrayList<>();
        Element tv = document.getDocumentElement();
        if (!"tv".equals(tv.getTagName())) {
            problems.add("the root is <" + tv.getTagName() + ">, not <tv>");
        }
        Set<String> channels = new HashSet<>();
        boolean programmesBegun = false;
        for (Element child : elements(tv)) {
            switch (child.getTagName()) {
                case "channel" -> {
                    if (programmesBegun) {
                        problems.add("channel " + child.getAttribute("id") + " comes after a programme");
                    }
                    if (child.getAttribute("id").isEmpty()) {
                        problems.add("a channel has no id");
                    }
                    channels.add(child.getAttribute("id"));
                    checkOrder(child, CHANNEL_CHILDREN, "display-name", problems);
                }
                case "programme" -> {
                    programmesBegun = true;
                    checkProgramme(child, channels, problems);
                }
                default -> problems.add("<tv> holds a <" + child.getTagName() + ">");
            }
        }
        checkNotEmpty(tv, problems);
        return problems;
    }

    private static void checkProgramme(Element programme, Set<String> channels, List<String> problems) {
        String where = "programme " + programme.getAttribute("channel") + "@" + programme.getAttribute("start");
        if (!channels.contains(programme.getAttribute("channel"))) {
            problems.add(where + ": its channel is not declared before it");
        }
        String start = programme.getAttribute("start");
        String stop = programme.getAttribute("stop");
        if (!TIME.matcher(start).matches() || !TIME.matcher(stop).matches()) {
            problems.add(where + ": start '" + start + "' or stop '" + stop + "' is not YYYYMMDDhhmmss +hhmm");
        } else if (!OffsetDateTime.parse(stop, TIME_FORMAT).isAfter(OffsetDateTime.parse(start, TIME_FORMAT))) {
            problems.add(where + ": stop is not after start");
        }
        checkOrder(programme, PROGRAMME_CHILDREN, "title", problems);
    }

    private static void checkOrder(Element parent, List<String> order, String first, List<String> problems) {
        String where = parent.getTagName() + " " + parent.getAttribute("id") + parent.getAttribute("start");
        List<Element> children = elements(parent);
        if (children.isEmpty() || !children.get(0).getTagName().equals(first)) {
            problems.add(where + ": does not begin with <" + first + ">");
        }
        int reached = 0;
        for (Element child : children) {
            int position = order.indexOf(child.getTagName());
            if (position < 0) {
                problems.add(where + ": <" + child.getTagName() + "> is not allowed there");
            } else if (position < reached) {
                problems.add(where + ": <" + child.getTagName() + "> is out of the DTD's order");
            } else {
                reached = position;
            }
        }
    }

    private static void checkNotEmpty(Element element, List<String> problems) {
        List<Element> children = elements(element);
        if (children.isEmpty() && element.getTextContent().isBlank() && !EMPTY_BY_DTD.contains(element.getTagName())) {
            problems.add("<" + element.getTagName() + "> is empty");
        }
        children.forEach(child -> checkNotEmpty(child, problems));
    }

    private static List<Element> elements(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // never fetch a DTD a document names: these checks stand in for the XMLTV DTD
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("The guide is not well-formed XML: " + e.getMessage(), e);
        }
    }
}
