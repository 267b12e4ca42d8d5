package org.racemu.jce;

import java.security.Provider;
import java.security.Security;
import java.util.List;

/**
 * racemu's stand-ins for IBM's providers, under IBM's names so that configurations naming
 * them work unchanged: IBMZSecurity (JCERACFKS, and RACFKS as an alias), IBMJCECCA
 * (JCECCARACFKS) and IBMJCEHYBRID (JCEHYBRIDRACFKS). Each type is {@link RacfKeyStore}.
 */
public final class Providers {
    private Providers() {
    }

    /** IBMZSecurity: JCERACFKS (alias RACFKS). */
    public static final class ZSecurity extends Provider {
        private static final long serialVersionUID = 1L;

        /** Registers JCERACFKS. */
        public ZSecurity() {
            super("IBMZSecurity", "1.0", "racemu: JCERACFKS over racemu key rings (not IBM's)");
            putService(new Service(this, "KeyStore", "JCERACFKS", RacfKeyStore.class.getName(),
                    List.of("RACFKS"), null));
        }
    }

    /** IBMJCECCA: JCECCARACFKS. */
    public static final class JceCca extends Provider {
        private static final long serialVersionUID = 1L;

        /** Registers JCECCARACFKS. */
        public JceCca() {
            super("IBMJCECCA", "1.0", "racemu: JCECCARACFKS over racemu key rings (not IBM's)");
            putService(new Service(this, "KeyStore", "JCECCARACFKS", RacfKeyStore.class.getName(), null, null));
        }
    }

    /** IBMJCEHYBRID: JCEHYBRIDRACFKS. */
    public static final class JceHybrid extends Provider {
        private static final long serialVersionUID = 1L;

        /** Registers JCEHYBRIDRACFKS. */
        public JceHybrid() {
            super("IBMJCEHYBRID", "1.0", "racemu: JCEHYBRIDRACFKS over racemu key rings (not IBM's)");
            putService(new Service(this, "KeyStore", "JCEHYBRIDRACFKS", RacfKeyStore.class.getName(), null, null));
        }
    }

    /** Puts the three providers first in the JVM's list (those already there stay where they are). */
    public static void install() {
        Provider[] all = {new ZSecurity(), new JceCca(), new JceHybrid()};
        for (int i = 0; i < all.length; i++) {
            if (Security.getProvider(all[i].getName()) == null) {
                Security.insertProviderAt(all[i], i + 1);
            }
        }
    }
}
