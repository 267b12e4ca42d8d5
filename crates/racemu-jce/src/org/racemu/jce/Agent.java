package org.racemu.jce;

/**
 * The Java agent ({@code -javaagent:racemu-jce.jar}, also through JAVA_TOOL_OPTIONS): puts
 * the providers first. The agent's jar is on the system class path, so the URL handlers of
 * META-INF/services are found too, whatever class loaders the application uses.
 */
public final class Agent {
    private Agent() {
    }

    /** Called before main. */
    public static void premain(String args) {
        Providers.install();
    }

    /** Called when attached to a running JVM. */
    public static void agentmain(String args) {
        Providers.install();
    }
}
