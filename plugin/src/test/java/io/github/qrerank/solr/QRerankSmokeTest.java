package io.github.qrerank.solr;

import java.util.Map;
import org.junit.BeforeClass;
import org.junit.Test;

public class QRerankSmokeTest extends QRerankTestCase {
  private static final Catalog CATALOG = new Catalog(7L, 60);

  @BeforeClass
  public static void beforeClass() throws Exception {
    initQRerankCore();
    index(CATALOG, 3, "p005", "p017");
  }

  @Test
  public void smoke() throws Exception {
    Map<String, Object> rsp =
        query("q", "phone", "fl", "id,score,[qrerank]", "rq", "{!qrerank k=3 caps=brand:1}", "debugQuery", "true", "rows", "8");
    System.out.println(rsp);
  }
}
