// What Kafka's own Java AdminClient sees, configured by nothing but a client.properties file:
//   topic TOPIC  -> {"partitions":N,"replication_factor":N,"configs":{NAME:VALUE,...}} (configs set on the topic)
//   lag GROUP    -> {"TOPIC:PARTITION":LAG,...,"total":N} (log-end offset minus the committed offset)
// Usage: java AdminCheck CLIENT_PROPERTIES topic|lag NAME
import java.io.FileInputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

public class AdminCheck {
  public static void main(String[] args) throws Exception {
    Properties config = new Properties();
    try (FileInputStream in = new FileInputStream(args[0])) {
      config.load(in);
    }
    try (Admin admin = Admin.create(config)) {
      System.out.println(args[1].equals("topic") ? topic(admin, args[2]) : lag(admin, args[2]));
    }
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String topic(Admin admin, String name) throws Exception {
    TopicDescription description = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
    Config configs = admin.describeConfigs(List.of(resource)).all().get().get(resource);
    Map<String, String> set = new TreeMap<>();
    for (ConfigEntry entry : configs.entries()) {
      if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) set.put(entry.name(), entry.value());
    }
    String configJson = set.entrySet().stream().map(e -> quote(e.getKey()) + ":" + quote(e.getValue())).collect(Collectors.joining(","));
    return "{\"partitions\":" + description.partitions().size()
        + ",\"replication_factor\":" + description.partitions().get(0).replicas().size()
        + ",\"configs\":{" + configJson + "}}";
  }

  static String lag(Admin admin, String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
    Map<String, Long> lags = new TreeMap<>();
    long total = 0;
    for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
      if (e.getValue() == null) continue;
      long lag = ends.get(e.getKey()).offset() - e.getValue().offset();
      lags.put(e.getKey().topic() + ":" + e.getKey().partition(), lag);
      total += lag;
    }
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, Long> e : lags.entrySet()) json.append(quote(e.getKey())).append(":").append(e.getValue()).append(",");
    return json.append("\"total\":").append(total).append("}").toString();
  }
}
