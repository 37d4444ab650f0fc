package scratch;

import io.github.mbaseresnet.loss.LossConfig;
import io.github.mbaseresnet.model.*;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import java.util.List;

class ScratchSpeedTest {
    @Test
    void speed() {
        System.setProperty("org.eclipse.deeplearning4j.helpers.disable", System.getProperty("helpersOff", "false"));
        for (List<Integer> w : List.of(List.of(16, 32, 64), List.of(32, 64, 128))) {
            NetworkConfig cfg = new NetworkConfig(Variant.MBA_SE_RESNET, LossConfig.proposed(), 64, 1, w, 2, 16, 4, 6, 1);
            ComputationGraph net = MbaSeResNet.build(cfg, new Adam(1e-3));
            System.out.println("params " + net.numParams() + " helper=" + net.getLayer("stem").getHelper());
            INDArray x = Nd4j.rand(16, 1, 64, 64);
            INDArray y = Nd4j.zeros(16, 6);
            for (int i = 0; i < 16; i++) y.putScalar(i, i % 6, 1);
            DataSet ds = new DataSet(x, y);
            for (int i = 0; i < 3; i++) net.fit(ds);
            long t = System.nanoTime();
            int n = 10;
            for (int i = 0; i < n; i++) net.fit(ds);
            double s = (System.nanoTime() - t) / 1e9;
            System.out.printf("widths %s: train %.1f img/s score %.4f%n", w, n * 16 / s, net.score());
            t = System.nanoTime();
            for (int i = 0; i < n; i++) net.outputSingle(x);
            s = (System.nanoTime() - t) / 1e9;
            System.out.printf("widths %s: infer %.1f img/s%n", w, n * 16 / s);
        }
    }
}
