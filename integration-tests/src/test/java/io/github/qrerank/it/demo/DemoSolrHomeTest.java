package io.github.qrerank.it.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

public class DemoSolrHomeTest {

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void laysOutSolrXmlAndTheProductsCoreFromTheConfigset() throws Exception {
    Path home = DemoSolrHome.create(tmp.getRoot().toPath().resolve("home"));
    assertTrue(Files.isRegularFile(home.resolve("solr.xml")));
    Path core = home.resolve(DemoSolrHome.CORE);
    assertEquals("name=products\n", Files.readString(core.resolve("core.properties")));
    Path configset = Path.of(System.getProperty("qrerank.configset"), "conf");
    for (String file : new String[] {"solrconfig.xml", "managed-schema.xml"}) {
      assertEquals(
          file,
          Files.readString(configset.resolve(file)),
          Files.readString(core.resolve("conf").resolve(file)));
    }
  }

  @Test
  public void addsARemoteParserWithQrerankDefaultsToTheGeneratedCoreOnly() throws Exception {
    Path home = DemoSolrHome.create(tmp.getRoot().toPath().resolve("home"));
    Path token = home.resolve("provider-token");
    DemoSolrHome.addRemoteParser(home, URI.create("http://127.0.0.1:8765"), token);
    Path solrconfig = home.resolve(DemoSolrHome.CORE).resolve("conf").resolve("solrconfig.xml");
    Document xml =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(solrconfig.toFile());
    Element qrerank = parser(xml, "qrerank");
    Element remote = parser(xml, DemoSolrHome.REMOTE_PARSER);
    assertEquals(qrerank.getAttribute("class"), remote.getAttribute("class"));
    List<String> defaults = entries(qrerank);
    List<String> remoteEntries = entries(remote);
    assertFalse(defaults.isEmpty());
    assertEquals(
        "qrerank's defaults, then the remote list", defaults.size() + 1, remoteEntries.size());
    assertEquals(defaults, remoteEntries.subList(0, defaults.size()));
    assertFalse(
        "qrerank has no remote list", defaults.stream().anyMatch(e -> e.startsWith("lst remote")));
    Element list = lastChildElement(remote);
    assertEquals("lst", list.getTagName());
    assertEquals("remote", list.getAttribute("name"));
    String text = entries(list).toString();
    assertTrue(text, text.contains("str url=http://127.0.0.1:8765"));
    assertTrue(text, text.contains("str tokenFile=" + token));
    assertTrue(text, text.contains("str name=" + DemoSolrHome.PROVIDER_NAME));
    assertTrue(text, text.contains("int lateAnswerCacheSize=64"));
    Path configset = Path.of(System.getProperty("qrerank.configset"), "conf", "solrconfig.xml");
    assertFalse(
        "the configset is left as it is",
        Files.readString(configset).contains(DemoSolrHome.REMOTE_PARSER));
  }

  private static Element parser(Document xml, String name) {
    NodeList parsers = xml.getElementsByTagName("queryParser");
    Element found = null;
    for (int i = 0; i < parsers.getLength(); i++) {
      Element e = (Element) parsers.item(i);
      if (name.equals(e.getAttribute("name"))) {
        assertNull("two parsers named " + name, found);
        found = e;
      }
    }
    assertNotNull("no parser " + name, found);
    return found;
  }

  /** "tag name=text" of each child element. */
  private static List<String> entries(Element parent) {
    List<String> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e.getTagName() + " " + e.getAttribute("name") + "=" + e.getTextContent().trim());
      }
    }
    return out;
  }

  private static Element lastChildElement(Element parent) {
    Element last = null;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        last = e;
      }
    }
    return last;
  }

  @Test
  public void recreatesItsOwnHomeFromScratch() throws Exception {
    Path home = DemoSolrHome.create(tmp.getRoot().toPath().resolve("home"));
    Path stale = Files.createDirectories(home.resolve(DemoSolrHome.CORE).resolve("data"));
    DemoSolrHome.create(home);
    assertFalse(Files.exists(stale));
    assertTrue(Files.isRegularFile(home.resolve("solr.xml")));
  }

  @Test
  public void refusesToDeleteAFolderItDidNotMake() throws Exception {
    Path foreign = tmp.newFolder("mine").toPath();
    Files.writeString(foreign.resolve("notes.txt"), "keep me");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DemoSolrHome.create(foreign));
    assertTrue(e.getMessage(), e.getMessage().startsWith("--home "));
    assertEquals("keep me", Files.readString(foreign.resolve("notes.txt")));
  }
}
