package derivcheck.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import derivcheck.engine.CheckPipelineProperty;

/** Jazzer target (profile -Pfuzz): a spec index byte, then a solution file checked end to end; see {@link CheckPipelineProperty}. */
class CheckPipelineFuzzTest {
    @FuzzTest(maxDuration = "3m")
    void checkPipeline(byte[] data) {
        CheckPipelineProperty.check(data);
    }
}
