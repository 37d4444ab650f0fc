package io.github.mbaseresnet.bench;

import io.github.mbaseresnet.model.NetworkConfig;
import io.github.mbaseresnet.train.TrainingConfig;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * One libtorch training step of {@link LibtorchNetwork} on a fixed batch. Kept apart from the JMH class so that the
 * benchmark class itself loads without the PyTorch presets (and can say so clearly).
 */
final class LibtorchStep {
    private final LibtorchNetwork net;
    private final Adam adam;
    private final Tensor pixels;
    private final Tensor labels;

    LibtorchStep(NetworkConfig cfg, TrainingConfig training, FixedBatch batch) {
        net = new LibtorchNetwork(cfg);
        AdamOptions options = new AdamOptions(training.learningRate());
        options.betas().put(0, training.beta1()).put(1, training.beta2());
        adam = new Adam(net.parameters(), options);
        pixels = torch.from_blob(new FloatPointer(batch.pixels()), FixedBatch.pixelShape(cfg, batch.n())).clone();
        labels = torch.from_blob(new FloatPointer(batch.labels()), batch.n(), cfg.classes()).clone();
    }

    long parameterCount() {
        return net.parameterCount();
    }

    int threads() {
        return torch.get_num_threads();
    }

    /** Forward, loss, backward, Adam update; returns the loss. Intermediate tensors are freed at the end. */
    float train() {
        try (PointerScope ignored = new PointerScope()) {
            adam.zero_grad();
            Tensor loss = net.loss(pixels, labels);
            loss.backward();
            adam.step();
            return loss.item_float();
        }
    }
}
