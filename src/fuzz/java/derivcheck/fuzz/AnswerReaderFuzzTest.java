package derivcheck.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import derivcheck.latex.AnswerReaderProperty;

/** Jazzer target (profile -Pfuzz): a spec index byte, then any bytes as an answer; see {@link AnswerReaderProperty}. */
class AnswerReaderFuzzTest {
    @FuzzTest(maxDuration = "3m")
    void answerReader(byte[] data) {
        AnswerReaderProperty.check(data);
    }
}
