package io.github.qrerank.it.cloud;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code configsets/products} uploads as is: zipped and sent through the ConfigSets API to a
 * one-node SolrCloud (an untrusted upload, where {@code <lib>} directives would be refused), it
 * backs a collection that answers {@code rq={!qrerank ...}}. The plugin comes from the class path
 * here; {@code InstallLayoutTest} covers the jar in {@code <solr_home>/lib}.
 */
public class ConfigsetUploadTest {

  static final String CONFIGSET_PROPERTY = "qrerank.configset";
  static final String NAME = "products";

  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  private static MiniSolrCloudCluster cluster;

  @BeforeClass
  public static void uploadAndCreateACollection() throws Exception {
    Path conf = Path.of(System.getProperty(CONFIGSET_PROPERTY), "conf");
    Path root = TMP.getRoot().toPath();
    cluster = new MiniSolrCloudCluster.Builder(1, root.resolve("cluster")).build();
    CloudSolrClient client = cluster.getSolrClient();
    Path zip = zip(conf, root.resolve("products.zip"));
    new ConfigSetAdminRequest.Upload()
        .setConfigSetName(NAME)
        .setUploadFile(zip.toFile(), "application/zip")
        .process(client);
    CollectionAdminRequest.createCollection(NAME, NAME, 1, 1).process(client);
    cluster.waitForActiveCollection(NAME, 1, 1);

    List<SolrInputDocument> docs = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      SolrInputDocument doc = new SolrInputDocument();
      doc.addField("id", "p" + i);
      doc.addField("title", "coffee " + i);
      doc.addField("brand", i <= 6 ? "same" : "brand" + i);
      doc.addField("popularity", 100f - i);
      doc.addField("stock", i % 2 == 1 ? 0 : 5);
      docs.add(doc);
    }
    client.add(NAME, docs);
    client.commit(NAME);
  }

  @AfterClass
  public static void shutdown() throws Exception {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  @Test
  public void theUploadedConfigsetServesQrerank() throws Exception {
    SolrQuery query = new SolrQuery("popularity");
    query.set("defType", "func");
    query.set("rq", "{!qrerank reRankDocs=10 k=3 stockField=stock caps=brand:1}");
    query.setFields("id,brand,stock,score,[qrerank]");
    query.setRows(10);
    QueryResponse response = cluster.getSolrClient().query(NAME, query);
    List<String> brands = new ArrayList<>();
    for (int position = 0; position < 3; position++) {
      SolrDocument doc = response.getResults().get(position);
      Object info = doc.getFieldValue("[qrerank]");
      assertNotNull("no [qrerank] in " + doc, info);
      assertEquals(doc.toString(), 5, ((Number) doc.getFieldValue("stock")).intValue());
      String brand = (String) doc.getFieldValue("brand");
      assertTrue("brand cap broken in " + response.getResults(), !brands.contains(brand));
      brands.add(brand);
    }
  }

  private static Path zip(Path dir, Path target) throws IOException {
    try (OutputStream out = Files.newOutputStream(target);
        ZipOutputStream zip = new ZipOutputStream(out);
        Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
    return target;
  }
}
