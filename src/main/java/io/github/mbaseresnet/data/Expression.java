package io.github.mbaseresnet.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Facial expressions with the two-letter codes used by JAFFE and BU-3DFE file names.
 * The six basic expressions of the paper (§4.1) come first, in the order used for class indices.
 */
public enum Expression {
    ANGER("AN"), DISGUST("DI"), FEAR("FE"), HAPPINESS("HA"), SADNESS("SA"), SURPRISE("SU"),
    NEUTRAL("NE"), CONTEMPT("CO");

    /**
     * Folder and file words: Oulu-CASIA's {@code Anger ... Surprise} (DATASETS.md §2), CK+48-style copies'
     * {@code anger, contempt, disgust, fear, happy, sadness, surprise}, and the adjectives other copies use.
     */
    private static final Map<String, Expression> WORDS = Map.ofEntries(
            Map.entry("anger", ANGER), Map.entry("angry", ANGER),
            Map.entry("disgust", DISGUST), Map.entry("disgusted", DISGUST),
            Map.entry("fear", FEAR), Map.entry("fearful", FEAR),
            Map.entry("happiness", HAPPINESS), Map.entry("happy", HAPPINESS),
            Map.entry("sadness", SADNESS), Map.entry("sad", SADNESS),
            Map.entry("surprise", SURPRISE), Map.entry("surprised", SURPRISE),
            Map.entry("neutral", NEUTRAL), Map.entry("contempt", CONTEMPT));

    /** The words {@link #fromWord} accepts, for messages. */
    public static final String WORD_LIST = "anger/angry, disgust/disgusted, fear/fearful, happiness/happy, "
            + "sadness/sad, surprise/surprised, neutral, contempt";

    private final String code;

    Expression(String code) {
        this.code = code;
    }

    /** Two-letter code, e.g. {@code AN}. */
    public String code() {
        return code;
    }

    public static Optional<Expression> fromCode(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equalsIgnoreCase(code)).findFirst();
    }

    /** An English name in any case ({@code Anger}, {@code happy}), see {@link #WORD_LIST}. */
    public static Optional<Expression> fromWord(String word) {
        return Optional.ofNullable(WORDS.get(word.trim().toLowerCase(Locale.ROOT)));
    }

    /** A word of {@link #WORD_LIST} or a two-letter code: for settings and config files. */
    public static Optional<Expression> fromWordOrCode(String text) {
        return fromWord(text).or(() -> fromCode(text.trim()));
    }
}
