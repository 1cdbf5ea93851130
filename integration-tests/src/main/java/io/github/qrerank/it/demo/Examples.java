package io.github.qrerank.it.demo;

import io.github.qrerank.it.demo.catalog.CatalogGenerator;
import java.util.List;

/** The example searches the demo prints, built for the catalog's brands and vectors. */
final class Examples {

  private Examples() {}

  static List<ExampleQuery> of(CatalogGenerator catalog) {
    String runner = catalog.brandsOf("shoes").get(2);
    String gamer = catalog.brandsOf("laptops").get(3);
    String barista = catalog.brandsOf("kitchen").get(1);
    return List.of(
        new ExampleQuery(
            "a runner who likes " + runner + ": in stock only, one product per brand",
            "running shoes",
            "{!qrerank reRankDocs=100 k=5 stockField=stock caps=brand:1"
                + " utility=margin:0.5,conversion_rate:0.5"
                + " vectorField=embedding userVector=$uv lambda=0.5}",
            catalog.userVector("shoes", runner)),
        new ExampleQuery(
            "a gamer who likes " + gamer + ": in stock, at most 2 per brand, at least 1 sponsored",
            "gaming laptop",
            "{!qrerank reRankDocs=100 k=5 stockField=stock caps=brand:2"
                + " quotas=sponsored=true:1 utility=margin:1 affinityWeight=2"
                + " vectorField=embedding userVector=$uv lambda=0.5}",
            catalog.userVector("laptops", gamer)),
        new ExampleQuery(
            "an espresso lover (" + barista + "): one per brand, at most 3 per category",
            "coffee",
            "{!qrerank reRankDocs=100 k=5 stockField=stock caps=brand:1,category:3"
                + " utility=margin:0.5,popularity:0.5"
                + " vectorField=embedding userVector=$uv lambda=1}",
            catalog.userVector("kitchen", barista)));
  }
}
