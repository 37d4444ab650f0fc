package io.github.mbaseresnet.align;

/** An image position in pixels, x to the right and y down (pixel centres at integer coordinates). */
public record Point(double x, double y) {
}
