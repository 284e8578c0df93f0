package org.hubprice.env.data;

/**
 * The parameters {@link SyntheticPriceCalibrator#fit(java.util.List)} estimates from PJM pnode
 * 48592's hourly DA and RT LMPs, 2021-12-01 .. 2022-11-29 (364 complete days built by
 * {@link PjmLmpCsvLoader} from {@code da_hrl_lmps_48592.csv} and {@code rt_hrl_lmps_48592.csv}, the
 * files of the paper's public reference implementation), rounded to four significant digits.
 * They are measurements of public market data, kept here so that the project runs without the
 * files; {@code SyntheticPriceCalibrationTest} refits them when the data is present.
 */
final class Pjm48592 {
    private Pjm48592() {}

    private static final double[] MONTHLY_LEVEL = {67.48, 46.98, 40.35, 56.38, 63.19, 64.46, 76.04, 87.24, 61.75, 47.13, 40.88, 31.27};

    private static final double[][] HOURLY_SHAPE = {
        // DJF
        {0.9221, 0.8733, 0.8408, 0.8392, 0.8633, 0.9204, 1.049, 1.184, 1.074, 1.037, 1.051, 1.007,
         0.9701, 0.9424, 0.9241, 0.9439, 1.038, 1.3, 1.226, 1.122, 1.068, 1.032, 0.9939, 0.9331},
        // MAM
        {0.9074, 0.8642, 0.8386, 0.8281, 0.8425, 0.8979, 1.037, 1.108, 1.059, 1.04, 1.044, 1.023,
         1.012, 1.004, 0.9892, 0.9894, 1.007, 1.068, 1.118, 1.208, 1.215, 1.082, 0.9982, 0.947},
        // JJA
        {0.8675, 0.7816, 0.7154, 0.6765, 0.6679, 0.7017, 0.7642, 0.8099, 0.8697, 0.9274, 0.9969, 1.078,
         1.151, 1.226, 1.284, 1.375, 1.52, 1.578, 1.416, 1.242, 1.15, 1.091, 0.999, 0.9201},
        // SON
        {0.89, 0.8394, 0.7899, 0.7788, 0.8029, 0.8718, 1.06, 1.144, 1.07, 1.026, 1.018, 1.004,
         0.9881, 0.9878, 0.9981, 1.022, 1.121, 1.306, 1.296, 1.246, 1.093, 1.008, 0.9615, 0.9169},
    };

    private static final double[] RT_LOG_BIAS = {-0.05338, -0.0347, -0.02731, -0.02989, -0.02901, -0.05176, -0.06993, -0.06307, -0.07357, -0.07704, -0.08175, -0.06957,
        -0.06131, -0.06612, -0.07205, -0.0818, -0.07891, -0.07999, -0.1025, -0.1098, -0.07778, -0.08354, -0.08349, -0.06455};

    static final SyntheticPriceConfig CONFIG = new SyntheticPriceConfig(MONTHLY_LEVEL, HOURLY_SHAPE,
            0.7792, 0.1449, 5.0, // daily level: persistence, volatility, tail df
            0.999, 0.06519, // within-day DA deviation: persistence, volatility
            RT_LOG_BIAS, 0.6351, 0.1665, 3.0, // log(RT/DA) in normal hours: bias per hour, persistence, volatility, tail df
            // spikes: ratio, max ratio, entry probability, entry level sensitivity, persistence, tail mean, tail level sensitivity
            2.0, 17.06, 0.008626, 1.632, 0.3538, 0.4478, 0.7087,
            8.013E-4, 0.9088); // non-positive hours: probability, mean -RT/DA
}
