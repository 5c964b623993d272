package io.paysuite.sandbox.wechat;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * WeChat Pay v2's flat XML, {@code <xml><k><![CDATA[v]]></k>…</xml>}, read with the JDK's parser locked down
 * (no DOCTYPE at all, so no external or internal entities: XXE and entity expansion are refused outright) and
 * written by hand. Only one level of elements: anything nested, repeated or outside {@code <xml>} is refused,
 * so a signature can never cover a different reading of the same bytes.
 */
final class V2Xml {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private V2Xml() {
    }

    /** @throws IllegalArgumentException when the bytes are not the flat v2 format (a DOCTYPE included) */
    static Map<String, String> parse(byte[] xml) {
        Document document;
        try {
            document = builder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalArgumentException("not the v2 XML: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!"xml".equals(root.getTagName())) {
            throw new IllegalArgumentException("the root element is <" + root.getTagName() + ">, not <xml>");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                for (Node n = child.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n.getNodeType() == Node.ELEMENT_NODE) {
                        throw new IllegalArgumentException("<" + child.getNodeName() + "> is nested: the v2 XML is flat");
                    }
                }
                if (fields.put(child.getNodeName(), child.getTextContent()) != null) {
                    throw new IllegalArgumentException("<" + child.getNodeName() + "> appears twice");
                }
            } else if (child.getNodeType() == Node.TEXT_NODE && !child.getNodeValue().isBlank()) {
                throw new IllegalArgumentException("text directly inside <xml>");
            }
        }
        return fields;
    }

    /** Every value in CDATA (a value holding {@code ]]>} is split across two sections). */
    static String write(Map<String, String> fields) {
        StringBuilder xml = new StringBuilder("<xml>");
        fields.forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not an element name: " + name);
            }
            if (value == null) {
                return;
            }
            xml.append('<').append(name).append("><![CDATA[").append(value.replace("]]>", "]]]]><![CDATA[>"))
                    .append("]]></").append(name).append('>');
        });
        return xml.append("</xml>").toString();
    }

    private static DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // fatal errors throw, nothing printed to stderr
        return builder;
    }
}
