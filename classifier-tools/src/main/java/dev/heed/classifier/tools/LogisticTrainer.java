package dev.heed.classifier.tools;

import dev.heed.routing.classify.LinearModel;
import java.util.List;
import java.util.Random;

/**
 * Fits a three-class logistic regression by AdaGrad over shuffled examples with L2 regularisation, with the
 * same feature scaling as {@link LinearModel#score} ({@code 1/sqrt(count)} for the hashed features).
 * Deterministic: the same examples, settings and seed give the same weights, bit for bit.
 *
 * @param bits     log2 of the bucket count
 * @param epochs   passes over the examples
 * @param rate     AdaGrad's base learning rate
 * @param l2       L2 penalty per update on the hashed weights an example touches (the few dense weights
 *                 of the rules' scores are not penalised: they are what should carry across domains)
 * @param seed     the shuffle's seed
 */
record LogisticTrainer(int bits, int epochs, double rate, double l2, long seed) {

    private static final int K = LinearModel.CLASSES;
    private static final double EPS = 1e-8;

    LinearModel train(List<Example> examples, List<String> denseNames) {
        int denseCount = denseNames.size();
        double[] w = new double[K << bits];
        double[] gw = new double[K << bits];
        double[] d = new double[denseCount * K];
        double[] gd = new double[denseCount * K];
        double[] b = new double[K];
        double[] gb = new double[K];
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        double[] logits = new double[K];
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int i : order) {
                Example e = examples.get(i);
                double scale = e.buckets().length == 0 ? 0 : 1 / Math.sqrt(e.buckets().length);
                for (int k = 0; k < K; k++) {
                    logits[k] = b[k];
                }
                for (int bucket : e.buckets()) {
                    for (int k = 0; k < K; k++) {
                        logits[k] += w[bucket * K + k] * scale;
                    }
                }
                for (int f = 0; f < denseCount; f++) {
                    for (int k = 0; k < K; k++) {
                        logits[k] += d[f * K + k] * e.dense()[f];
                    }
                }
                double[] p = LinearModel.softmax(logits);
                for (int k = 0; k < K; k++) {
                    double g = (p[k] - (k == e.label() ? 1 : 0)) * e.weight();
                    for (int bucket : e.buckets()) {
                        int at = bucket * K + k;
                        w[at] -= step(gw, at, g * scale + l2 * w[at]);
                    }
                    for (int f = 0; f < denseCount; f++) {
                        int at = f * K + k;
                        d[at] -= step(gd, at, g * e.dense()[f]);
                    }
                    b[k] -= step(gb, k, g);
                }
            }
        }
        return new LinearModel(bits, denseNames, toFloat(b), toFloat(d), toFloat(w));
    }

    /** AdaGrad: the step shrinks with the squared gradients this weight has seen. */
    private double step(double[] history, int at, double gradient) {
        history[at] += gradient * gradient;
        return rate * gradient / Math.sqrt(history[at] + EPS);
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }
}
