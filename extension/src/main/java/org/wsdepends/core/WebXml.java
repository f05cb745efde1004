package org.wsdepends.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.CodeSource;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The {@code <context-param>}s of the WAR a class was loaded from. wsdepends decides what to wrap while
 * CDI starts, before any {@code ServletContext} exists, so it reads the WAR's {@code WEB-INF/web.xml}
 * itself, found from the class's code source ({@code .../WEB-INF/classes/} or a jar in
 * {@code .../WEB-INF/lib/}).
 */
final class WebXml {

    private WebXml() {
    }

    /**
     * @param warClass a class of the WAR
     * @return the context parameters, empty if the class is not in a WAR or the WAR has no {@code web.xml}
     * @throws IllegalStateException if the {@code web.xml} cannot be read or parsed
     */
    static Map<String, String> contextParams(Class<?> warClass) {
        CodeSource source = warClass.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Map.of();
        }
        String location = source.getLocation().toExternalForm();
        int webInf = location.indexOf("/WEB-INF/");
        if (webInf < 0) {
            return Map.of();
        }
        URL webXml;
        try {
            webXml = new URL(location.substring(0, webInf) + "/WEB-INF/web.xml");
        } catch (IOException malformed) {
            return Map.of();
        }
        try (InputStream in = webXml.openStream()) {
            return parse(in);
        } catch (java.io.FileNotFoundException noWebXml) {
            return Map.of();
        } catch (IOException | SAXException | ParserConfigurationException unreadable) {
            throw new IllegalStateException("Cannot read the context parameters of " + webXml, unreadable);
        }
    }

    static Map<String, String> parse(InputStream in) throws IOException, SAXException, ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(in);
        Map<String, String> params = new LinkedHashMap<>();
        NodeList entries = document.getElementsByTagNameNS("*", "context-param");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            String name = text(entry, "param-name");
            if (name != null) {
                params.putIfAbsent(name, text(entry, "param-value"));
            }
        }
        return params;
    }

    private static String text(Element parent, String child) {
        NodeList found = parent.getElementsByTagNameNS("*", child);
        return found.getLength() == 0 ? null : found.item(0).getTextContent().strip();
    }
}
