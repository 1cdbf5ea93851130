package io.github.qrerank.solr.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.qrerank.solr.search.QRerankQParserPlugin;
import io.github.qrerank.provider.HttpProviderConfig;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.solr.common.SolrException;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.solr.common.util.DOMUtil;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * The {@code remote} list of the query parser's init args: defaults, every entry checked with a
 * message naming it, and the token never in a message.
 */
class RemoteSettingsTest {
  private static final String SECRET = "s3cret-Token_value.42";

  @TempDir Path dir;

  private Path tokenFile() throws Exception {
    return Files.writeString(dir.resolve("token"), SECRET + "\n");
  }

  private String refused(NamedList<Object> list) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RemoteSettings.parse(list));
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    return e.getMessage();
  }

  @Test
  void defaults() throws Exception {
    assertDefaults(RemoteConfigs.settings("http://127.0.0.1:8765", tokenFile()));
  }

  /**
   * The README's {@code <lst name="remote">} example parses (with its token file replaced by a
   * real one) and its values are the defaults, as its comments present them.
   */
  @Test
  void theReadmesRemoteListIsValidAndShowsTheDefaults() throws Exception {
    Path readme = Path.of(System.getProperty("qrerank.readme", "../README.md"));
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int from = text.indexOf("<lst name=\"remote\">", text.indexOf("**Point Solr at it**"));
    int to = text.indexOf("</lst>", from);
    assertTrue(from > 0 && to > from, "no <lst name=\"remote\"> after **Point Solr at it**");
    String xml = text.substring(from, to + "</lst>".length());
    Element lst =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(xml)))
            .getDocumentElement();
    NamedList<Object> list = DOMUtil.childNodesToNamedList(lst);
    for (int i = 0; i < list.size(); i++) {
      assertTrue(RemoteSettings.NAMES.contains(list.getName(i)), list.getName(i));
    }
    assertEquals("/etc/qrerank/provider-token", list.get(RemoteSettings.TOKEN_FILE));
    list.setVal(list.indexOf(RemoteSettings.TOKEN_FILE, 0), tokenFile().toString());
    RemoteSettings s = RemoteSettings.parse(list);
    assertDefaults(s);
    assertEquals(HttpProviderConfig.DEFAULT_BACKEND, s.http().backend());
  }

  private static void assertDefaults(RemoteSettings s) {
    assertEquals("provider", s.name());
    assertEquals("http://127.0.0.1:8765", s.http().baseUri().toString());
    assertEquals(Duration.ofMillis(1000), s.http().connectTimeout());
    assertEquals(Duration.ofMillis(5000), s.http().readTimeout());
    assertEquals(Duration.ofMillis(10), s.pollInterval());
    assertEquals(8, s.maxConcurrentJobs());
    assertEquals(3, s.maxAttempts());
    assertEquals(5, s.breakerFailures());
    assertEquals(Duration.ofSeconds(30), s.breakerOpen());
    assertEquals(1, s.breakerProbes());
    assertEquals(256, s.lateAnswerCacheSize());
    assertEquals(Duration.ofSeconds(60), s.lateAnswerTimeout());
    assertFalse(s.toString().contains(SECRET), s.toString());
  }

  @Test
  void everyEntryIsRead() throws Exception {
    RemoteSettings s =
        RemoteConfigs.settings(
            "https://quantum.example/api/v1",
            tokenFile(),
            "name", "ibm",
            "backend", "ibm_torino",
            "connectTimeoutMs", 200,
            "readTimeoutMs", "900",
            "pollIntervalMs", 5,
            "maxConcurrentJobs", 3,
            "maxAttempts", 1,
            "breakerFailures", 4,
            "breakerOpenMs", 1500,
            "breakerProbes", 2,
            "lateAnswerCacheSize", 0,
            "lateAnswerTimeoutMs", 7000);
    assertEquals("ibm", s.name());
    assertEquals("ibm_torino", s.http().backend());
    assertEquals(Duration.ofMillis(200), s.http().connectTimeout());
    assertEquals(Duration.ofMillis(900), s.http().readTimeout());
    assertEquals(Duration.ofMillis(5), s.pollInterval());
    assertEquals(3, s.maxConcurrentJobs());
    assertEquals(1, s.maxAttempts());
    assertEquals(4, s.breakerFailures());
    assertEquals(Duration.ofMillis(1500), s.breakerOpen());
    assertEquals(2, s.breakerProbes());
    assertEquals(0, s.lateAnswerCacheSize());
    assertEquals(Duration.ofMillis(7000), s.lateAnswerTimeout());
  }

  @Test
  void invalidEntriesAreNamed() throws Exception {
    Path token = tokenFile();
    NamedList<Object> noUrl = new NamedList<>();
    noUrl.add("tokenFile", token.toString());
    assertTrue(refused(noUrl).startsWith("remote.url is required"));
    assertTrue(refused(RemoteConfigs.list("ftp://x", token)).startsWith("remote.url "));
    assertTrue(refused(RemoteConfigs.list("http://", token)).startsWith("remote.url "));
    for (String entry :
        new String[] {
          "connectTimeoutMs", "readTimeoutMs", "pollIntervalMs", "maxConcurrentJobs",
          "maxAttempts", "breakerFailures", "breakerOpenMs", "breakerProbes",
          "lateAnswerTimeoutMs"
        }) {
      for (Object bad : new Object[] {0, -1, "x", 1.5, ""}) {
        String m = refused(RemoteConfigs.list("http://127.0.0.1:1", token, entry, bad));
        assertTrue(m.startsWith("remote." + entry + " "), m);
      }
    }
    assertTrue(
        refused(RemoteConfigs.list("http://127.0.0.1:1", token, "lateAnswerCacheSize", -1))
            .startsWith("remote.lateAnswerCacheSize "));
    assertTrue(
        refused(RemoteConfigs.list("http://127.0.0.1:1", token, "name", "a b"))
            .startsWith("remote.name "));
    assertTrue(
        refused(RemoteConfigs.list("http://127.0.0.1:1", token, "backend", " "))
            .startsWith("remote.backend "));
    String unknown = refused(RemoteConfigs.list("http://127.0.0.1:1", token, "timeout", 5));
    assertTrue(unknown.startsWith("remote.timeout is not a remote setting"), unknown);
    String twice =
        refused(RemoteConfigs.list("http://127.0.0.1:1", token, "maxAttempts", 2, "maxAttempts", 3));
    assertTrue(twice.startsWith("remote.maxAttempts is given twice"), twice);
  }

  @Test
  void exactlyOneTokenSourceAndTheTokenNeverShows() throws Exception {
    Path token = tokenFile();
    String both =
        refused(RemoteConfigs.list("http://127.0.0.1:1", token, "tokenEnv", "QRERANK_TOKEN"));
    assertTrue(both.contains("give exactly one"), both);
    NamedList<Object> none = new NamedList<>();
    none.add("url", "http://127.0.0.1:1");
    assertTrue(refused(none).contains("give exactly one"));
    String missing = refused(RemoteConfigs.list("http://127.0.0.1:1", dir.resolve("nope")));
    assertTrue(missing.startsWith("remote.tokenFile "), missing);
    assertTrue(missing.contains("nope"), missing);
    Path invalid = Files.writeString(dir.resolve("bad"), SECRET + " with spaces\n");
    String bad = refused(RemoteConfigs.list("http://127.0.0.1:1", invalid));
    assertTrue(bad.startsWith("remote.tokenFile "), bad);
    NamedList<Object> env = new NamedList<>();
    env.add("url", "http://127.0.0.1:1");
    env.add("tokenEnv", "QRERANK_SURELY_UNSET_VARIABLE_42");
    String unset = refused(env);
    assertTrue(unset.startsWith("remote.tokenEnv "), unset);
    assertTrue(unset.contains("QRERANK_SURELY_UNSET_VARIABLE_42 is not set"), unset);
  }

  @Test
  void theQueryParserFailsTheCoreWithTheEntrysName() throws Exception {
    NamedList<Object> args = new NamedList<>();
    args.add("remote", RemoteConfigs.list("http://127.0.0.1:1", tokenFile(), "maxAttempts", 0));
    QRerankQParserPlugin plugin = new QRerankQParserPlugin();
    SolrException e = assertThrows(SolrException.class, () -> plugin.init(args));
    assertEquals(500, e.code());
    assertTrue(e.getMessage().contains("remote.maxAttempts must be an integer"), e.getMessage());
    NamedList<Object> notAList = new NamedList<>();
    notAList.add("remote", "http://127.0.0.1:1");
    e = assertThrows(SolrException.class, () -> new QRerankQParserPlugin().init(notAList));
    assertTrue(e.getMessage().contains("'remote' must be one <lst>"), e.getMessage());
    NamedList<Object> remoteDefault = new NamedList<>();
    remoteDefault.add("solver", "remote");
    e = assertThrows(SolrException.class, () -> new QRerankQParserPlugin().init(remoteDefault));
    assertTrue(e.getMessage().contains("'solver' is remote but no provider"), e.getMessage());
    NamedList<Object> good = new NamedList<>();
    good.add("solver", "remote");
    good.add("remote", RemoteConfigs.list("http://127.0.0.1:1", tokenFile()));
    QRerankQParserPlugin ok = new QRerankQParserPlugin();
    ok.init(good);
    assertTrue(ok.runtime().remote() != null);
    ok.close();
  }
}
