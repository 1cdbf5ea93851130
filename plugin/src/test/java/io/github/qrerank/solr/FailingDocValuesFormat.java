package io.github.qrerank.solr;

import java.io.IOException;
import org.apache.lucene.codecs.DocValuesConsumer;
import org.apache.lucene.codecs.DocValuesFormat;
import org.apache.lucene.codecs.DocValuesProducer;
import org.apache.lucene.codecs.lucene90.Lucene90DocValuesFormat;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * A docValues format for the server-fault tests: Lucene's own ({@link Lucene90DocValuesFormat}),
 * except that, while {@link #failing} is on, opening a field's numeric docValues fails with an
 * {@link IOException}, as it would on a damaged disk or a corrupt segment. Registered by SPI
 * ({@code META-INF/services}) under {@value #NAME}; a schema field type selects it with {@code
 * docValuesFormat="QRerankFailing"} under {@code SchemaCodecFactory}.
 */
public final class FailingDocValuesFormat extends DocValuesFormat {
  public static final String NAME = "QRerankFailing";
  static final String MESSAGE = "simulated read fault in docValues of field '";

  /** Whether reads fail now; off by default, so that indexing and closing the core work. */
  static volatile boolean failing;

  private final DocValuesFormat delegate = new Lucene90DocValuesFormat();

  public FailingDocValuesFormat() {
    super(NAME);
  }

  @Override
  public DocValuesConsumer fieldsConsumer(SegmentWriteState state) throws IOException {
    return delegate.fieldsConsumer(state);
  }

  @Override
  public DocValuesProducer fieldsProducer(SegmentReadState state) throws IOException {
    return new Producer(delegate.fieldsProducer(state), state.segmentInfo.name);
  }

  private static final class Producer extends DocValuesProducer {
    private final DocValuesProducer in;
    private final String segment;

    Producer(DocValuesProducer in, String segment) {
      this.in = in;
      this.segment = segment;
    }

    @Override
    public NumericDocValues getNumeric(FieldInfo field) throws IOException {
      if (failing) {
        throw new IOException(MESSAGE + field.name + "' of segment " + segment);
      }
      return in.getNumeric(field);
    }

    @Override
    public BinaryDocValues getBinary(FieldInfo field) throws IOException {
      return in.getBinary(field);
    }

    @Override
    public SortedDocValues getSorted(FieldInfo field) throws IOException {
      return in.getSorted(field);
    }

    @Override
    public SortedNumericDocValues getSortedNumeric(FieldInfo field) throws IOException {
      return in.getSortedNumeric(field);
    }

    @Override
    public SortedSetDocValues getSortedSet(FieldInfo field) throws IOException {
      return in.getSortedSet(field);
    }

    @Override
    public void checkIntegrity() throws IOException {
      in.checkIntegrity();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
