package io.github.mbaseresnet.data;

import java.util.List;

/**
 * The ordered set of expressions a classifier is trained on; the position in {@link #expressions()} is the class
 * index. The paper reports six expressions (§4.1), hence {@link #SIX_BASIC}.
 */
public record ClassSet(List<Expression> expressions) {

    public static final ClassSet SIX_BASIC = new ClassSet(List.of(Expression.ANGER, Expression.DISGUST,
            Expression.FEAR, Expression.HAPPINESS, Expression.SADNESS, Expression.SURPRISE));

    public ClassSet {
        expressions = List.copyOf(expressions);
        if (expressions.size() < 2) {
            throw new IllegalArgumentException("a class set needs at least two expressions, got " + expressions);
        }
        if (expressions.stream().distinct().count() != expressions.size()) {
            throw new IllegalArgumentException("duplicate expression in class set " + expressions);
        }
    }

    public int size() {
        return expressions.size();
    }

    public boolean contains(Expression e) {
        return expressions.contains(e);
    }

    public int indexOf(Expression e) {
        int i = expressions.indexOf(e);
        if (i < 0) {
            throw new IllegalArgumentException(e + " is not in class set " + expressions);
        }
        return i;
    }

    public Expression get(int index) {
        return expressions.get(index);
    }

    /** Two-letter codes in class order, e.g. {@code [AN, DI, FE, HA, SA, SU]}. */
    public List<String> codes() {
        return expressions.stream().map(Expression::code).toList();
    }
}
