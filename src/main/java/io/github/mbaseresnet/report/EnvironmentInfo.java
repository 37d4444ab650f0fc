package io.github.mbaseresnet.report;

import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** What a reader of a result needs to know about the machine and software that produced it. */
public final class EnvironmentInfo {
    private EnvironmentInfo() {
    }

    /** Ordered key/value pairs: harness, DL4J, backend, Java, OS, cores, commit. */
    public static Map<String, String> collect() {
        Properties versions = new Properties();
        try (InputStream in = EnvironmentInfo.class.getResourceAsStream("/harness.properties")) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("harness.version", versions.getProperty("harness.version", "unknown"));
        env.put("dl4j.version", versions.getProperty("dl4j.version", "unknown"));
        env.put("nd4j.backend", Nd4j.getBackend().getClass().getSimpleName());
        env.put("fer.backend", System.getProperty("fer.backend", "cpu"));
        env.put("javacpp.version", javacppVersion());
        if ("cuda".equals(System.getProperty("fer.backend"))) {
            env.put("gpu", String.join("; ", io.github.mbaseresnet.backend.GpuCapabilityCheck.gpus()));
        }
        env.put("java.version", System.getProperty("java.version"));
        env.put("java.vendor", System.getProperty("java.vendor"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("cpu.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        env.put("git.commit", gitCommit());
        return env;
    }

    private static String javacppVersion() {
        try {
            return org.bytedeco.javacpp.Loader.getVersion();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The checked-out commit, with {@code +dirty} when the tree has uncommitted changes; "unknown" outside git. */
    public static String gitCommit() {
        String head = git("rev-parse", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        return git("status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "+dirty";
    }

    /**
     * The source tree: the commit, and when the tree is dirty also a hash of its uncommitted diff
     * ({@code <sha>+dirty.<12 hex>}), so that two different dirty trees never pass for the same code (issue 8: reused
     * folds, merged shards).
     */
    public static String treeState() {
        String commit = gitCommit();
        if (!commit.endsWith("+dirty")) {
            return commit;
        }
        try {
            byte[] diff = git("diff", "HEAD", "--binary").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return commit + "." + java.util.HexFormat.of().formatHex(java.security.MessageDigest
                    .getInstance("SHA-256").digest(diff)).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String git(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
