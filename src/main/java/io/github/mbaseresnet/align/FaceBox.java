package io.github.mbaseresnet.align;

/** A face's bounding box in image pixels (x to the right, y down), as a detector reports it. */
public record FaceBox(double x, double y, double width, double height) {
    public FaceBox {
        if (!(width > 0 && height > 0)) {
            throw new IllegalArgumentException("a face box needs a positive size, got " + width + "x" + height);
        }
    }

    /** The point at fractions ({@code fx}, {@code fy}) of the box's width and height from its top-left corner. */
    public Point at(double fx, double fy) {
        return new Point(x + fx * width, y + fy * height);
    }
}
