package io.github.mbaseresnet.bench;

import io.github.mbaseresnet.backend.BackendSetup;
import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.train.Trainer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What every benchmark shares: the fork's JVM flags, the backend preparation, and networks and batches built the way
 * the harness builds them ({@link BenchSettings}, {@link Trainer#updater()}), so a benchmark times exactly what a
 * reproduction trains.
 */
final class Bench {
    // The JVM flags of every fork (@Fork(jvmArgsAppend = ...)). Annotations need constants, so these repeat pom.xml's
    // dl4j.jvm.flags; requireForkFlags() fails a fork that lacks any of them.
    static final String OPEN_NIO = "--add-opens=java.base/java.nio=ALL-UNNAMED";
    static final String OPEN_NIO_CH = "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED";
    static final String OPEN_LANG = "--add-opens=java.base/java.lang=ALL-UNNAMED";
    static final String OPEN_UTIL = "--add-opens=java.base/java.util=ALL-UNNAMED";
    /** DL4J M2.1 ships its oneDNN layer helpers off; without them CPU training is about 8× slower (DL4J-M2.1.md). */
    static final String HELPERS_ON = "-D" + BackendSetup.HELPERS_DISABLE_PROPERTY + "=false";
    static final String HEAP = "-Xmx2g";
    /** ND4J's arrays live off the heap; JavaCPP caps them at -Xmx by default, too little for the paper widths. */
    static final String OFF_HEAP = "-Dorg.bytedeco.javacpp.maxbytes=16G";

    private Bench() {
    }

    /** Call first in every @Setup(Level.Trial): checks the fork's flags, then {@link BackendSetup#prepare()}. */
    static void prepareFork() {
        requireForkFlags();
        // a fork does not inherit the -D flags of Maven: the backend comes from the build (-Pbench,cpu or -Pbench,cuda)
        if (System.getProperty("fer.backend") == null) {
            System.setProperty("fer.backend", buildProperties().getProperty("fer.backend", "cpu"));
        }
        BackendSetup.prepare();
    }

    /** A fresh network for {@code cfg} with the harness's Adam; fails if the oneDNN helpers are not in use. */
    static ComputationGraph build(NetworkConfig cfg, String widths) {
        ComputationGraph net = io.github.mbaseresnet.model.MbaSeResNet.build(cfg, updater(widths));
        return requireHelpers(net);
    }

    static org.nd4j.linalg.learning.config.IUpdater updater(String widths) {
        return new Trainer(BenchSettings.settings(widths).training(), BenchSettings.CLASSES).updater();
    }

    /** On the CPU backend the convolutions must run on oneDNN, or the numbers say nothing about a real run. */
    static ComputationGraph requireHelpers(ComputationGraph net) {
        if ("cpu".equals(System.getProperty("fer.backend", "cpu"))
                && !(net.getLayer("stem").getHelper() instanceof MKLDNNConvHelper)) {
            throw new IllegalStateException("the stem convolution runs without the oneDNN helper ("
                    + net.getLayer("stem").getHelper() + "): is " + HELPERS_ON + " set and the "
                    + "org.nd4j.nativeblas.Nd4jCpu shim (target/fer.jar) on the class path?");
        }
        return net;
    }

    /** {@link FixedBatch} as an ND4J data set. */
    static DataSet fixedBatch(NetworkConfig cfg, int n) {
        FixedBatch batch = FixedBatch.of(cfg, n);
        return new DataSet(Nd4j.create(batch.pixels(), FixedBatch.pixelShape(cfg, n), 'c'),
                Nd4j.create(batch.labels(), new long[] {n, cfg.classes()}, 'c'));
    }

    /** Throws naming the missing flags when this JVM was started without pom.xml's dl4j.jvm.flags. */
    static void requireForkFlags() {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> missing = new ArrayList<>();
        for (String opened : openedPackages(pomFlags())) {
            if (!args.contains("--add-opens=" + opened) && !adjacent(args, "--add-opens", opened)) {
                missing.add("--add-opens=" + opened);
            }
        }
        if (!"false".equals(System.getProperty(BackendSetup.HELPERS_DISABLE_PROPERTY))) {
            missing.add(HELPERS_ON);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("this benchmark JVM lacks " + missing + " (pom.xml dl4j.jvm.flags); "
                    + "add them to the @Fork(jvmArgsAppend) of the benchmark (Bench.java)");
        }
    }

    /** pom.xml's dl4j.jvm.flags, as the bench profile filtered them into bench.properties. */
    static String pomFlags() {
        return buildProperties().getProperty("dl4j.jvm.flags", "");
    }

    private static Properties buildProperties() {
        try (InputStream in = Bench.class.getResourceAsStream("bench.properties")) {
            if (in == null) {
                throw new IllegalStateException("bench.properties is missing: build with mvn -Pbench,cpu package");
            }
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "--add-opens a=ALL-UNNAMED --add-opens=b=ALL-UNNAMED" → [a=ALL-UNNAMED, b=ALL-UNNAMED]. */
    static List<String> openedPackages(String flags) {
        String[] words = flags.trim().split("\\s+");
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("--add-opens") && i + 1 < words.length) {
                opened.add(words[++i]);
            } else if (words[i].startsWith("--add-opens=")) {
                opened.add(words[i].substring("--add-opens=".length()));
            }
        }
        return opened;
    }

    private static boolean adjacent(List<String> args, String flag, String value) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals(flag) && args.get(i + 1).equals(value)) {
                return true;
            }
        }
        return false;
    }
}
