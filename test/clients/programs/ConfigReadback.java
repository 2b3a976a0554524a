import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;

// Reads a .properties file as a Java client does (java.util.Properties, then Kafka's JaasConfig for
// sasl.jaas.config) and prints every setting, and every JAAS option, as KEY<TAB>hex(UTF-8 of the value).
public class ConfigReadback {
  static String hex(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) b.append(String.format("%02x", x));
    return b.toString();
  }

  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    try (InputStreamReader in = new InputStreamReader(new FileInputStream(args[0]), StandardCharsets.ISO_8859_1)) {
      props.load(in);
    }
    for (Map.Entry<Object, Object> e : new TreeMap<>(props).entrySet()) System.out.println(e.getKey() + "\t" + hex((String) e.getValue()));
    String jaas = props.getProperty("sasl.jaas.config");
    if (jaas == null) return;
    AppConfigurationEntry[] entries = JaasContext.loadClientContext(Map.of("sasl.jaas.config", new Password(jaas))).configurationEntries().toArray(new AppConfigurationEntry[0]);
    for (AppConfigurationEntry entry : entries) {
      System.out.println("jaas.module\t" + hex(entry.getLoginModuleName()));
      for (Map.Entry<String, ?> o : new TreeMap<>(entry.getOptions()).entrySet()) System.out.println("jaas." + o.getKey() + "\t" + hex((String) o.getValue()));
    }
  }
}
