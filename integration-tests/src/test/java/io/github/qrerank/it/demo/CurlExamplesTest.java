package io.github.qrerank.it.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import org.junit.Test;

public class CurlExamplesTest {

  @Test
  public void encodesEveryParameterAndKeepsTheVectorByReference() {
    ExampleQuery example =
        new ExampleQuery(
            "story",
            "running shoes",
            "{!qrerank k=5 userVector=$uv caps=brand:1}",
            new float[] {0.5f, -0.25f});
    String url = CurlExamples.url("http://127.0.0.1:8983/solr/products", example);
    assertEquals(
        "http://127.0.0.1:8983/solr/products/select?q=running+shoes"
            + "&rq=%7B%21qrerank+k%3D5+userVector%3D%24uv+caps%3Dbrand%3A1%7D"
            + "&uv=%5B0.5000%2C-0.2500%5D"
            + "&fl=id%2Cbrand%2Ccategory%2Cstock%2Cprice%2Cis_new%2Csponsored%2Cscore"
            + "%2C%5Bqrerank%5D"
            + "&rows=5&debugQuery=true",
        url);
    String command = CurlExamples.command("http://127.0.0.1:8983/solr/products", example);
    assertEquals("curl -s '" + url + "'", command);
    assertFalse(url.contains("'"));
  }
}
