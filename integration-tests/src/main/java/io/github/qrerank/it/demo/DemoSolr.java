package io.github.qrerank.it.demo;

/** The Solr the demo runs against: one core, or a SolrCloud collection ({@code --cloud}). */
public interface DemoSolr {

  /** The base URL requests go to, e.g. {@code http://127.0.0.1:8983/solr}. */
  String baseUrl();

  /** One line for the printout saying what runs where. */
  String description();

  void stop() throws Exception;
}
