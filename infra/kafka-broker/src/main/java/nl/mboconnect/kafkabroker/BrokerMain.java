package nl.mboconnect.kafkabroker;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The broker process's entry point, on the broker's own classpath only: formats the storage the
 * first time (in this JVM, which saves starting a second one), then runs {@code kafka.Kafka}.
 *
 * <pre>java -cp &lt;kafka-broker.classpath&gt; nl.mboconnect.kafkabroker.BrokerMain &lt;clusterId&gt; &lt;server.properties&gt; &lt;log dir&gt;</pre>
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: BrokerMain <clusterId> <server.properties> <log dir>");
            System.exit(2);
        }
        String clusterId = args[0];
        String properties = args[1];
        if (!Files.exists(Path.of(args[2], "meta.properties"))) {
            int status = kafka.tools.StorageTool.execute(
                    new String[] { "format", "-t", clusterId, "-c", properties, "--standalone", "--ignore-formatted" },
                    new PrintStream(System.out, true));
            if (status != 0) {
                System.exit(status);
            }
        }
        kafka.Kafka.main(new String[] { properties });
    }
}
