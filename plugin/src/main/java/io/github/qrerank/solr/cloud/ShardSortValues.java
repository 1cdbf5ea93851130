package io.github.qrerank.solr.cloud;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.schema.SchemaField;
import org.apache.solr.search.SolrIndexSearcher;
import org.apache.solr.search.SortSpec;

/**
 * The sort values a request that sorts by fields needs to merge shards in sort order: written on a
 * shard for its candidates (marshalled by the field types, as Solr's own {@code sort_values}), read
 * back at the coordinator (unmarshalled) in the shape Solr's {@code ShardFieldSortedHitQueue}
 * expects. Sorting by score alone needs none.
 */
final class ShardSortValues {
  private ShardSortValues() {}

  /** True when {@code spec} sorts by something other than score and docid. */
  static boolean needed(SortSpec spec) {
    Sort sort = spec.getSort();
    return sort != null
        && Arrays.stream(sort.getSort())
            .anyMatch(
                f -> f.getType() != SortField.Type.SCORE && f.getType() != SortField.Type.DOC);
  }

  /**
   * Marshalled values of every field sort of {@code spec} for {@code docs} (this shard's docids,
   * with their scores for sorts that use the score); empty when {@link #needed} is false.
   */
  static NamedList<List<Object>> marshalled(
      SolrIndexSearcher searcher, SortSpec spec, int[] docs, float[] scores) throws IOException {
    NamedList<List<Object>> out = new SimpleOrderedMap<>();
    if (!needed(spec)) {
      return out;
    }
    SortField[] fields = searcher.weightSort(spec.getSort()).getSort();
    List<SchemaField> schemaFields = spec.getSchemaFields();
    int[] byDoc =
        IntStream.range(0, docs.length)
            .boxed()
            .sorted((a, b) -> Integer.compare(docs[a], docs[b]))
            .mapToInt(Integer::intValue)
            .toArray();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (int f = 0; f < fields.length; f++) {
      SortField field = fields[f];
      if (field.getType() == SortField.Type.SCORE || field.getType() == SortField.Type.DOC) {
        continue;
      }
      SchemaField schemaField = f < schemaFields.size() ? schemaFields.get(f) : null;
      FieldComparator<?> comparator = field.getComparator(1, Pruning.NONE);
      FixedScore scorer = new FixedScore();
      Object[] values = new Object[docs.length];
      LeafFieldComparator leafComparator = null;
      int leafIndex = -1;
      LeafReaderContext leaf = null;
      for (int i : byDoc) {
        int index = ReaderUtil.subIndex(docs[i], leaves);
        if (index != leafIndex) {
          leafIndex = index;
          leaf = leaves.get(index);
          leafComparator = comparator.getLeafComparator(leaf);
          leafComparator.setScorer(scorer);
        }
        scorer.doc = docs[i] - leaf.docBase;
        scorer.score = scores[i];
        leafComparator.copy(0, scorer.doc);
        Object value = comparator.value(0);
        values[i] = schemaField == null ? value : schemaField.getType().marshalSortValue(value);
      }
      out.add(field.getField(), new ArrayList<>(Arrays.asList(values)));
    }
    return out;
  }

  /**
   * The sort values a shard sent, unmarshalled and named as the coordinator's sort fields (the i-th
   * field sort takes the shard's i-th list).
   *
   * @throws IllegalArgumentException when the shard sent another number of field sorts
   */
  static NamedList<List<Object>> unmarshalled(SortSpec spec, NamedList<List<Object>> marshalled) {
    NamedList<List<Object>> out = new NamedList<>();
    if (!needed(spec)) {
      return out;
    }
    SortField[] fields = spec.getSort().getSort();
    List<SchemaField> schemaFields = spec.getSchemaFields();
    int next = 0;
    for (int f = 0; f < fields.length; f++) {
      SortField field = fields[f];
      if (field.getType() == SortField.Type.SCORE || field.getType() == SortField.Type.DOC) {
        continue;
      }
      if (next >= marshalled.size()) {
        throw new IllegalArgumentException(
            "sort values for " + marshalled.size() + " fields, the request sorts by more");
      }
      List<Object> values = marshalled.getVal(next++);
      SchemaField schemaField = f < schemaFields.size() ? schemaFields.get(f) : null;
      List<Object> converted = new ArrayList<>(values.size());
      for (Object v : values) {
        converted.add(schemaField == null ? v : schemaField.getType().unmarshalSortValue(v));
      }
      out.add(field.getField(), converted);
    }
    if (next != marshalled.size()) {
      throw new IllegalArgumentException(
          "sort values for " + marshalled.size() + " fields, the request sorts by " + next);
    }
    return out;
  }

  /** The score a comparator sees for the document being copied. */
  private static final class FixedScore extends Scorable {
    int doc;
    float score;

    @Override
    public float score() {
      return score;
    }

    @Override
    public int docID() {
      return doc;
    }
  }
}
