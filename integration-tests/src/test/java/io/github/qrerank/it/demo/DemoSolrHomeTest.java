package io.github.qrerank.it.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

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
