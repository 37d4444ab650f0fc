package io.github.mbaseresnet.data.synthetic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticConfigTest {

    @Test
    void defaultHolds432Images() {
        assertThat(SyntheticConfig.DEFAULT.imageCount()).isEqualTo(12 * 6 * 3 * 2);
        assertThat(SyntheticConfig.DEFAULT.imageSize()).isEqualTo(96);
    }

    @Test
    void rejectsBadSettingsNamingThem() {
        assertThatThrownBy(() -> new SyntheticConfig(0, 3, 2, 96, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subjects").hasMessageContaining("0");
        assertThatThrownBy(() -> new SyntheticConfig(100, 3, 2, 96, 1)).hasMessageContaining("subjects");
        assertThatThrownBy(() -> new SyntheticConfig(12, 0, 2, 96, 1)).hasMessageContaining("intensityLevels");
        assertThatThrownBy(() -> new SyntheticConfig(12, 10, 2, 96, 1)).hasMessageContaining("intensityLevels");
        assertThatThrownBy(() -> new SyntheticConfig(12, 3, 0, 96, 1)).hasMessageContaining("variantsPerLevel");
        assertThatThrownBy(() -> new SyntheticConfig(12, 3, 2, 31, 1)).hasMessageContaining("imageSize");
    }
}
