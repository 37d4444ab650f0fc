package io.github.mbaseresnet.data;

import java.util.Arrays;
import java.util.Optional;

/**
 * Facial expressions with the two-letter codes used by JAFFE and BU-3DFE file names.
 * The six basic expressions of the paper (§4.1) come first, in the order used for class indices.
 */
public enum Expression {
    ANGER("AN"), DISGUST("DI"), FEAR("FE"), HAPPINESS("HA"), SADNESS("SA"), SURPRISE("SU"),
    NEUTRAL("NE"), CONTEMPT("CO");

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
}
