package io.github.qrerank.solr.feature;

import io.github.qrerank.features.WindowData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.ByteVectorValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.solr.schema.SchemaField;

/**
 * Reads the raw values of a window from one index (a core or a shard) into a {@link WindowData}:
 * the first stage of re-ranking, and the only one that touches Lucene.
 *
 * <p>The window's documents are visited leaf by leaf in increasing docid order, so every docValues
 * and vector iterator only moves forward (one {@code advanceExact} or {@code advance} per document
 * and field). A document without a value gets {@code NaN} (numbers), {@code null} (groups, vectors)
 * or {@code docid:N} as its id (when the schema has no uniqueKey, or the key is neither docValues
 * nor stored). Ids are read only when first asked for ({@link WindowData#id(int)}: the debug
 * section and the transformer), from the same reader, so a window's ids must be read while its
 * request holds the searcher (outcomes are released when the request ends). A stored NaN or infinite number is read as missing: the model normalises numbers
 * over the window, which an infinite value would make meaningless.
 */
public final class WindowExtractor {
  private WindowExtractor() {}

  /**
   * @param docs global docids of the window, in first-pass order
   * @param scores first-pass scores, same order
   */
  public static WindowData extract(
      IndexReader reader, ExtractionPlan plan, int[] docs, double[] scores) throws IOException {
    int n = docs.length;
    Map<String, double[]> numeric = new LinkedHashMap<>();
    for (String field : plan.numericFields().keySet()) {
      double[] values = new double[n];
      Arrays.fill(values, Double.NaN);
      numeric.put(field, values);
    }
    Map<String, String[]> groups = new LinkedHashMap<>();
    for (String field : plan.groupFields().keySet()) {
      groups.put(field, new String[n]);
    }
    float[][] vectors = plan.vectorField() == null ? null : new float[n][];

    int[] byDoc = byDocid(docs);
    forEachLeaf(
        reader,
        docs,
        byDoc,
        (leafReader, positions, local) -> {
          for (Map.Entry<String, FieldKind> e : plan.numericFields().entrySet()) {
            readNumbers(
                leafReader, e.getKey(), e.getValue(), positions, local, numeric.get(e.getKey()));
          }
          for (Map.Entry<String, FieldKind> e : plan.groupFields().entrySet()) {
            readGroups(
                leafReader, e.getKey(), e.getValue(), positions, local, groups.get(e.getKey()));
          }
          if (vectors != null) {
            readVectors(
                leafReader, plan.vectorField(), plan.vectorEncoding(), positions, local, vectors);
          }
        });

    // Ids are only shown (debug section, transformer): read them when first asked for, during the
    // same request, from the same reader.
    int[] window = docs.clone();
    WindowData.Builder builder =
        WindowData.builder(() -> readIds(reader, plan.keyField(), window, byDoc), scores);
    numeric.forEach(builder::numeric);
    groups.forEach(builder::groups);
    if (vectors != null) {
      builder.vectors(vectors);
    }
    return builder.build();
  }

  /** Window positions in increasing docid order (docids are distinct; ties keep their order). */
  private static int[] byDocid(int[] docs) {
    long[] keys = new long[docs.length];
    for (int i = 0; i < docs.length; i++) {
      keys[i] = ((long) docs[i] << 32) | i;
    }
    Arrays.sort(keys);
    int[] byDoc = new int[docs.length];
    for (int i = 0; i < keys.length; i++) {
      byDoc[i] = (int) keys[i];
    }
    return byDoc;
  }

  /** What is read from one leaf: window positions and their leaf-local docids, both ascending. */
  private interface LeafVisit {
    void visit(LeafReader leaf, int[] positions, int[] local) throws IOException;
  }

  private static void forEachLeaf(IndexReader reader, int[] docs, int[] byDoc, LeafVisit visit)
      throws IOException {
    int n = docs.length;
    List<LeafReaderContext> leaves = reader.leaves();
    int p = 0;
    while (p < n) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[byDoc[p]], leaves));
      int end = leaf.docBase + leaf.reader().maxDoc();
      int q = p;
      while (q < n && docs[byDoc[q]] < end) {
        q++;
      }
      int[] positions = Arrays.copyOfRange(byDoc, p, q);
      int[] local = new int[positions.length];
      for (int j = 0; j < positions.length; j++) {
        local[j] = docs[positions[j]] - leaf.docBase;
      }
      visit.visit(leaf.reader(), positions, local);
      p = q;
    }
  }

  private static String[] readIds(IndexReader reader, SchemaField key, int[] docs, int[] byDoc) {
    String[] ids = new String[docs.length];
    try {
      forEachLeaf(
          reader,
          docs,
          byDoc,
          (leafReader, positions, local) ->
              readIds(leafReader, key, positions, local, docs, ids));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }

  private static void readNumbers(
      LeafReader reader,
      String field,
      FieldKind kind,
      int[] positions,
      int[] local,
      double[] out)
      throws IOException {
    if (kind.isSorted()) {
      SortedDocValues dv = DocValues.getSorted(reader, field);
      for (int j = 0; j < local.length; j++) {
        if (dv.advanceExact(local[j])) {
          out[positions[j]] = kind.termNumber(dv.lookupOrd(dv.ordValue()));
        }
      }
    } else {
      NumericDocValues dv = DocValues.getNumeric(reader, field);
      for (int j = 0; j < local.length; j++) {
        if (dv.advanceExact(local[j])) {
          double value = kind.decodeNumber(dv.longValue());
          out[positions[j]] = Double.isFinite(value) ? value : Double.NaN;
        }
      }
    }
  }

  private static void readGroups(
      LeafReader reader,
      String field,
      FieldKind kind,
      int[] positions,
      int[] local,
      String[] out)
      throws IOException {
    if (kind.isSorted()) {
      SortedDocValues dv = DocValues.getSorted(reader, field);
      // A group field has few distinct values in a window: look each term up once.
      Map<Integer, String> byOrd = new HashMap<>();
      for (int j = 0; j < local.length; j++) {
        if (dv.advanceExact(local[j])) {
          int ord = dv.ordValue();
          String value = byOrd.get(ord);
          if (value == null) {
            value = kind.canonicalTerm(dv.lookupOrd(ord));
            byOrd.put(ord, value);
          }
          out[positions[j]] = value;
        }
      }
    } else {
      NumericDocValues dv = DocValues.getNumeric(reader, field);
      for (int j = 0; j < local.length; j++) {
        if (dv.advanceExact(local[j])) {
          out[positions[j]] = kind.canonicalNumber(dv.longValue());
        }
      }
    }
  }

  private static void readIds(
      LeafReader reader,
      SchemaField key,
      int[] positions,
      int[] local,
      int[] docs,
      String[] out)
      throws IOException {
    FieldKind kind = key == null ? null : FieldKind.of(key);
    if (kind != null) {
      readGroups(reader, key.getName(), kind, positions, local, out);
    } else if (key != null && key.stored()) {
      Set<String> fields = Set.of(key.getName());
      for (int j = 0; j < local.length; j++) {
        Document doc = reader.storedFields().document(local[j], fields);
        IndexableField f = doc.getField(key.getName());
        if (f != null) {
          out[positions[j]] = key.getType().toExternal(f);
        }
      }
    }
    for (int j = 0; j < local.length; j++) {
      if (out[positions[j]] == null) {
        out[positions[j]] = "docid:" + docs[positions[j]];
      }
    }
  }

  private static void readVectors(
      LeafReader reader,
      String field,
      VectorEncoding encoding,
      int[] positions,
      int[] local,
      float[][] out)
      throws IOException {
    if (encoding == VectorEncoding.BYTE) {
      ByteVectorValues values = reader.getByteVectorValues(field);
      if (values == null) {
        return;
      }
      for (int j = 0; j < local.length; j++) {
        if (advance(values, local[j])) {
          byte[] v = values.vectorValue();
          float[] f = new float[v.length];
          for (int d = 0; d < v.length; d++) {
            f[d] = v[d];
          }
          out[positions[j]] = f;
        }
      }
    } else {
      FloatVectorValues values = reader.getFloatVectorValues(field);
      if (values == null) {
        return;
      }
      for (int j = 0; j < local.length; j++) {
        if (advance(values, local[j])) {
          out[positions[j]] = values.vectorValue().clone();
        }
      }
    }
  }

  /** Moves a forward-only iterator to {@code target}; true when the document has a value. */
  private static boolean advance(DocIdSetIterator it, int target) throws IOException {
    if (it.docID() < target) {
      it.advance(target);
    }
    return it.docID() == target;
  }
}
