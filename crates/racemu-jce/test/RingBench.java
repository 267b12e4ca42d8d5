import java.io.FileInputStream;
import java.io.InputStream;
import java.net.URL;
import java.security.KeyStore;

/**
 * KeyStore.load of a RACF ring (racemu keyring open under the provider) against
 * KeyStore.load of the same ring's PKCS#12 export (docs/performance.md). Arguments:
 * RING P12 PASSWORD ROUNDS. Prints the median milliseconds of each after two warm-up loads.
 */
public final class RingBench {
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[3]);
        double ring = median(rounds, () -> {
            KeyStore ks = KeyStore.getInstance("JCERACFKS");
            ks.load(new URL(args[0]).openStream(), "password".toCharArray());
            return ks.size();
        });
        double p12 = median(rounds, () -> {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = new FileInputStream(args[1])) {
                ks.load(in, args[2].toCharArray());
            }
            return ks.size();
        });
        System.out.printf("JCERACFKS %s: %.1f ms median of %d loads%n", args[0], ring, rounds);
        System.out.printf("PKCS12 %s: %.1f ms median of %d loads%n", args[1], p12, rounds);
    }

    interface Load {
        int run() throws Exception;
    }

    static double median(int rounds, Load load) throws Exception {
        int size = load.run() + load.run();
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            size += load.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(ms);
        if (size < 0) {
            System.out.println(size);
        }
        return ms[rounds / 2];
    }
}
