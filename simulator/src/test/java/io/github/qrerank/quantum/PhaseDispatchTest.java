package io.github.qrerank.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Which phase pass this JVM chose. The simulator's build runs its tests once with {@code
 * --add-modules=jdk.incubator.vector} and runs the phase tests again without it, telling each JVM
 * which it is through {@value #MODULE_PROPERTY} ({@code present} or {@code absent}).
 */
class PhaseDispatchTest {
  static final String MODULE_PROPERTY = "qrerank.test.vectorModule";

  private static String expectedModule() {
    String v = System.getProperty(MODULE_PROPERTY);
    assumeTrue(v != null, MODULE_PROPERTY + " is not set: run through Maven to check the dispatch");
    return v;
  }

  @Test
  void theJvmsModulesDecide() throws ReflectiveOperationException {
    boolean present = "present".equals(expectedModule());
    assertEquals(present, PhaseKernel.vectorModulePresent());
    String expected = "scalar";
    if (present) {
      // Vectors of fewer than MIN_VECTOR_LANES doubles (no AVX) also mean the scalar pass.
      Class<?> vector = Class.forName("io.github.qrerank.quantum.VectorPhasePass");
      int lanes = (int) vector.getDeclaredMethod("lanes").invoke(null);
      expected = lanes >= PhaseKernel.MIN_VECTOR_LANES ? "vector" : "scalar";
    }
    assertEquals(expected, PhaseKernel.fastest().name());
  }

  @Test
  void withoutTheModuleTheVectorClassIsNeverLoadedAndNothingThrows() {
    assumeTrue("absent".equals(expectedModule()));
    // As if the module were there: loading VectorPhasePass fails to link and the choice falls back.
    assertSame(ScalarPhasePass.INSTANCE, PhaseKernel.choose(true, null));
  }

  @Test
  void thePropertyOrAMissingModuleMeansTheScalarPass() {
    assertSame(ScalarPhasePass.INSTANCE, PhaseKernel.choose(false, null));
    assertSame(ScalarPhasePass.INSTANCE, PhaseKernel.choose(false, "true"));
    assertSame(ScalarPhasePass.INSTANCE, PhaseKernel.choose(true, "false"));
    assertSame(ScalarPhasePass.INSTANCE, PhaseKernel.choose(true, "FALSE"));
  }

  @Test
  void withTheModuleThePropertyOnlyDisables() {
    assumeTrue("present".equals(expectedModule()));
    assertEquals(PhaseKernel.fastest().name(), PhaseKernel.choose(true, null).name());
    assertEquals(PhaseKernel.fastest().name(), PhaseKernel.choose(true, "true").name());
  }
}
