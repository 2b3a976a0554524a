// Asks a broker which Kafka release it is, through the Kafka protocol: the features it supports (ApiVersions, read
// with the Java AdminClient's describeFeatures) include the newest metadata.version it can run, which is its release.
//   java BrokerVersion CA_PEM CERT_PEM KEY_PEM BOOTSTRAP...
//     prints "metadata.version LEVEL release MAJOR.MINOR" for each BOOTSTRAP, a line each
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.server.common.MetadataVersion;

public class BrokerVersion {
  public static void main(String[] args) throws Exception {
    for (int i = 3; i < args.length; i++) System.out.println(release(args[i], args[0], args[1], args[2]));
  }

  static String release(String bootstrap, String ca, String cert, String key) throws Exception {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put("security.protocol", "SSL");
    config.put("ssl.truststore.type", "PEM");
    config.put("ssl.truststore.certificates", Files.readString(Path.of(ca)));
    config.put("ssl.keystore.type", "PEM");
    config.put("ssl.keystore.certificate.chain", Files.readString(Path.of(cert)));
    config.put("ssl.keystore.key", Files.readString(Path.of(key)));
    config.put("ssl.endpoint.identification.algorithm", "");
    try (Admin admin = Admin.create(config)) {
      FeatureMetadata features = admin.describeFeatures().featureMetadata().get(60, TimeUnit.SECONDS);
      short level = features.supportedFeatures().get("metadata.version").maxVersion();
      return "metadata.version " + level + " release " + MetadataVersion.fromFeatureLevel(level).shortVersion();
    }
  }
}
