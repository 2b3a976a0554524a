// Asks a broker which Kafka release it is, through the Kafka protocol: the features it supports (ApiVersions, read
// with the Java AdminClient's describeFeatures) include the newest metadata.version it can run, which is its release.
//   java BrokerVersion BOOTSTRAP CA_PEM CERT_PEM KEY_PEM
//     prints "metadata.version LEVEL release MAJOR.MINOR"
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.server.common.MetadataVersion;

public class BrokerVersion {
  public static void main(String[] args) throws Exception {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    config.put("security.protocol", "SSL");
    config.put("ssl.truststore.type", "PEM");
    config.put("ssl.truststore.certificates", Files.readString(Path.of(args[1])));
    config.put("ssl.keystore.type", "PEM");
    config.put("ssl.keystore.certificate.chain", Files.readString(Path.of(args[2])));
    config.put("ssl.keystore.key", Files.readString(Path.of(args[3])));
    config.put("ssl.endpoint.identification.algorithm", "");
    try (Admin admin = Admin.create(config)) {
      FeatureMetadata features = admin.describeFeatures().featureMetadata().get(60, TimeUnit.SECONDS);
      short level = features.supportedFeatures().get("metadata.version").maxVersion();
      System.out.println("metadata.version " + level + " release " + MetadataVersion.fromFeatureLevel(level).shortVersion());
    }
  }
}
