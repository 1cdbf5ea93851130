package io.github.qrerank.provider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.qrerank.quantum.StateVector;
import io.github.qrerank.quantum.qasm.QasmProgram;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hex samples, their bit order, and their agreement with the engine's basis-state indices. */
class SamplesTest {
  @Test
  void hexParsesAndPrintsBothWays() {
    assertEquals(0, Samples.parseHex("0x0"));
    assertEquals(0x1a, Samples.parseHex("0x1a"));
    assertEquals(0x1a, Samples.parseHex("0X1A"));
    assertEquals(Long.MAX_VALUE, Samples.parseHex("0x7fffffffffffffff"));
    for (String bad :
        new String[] {
          null, "", "0x", "1a", "x1a", "0x1g", "0x-1", "0x8000000000000000", "0x00000000000000001"
        }) {
      assertEquals(-1, Samples.parseHex(bad), bad);
    }
    for (long v : new long[] {0, 1, 0x1a, 1L << 40, Long.MAX_VALUE}) {
      assertEquals(v, Samples.parseHex(Samples.toHex(v)));
    }
    assertEquals("0x1a", Samples.toHex(26));
  }

  @Test
  void bitIOfAValueIsClassicalBitI() {
    Samples s = new Samples(3, new long[] {0b110, 0b001});
    BitSet expected = new BitSet();
    expected.set(1);
    expected.set(2);
    assertEquals(expected, s.bits(0), "0x6 = qubits 1 and 2");
    assertEquals(BitSet.valueOf(new long[] {1}), s.bits(1));
    assertArrayEquals(new int[] {6, 1}, s.basisIndices());
    assertEquals(2, s.counts().size());
  }

  @Test
  void valuesMustFitTheRegister() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Samples(2, new long[] {1, 4}));
    assertEquals("sample 1 = 4 does not fit in 2 bits", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Samples(0, new long[0]));
    assertThrows(IllegalStateException.class, () -> new Samples(40, new long[] {1}).basisIndices());
  }

  /**
   * A circuit's engine samples written as the provider writes them and read as the client reads
   * them come back as the same basis-state indices: the hex mapping keeps qubit i at bit i.
   */
  @Test
  void engineSamplesSurviveTheWireFormat() {
    String qasm = ServerFixture.dicke(6, 3);
    StateVector state = QasmProgram.parse(qasm).run();
    int[] engine = state.sample(300, new SplittableRandom(11));
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    ArrayNode hex =
        root.putArray("results").addObject().putObject("data").putObject("c").putArray("samples");
    for (int x : engine) {
      hex.add(Samples.toHex(x));
    }
    JobRef job = new JobRef("j", MeasuredRegister.of(qasm), engine.length, "k");
    Samples read = SamplerJson.samples(root.toString().getBytes(), job);
    assertArrayEquals(engine, read.basisIndices());
    for (int i = 0; i < engine.length; i++) {
      for (int q = 0; q < 6; q++) {
        assertEquals((engine[i] >> q & 1) == 1, read.bits(i).get(q), "shot " + i + " qubit " + q);
      }
    }
    assertEquals(
        List.of(), read.counts().keySet().stream().filter(v -> Long.bitCount(v) != 3).toList());
  }
}
