package io.github.mbaseresnet.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which frames of a labelled sequence become samples. The sequence datasets run from a neutral first frame to the
 * peak (CK+, Oulu-CASIA: "last 3 frames ... optionally the first frame as neutral", DATASETS.md §1–2), or have an
 * annotated apex (MMI: "3 frames at the apex", §3).
 *
 * @param frames         frames taken per sequence (≥ 1)
 * @param firstAsNeutral whether the first frame is added as a {@link Expression#NEUTRAL} sample
 * @param setting        the setting that holds {@code frames}, named in the reason when a sequence is too short
 */
public record FrameSelection(int frames, boolean firstAsNeutral, String setting) {

    public FrameSelection {
        if (frames < 1) {
            throw new IllegalArgumentException(setting + "=" + frames + ": at least one frame per sequence is needed");
        }
    }

    /**
     * The last {@link #frames()} frames labelled {@code label}, and the first frame as neutral when asked; a sequence
     * with too few frames (the first frame must not also be a peak frame) is an exclusion of {@code sequenceDir}.
     */
    public ReadResult peak(List<Frame> sequence, Path sequenceDir, String subject, String sequenceId,
            Expression label) {
        List<Frame> ordered = ordered(sequence);
        int needed = frames + (firstAsNeutral ? 1 : 0);
        if (ordered.size() < needed) {
            return tooShort(sequenceDir, needed);
        }
        List<Sample> out = new ArrayList<>();
        if (firstAsNeutral) {
            out.add(sample(ordered.get(0), subject, sequenceId, Expression.NEUTRAL));
        }
        for (Frame f : ordered.subList(ordered.size() - frames, ordered.size())) {
            out.add(sample(f, subject, sequenceId, label));
        }
        return ReadResult.of(out);
    }

    /**
     * {@link #frames()} consecutive frames centred on the frame numbered {@code apex} (shifted inwards at the ends of
     * the sequence); an exclusion of {@code sequenceDir} when the sequence is too short or lacks that frame.
     */
    public ReadResult aroundApex(List<Frame> sequence, int apex, Path sequenceDir, String subject, String sequenceId,
            Expression label) {
        List<Frame> ordered = ordered(sequence);
        if (ordered.size() < frames) {
            return tooShort(sequenceDir, frames);
        }
        int at = -1;
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).index() == apex) {
                at = i;
            }
        }
        if (at < 0) {
            return new ReadResult(List.of(), List.of(new Exclusion(sequenceDir,
                    "the annotated apex frame is not among the sequence's frames")));
        }
        int start = Math.max(0, Math.min(at - (frames - 1) / 2, ordered.size() - frames));
        List<Sample> out = new ArrayList<>();
        for (Frame f : ordered.subList(start, start + frames)) {
            out.add(sample(f, subject, sequenceId, label));
        }
        return ReadResult.of(out);
    }

    private ReadResult tooShort(Path sequenceDir, int needed) {
        return new ReadResult(List.of(), List.of(new Exclusion(sequenceDir, "sequence has fewer than " + needed
                + " frames (" + setting + "=" + frames + (firstAsNeutral ? " plus the first frame as neutral" : "")
                + ")")));
    }

    private static List<Frame> ordered(List<Frame> sequence) {
        return sequence.stream().sorted(Comparator.comparingInt(Frame::index)).toList();
    }

    private static Sample sample(Frame f, String subject, String sequenceId, Expression label) {
        return new Sample(f.image(), subject, label, sequenceId, f.index());
    }
}
