package io.github.mbaseresnet.cli;

import io.github.mbaseresnet.align.FaceAligner;
import io.github.mbaseresnet.align.FaceBox;
import io.github.mbaseresnet.align.FaceDetector;
import io.github.mbaseresnet.align.Landmarks;
import io.github.mbaseresnet.backend.BackendSetup;
import io.github.mbaseresnet.bundle.ModelBundle;
import io.github.mbaseresnet.data.DatasetId;
import io.github.mbaseresnet.data.GrayImage;
import io.github.mbaseresnet.data.ImageFiles;
import io.github.mbaseresnet.experiment.HarnessSettings;
import io.github.mbaseresnet.report.AnnotatedPhoto;
import io.github.mbaseresnet.report.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * {@code fer predict MODEL IMAGE...} (issue 7): finds the faces in ordinary photographs with the OpenCV detector
 * (align/FaceDetector, {@code fer.detect.*}), aligns each as the model's training faces were aligned (the bundle's
 * dataset and face size) and prints, per face, its box and the expression probabilities (bundle/ModelBundle: for
 * eq. 12, softmax of s·exp(cos θ)). An image without a face, or one that cannot be read, is an error on stderr for that
 * image; the others are still predicted, and the exit code is 1.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Detect and align the faces in photographs and print each face's box and expression "
                + "probabilities under a saved model (a bundle written by `fer train`).")
final class PredictCommand implements Callable<Integer>, CommonOptions.Holder {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "a model bundle (models/<cell>/run<R>-fold<K>.zip)")
    Path model;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE", description = "photographs (PNG, JPEG, ...)")
    List<Path> images;

    @Option(names = "--annotate", paramLabel = "DIR",
            description = "also write <DIR>/<image>-predicted.png with each face's box and most likely expression")
    Path annotate;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        ModelBundle bundle = ModelBundle.load(model);
        ModelBundle.Metadata meta = bundle.metadata();
        // the faces are aligned as the model's training faces were: its dataset's aligner at its face size
        common.settings.putIfAbsent("fer.align.size", Integer.toString(meta.faceSize()));
        HarnessSettings settings = common.harnessSettings();
        FaceAligner aligner = settings.aligner(DatasetId.fromKey(meta.dataset()).orElseThrow(() ->
                new IllegalArgumentException(model + " names an unknown dataset '" + meta.dataset() + "'")));
        BackendSetup.prepare();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        try (FaceDetector detector = new FaceDetector(settings.detector())) {
            for (Path image : images) {
                try {
                    predict(image, bundle, detector, aligner, out);
                } catch (IllegalArgumentException | io.github.mbaseresnet.data.DatasetException e) {
                    err.println("fer predict: " + e.getMessage());
                    failed++;
                }
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private void predict(Path image, ModelBundle bundle, FaceDetector detector, FaceAligner aligner, PrintWriter out) {
        if (!java.nio.file.Files.isRegularFile(image)) { // a folder, a pipe or a device would block or mislead
            throw new IllegalArgumentException(image + ": " + (java.nio.file.Files.exists(image)
                    ? "not a regular file" : "does not exist"));
        }
        GrayImage photo = ImageFiles.readGray(image);
        List<Landmarks> faces = detector.detect(photo);
        if (faces.isEmpty()) {
            throw new IllegalArgumentException(image + ": no face found by " + detector.describe()
                    + " (try -D fer.detect.neighbours=2 or a smaller -D fer.detect.min.face)");
        }
        List<double[]> probabilities = bundle.probabilities(faces.stream()
                .map(f -> aligner.align(photo, Optional.of(f))).toList());
        out.printf(Locale.ROOT, "%s: %d face%s%n", image, faces.size(), faces.size() == 1 ? "" : "s");
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            double[] p = probabilities.get(i);
            List<Integer> order = IntStream.range(0, p.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer c) -> -p[c])).toList();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  face %d %s (%s):", i + 1,
                    faces.get(i).box().map(PredictCommand::describe).orElse("?"), faces.get(i).source()));
            order.forEach(c -> line.append(String.format(Locale.ROOT, " %s %.1f%%", bundle.classes().get(c).code(),
                    100 * p[c])));
            out.println(line);
            captions.add(String.format(Locale.ROOT, "%d: %s %.0f%%", i + 1,
                    bundle.classes().get(order.get(0)).code(), 100 * p[order.get(0)]));
        }
        if (annotate != null) {
            String name = image.getFileName().toString().replaceFirst("\\.[^.]+$", "") + "-predicted.png";
            Path file = annotate.resolve(name);
            AtomicFiles.write(file, AnnotatedPhoto.render(photo, faces, captions));
            out.println("  annotated: " + file);
        }
    }

    /** {@code at (412, 220) 180x180}, in the photograph's pixels. */
    private static String describe(FaceBox b) {
        return String.format(Locale.ROOT, "at (%d, %d) %dx%d", Math.round(b.x()), Math.round(b.y()),
                Math.round(b.width()), Math.round(b.height()));
    }
}
