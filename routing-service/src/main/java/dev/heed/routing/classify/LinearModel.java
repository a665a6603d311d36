package dev.heed.routing.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic regression over three classes (negative, neutral, positive, in {@link SentimentLabel}
 * order): one weight per class for each hashed feature bucket ({@link HashedFeatures}) and for each named
 * dense feature (the rule scores). The hashed features of one text are scaled by {@code 1/sqrt(count)},
 * so a long text does not become more certain only by being long. Immutable; safe to share.
 *
 * <p>The weights ship as a resource written by the training tool ({@code classifier-tools}, see the README's
 * "Retrain"); {@link #write} and {@link #read} are the one definition of that format: gzip over
 * big-endian {@code "HLR1"}, bits, dense count and names, class biases, dense weights, a quantisation scale,
 * then the bucket weights as 16-bit integers (class-interleaved).
 */
public final class LinearModel {

    public static final int CLASSES = 3;
    private static final int MAGIC = 0x484c5231;

    private final int bits;
    private final List<String> denseNames;
    private final float[] bias;
    private final float[] dense;
    /** Bucket weights quantised to 16 bits ({@link #step} each), half the memory of floats: fewer cache misses. */
    private final short[] weights;
    private final float step;

    /**
     * @param bits       log2 of the bucket count
     * @param denseNames the dense features, in the order {@link #score} takes their values
     * @param bias       one per class
     * @param dense      {@code denseNames.size() * CLASSES}, feature-major
     * @param weights    {@code 2^bits * CLASSES}, bucket-major
     */
    public LinearModel(int bits, List<String> denseNames, float[] bias, float[] dense, float[] weights) {
        if (bias.length != CLASSES || dense.length != denseNames.size() * CLASSES || weights.length != (CLASSES << bits)) {
            throw new IllegalArgumentException("weights do not match " + bits + " bits and " + denseNames.size() + " dense features");
        }
        this.bits = bits;
        this.denseNames = List.copyOf(denseNames);
        this.bias = bias.clone();
        this.dense = dense.clone();
        float max = 1e-9f;
        for (float v : weights) {
            max = Math.max(max, Math.abs(v));
        }
        this.step = max / Short.MAX_VALUE;
        this.weights = new short[weights.length];
        for (int i = 0; i < weights.length; i++) {
            this.weights[i] = (short) Math.round(weights[i] / step);
        }
    }

    public int bits() {
        return bits;
    }

    public List<String> denseNames() {
        return denseNames;
    }

    /**
     * The class probabilities for one text, and how much each token moved the negative-versus-positive
     * balance ({@code contributions[token]}: its features' negative weight minus positive weight, scaled).
     */
    public record Scores(double[] probabilities, double[] logits, double[] contributions) {
        public double negative() {
            return probabilities[0];
        }

        public double neutral() {
            return probabilities[1];
        }

        public double positive() {
            return probabilities[2];
        }
    }

    /** Scores the features of one text of {@code tokenCount} tokens. */
    public Scores score(HashedFeatures.Buffer features, double[] denseValues, int tokenCount) {
        double scale = features.size == 0 ? 0 : step / Math.sqrt(features.size);
        long neg = 0;
        long neu = 0;
        long pos = 0;
        double[] contributions = new double[tokenCount];
        int[] buckets = features.buckets;
        int[] tokens = features.tokens;
        short[] w = weights;
        for (int i = 0; i < features.size; i++) {
            int at = buckets[i] * CLASSES;
            int n = w[at];
            int p = w[at + 2];
            neg += n;
            neu += w[at + 1];
            pos += p;
            contributions[tokens[i]] += (n - p) * scale;
        }
        double[] logits = {bias[0] + neg * scale, bias[1] + neu * scale, bias[2] + pos * scale};
        for (int d = 0; d < denseValues.length; d++) {
            for (int k = 0; k < CLASSES; k++) {
                logits[k] += dense[d * CLASSES + k] * denseValues[d];
            }
        }
        return new Scores(softmax(logits), logits, contributions);
    }

    /** How much one dense feature's value moves the negative-versus-positive balance. */
    public double denseContribution(int feature, double value) {
        return (dense[feature * CLASSES] - dense[feature * CLASSES + 2]) * value;
    }

    /** The probabilities of three logits. */
    public static double[] softmax(double[] logits) {
        double max = Math.max(logits[0], Math.max(logits[1], logits[2]));
        double[] p = new double[CLASSES];
        double sum = 0;
        for (int k = 0; k < CLASSES; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < CLASSES; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** Writes the model in the format {@link #read} takes; bucket weights are quantised to 16 bits. */
    public void write(OutputStream out) throws IOException {
        try (DataOutputStream data = new DataOutputStream(new GZIPOutputStream(out))) {
            data.writeInt(MAGIC);
            data.writeInt(bits);
            data.writeInt(denseNames.size());
            for (String name : denseNames) {
                data.writeUTF(name);
            }
            for (float b : bias) {
                data.writeFloat(b);
            }
            for (float d : dense) {
                data.writeFloat(d);
            }
            data.writeFloat(step);
            for (short v : weights) {
                data.writeShort(v);
            }
        }
    }

    /** Reads a model written by {@link #write}. */
    public static LinearModel read(InputStream in) throws IOException {
        try (DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16))) {
            if (data.readInt() != MAGIC) {
                throw new IOException("not a Heed linear model (bad magic)");
            }
            int bits = data.readInt();
            int denseCount = data.readInt();
            List<String> names = new ArrayList<>();
            for (int d = 0; d < denseCount; d++) {
                names.add(data.readUTF());
            }
            float[] bias = readFloats(data, CLASSES);
            float[] dense = readFloats(data, denseCount * CLASSES);
            float step = data.readFloat();
            float[] weights = new float[CLASSES << bits];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = data.readShort() * step;
            }
            return new LinearModel(bits, names, bias, dense, weights);
        }
    }

    /** Loads a model resource next to this class. */
    static LinearModel resource(String name) {
        try (InputStream in = LinearModel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classifier resource " + name);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classifier model " + name, e);
        }
    }

    private static float[] readFloats(DataInputStream data, int n) throws IOException {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = data.readFloat();
        }
        return out;
    }

    @Override
    public String toString() {
        return "LinearModel[bits=" + bits + ", dense=" + denseNames + ", bias=" + Arrays.toString(bias) + "]";
    }
}
