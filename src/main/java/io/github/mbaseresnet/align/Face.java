package io.github.mbaseresnet.align;

import io.github.mbaseresnet.data.GrayImage;

/**
 * An aligned face ready for training: its pixels, class index and subject.
 *
 * @param id      the source sample's sequence id, for per-image reports
 */
public record Face(String id, String subject, int label, GrayImage pixels) {
}
