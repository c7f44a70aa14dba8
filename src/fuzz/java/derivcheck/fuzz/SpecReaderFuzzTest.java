package derivcheck.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import derivcheck.spec.SpecReaderProperty;

/** Jazzer target (profile -Pfuzz): any bytes as a spec file; see {@link SpecReaderProperty}. */
class SpecReaderFuzzTest {
    @FuzzTest(maxDuration = "3m")
    void specReader(byte[] data) {
        SpecReaderProperty.check(data);
    }
}
