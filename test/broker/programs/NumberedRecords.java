// A producer and a checking consumer for a rolling restart, configured by a client.properties file.
//   java NumberedRecords produce CLIENT_PROPERTIES TOPIC
//     sends records "0", "1", ... (acks=all, idempotent) without pause until its stdin closes, then flushes and
//     prints "sent N failed F" (F: records whose delivery failed, i.e. errors a client would see); meanwhile
//     "acked A" after every 200 records the cluster acknowledged.
//   java NumberedRecords check CLIENT_PROPERTIES TOPIC N
//     reads the topic from the start until N records or 60 s of nothing new, and prints
//     "read R missing M duplicated D out-of-order O" (order: per partition, numbers increase).
import java.io.FileInputStream;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.*;

public class NumberedRecords {
  public static void main(String[] args) throws Exception {
    Properties config = new Properties();
    try (FileInputStream in = new FileInputStream(args[1])) {
      config.load(in);
    }
    if (args[0].equals("produce")) produce(config, args[2]);
    else check(config, args[2], Long.parseLong(args[3]));
  }

  static void produce(Properties config, String topic) throws Exception {
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
    config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    AtomicLong failed = new AtomicLong();
    AtomicLong acked = new AtomicLong();
    Thread stdin = new Thread(() -> {
      try {
        while (System.in.read() != -1) { }
      } catch (Exception ignored) { }
    });
    stdin.start();
    long sent = 0;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      while (stdin.isAlive()) {
        String n = Long.toString(sent++);
        producer.send(new ProducerRecord<>(topic, n, n), (metadata, error) -> {
          if (error != null) {
            failed.incrementAndGet();
            System.err.println("send failed: " + error);
          } else {
            long count = acked.incrementAndGet();
            if (count % 200 == 0) System.out.println("acked " + count);
          }
        });
        if (sent % 20 == 0) Thread.sleep(10);
      }
      producer.flush();
    }
    System.out.println("sent " + sent + " failed " + failed.get());
  }

  static void check(Properties config, String topic, long expected) {
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Map<Long, Integer> seen = new HashMap<>();
    Map<TopicPartition, Long> last = new HashMap<>();
    long read = 0, outOfOrder = 0;
    long idleSince = System.nanoTime();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (read < expected && System.nanoTime() - idleSince < 60_000_000_000L) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        if (!records.isEmpty()) idleSince = System.nanoTime();
        for (ConsumerRecord<String, String> record : records) {
          long n = Long.parseLong(record.value());
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          Long previous = last.put(partition, n);
          if (previous != null && previous >= n) outOfOrder++;
          seen.merge(n, 1, Integer::sum);
          read++;
        }
      }
    }
    long missing = 0, duplicated = 0;
    for (long n = 0; n < expected; n++) {
      int times = seen.getOrDefault(n, 0);
      if (times == 0) missing++;
      else duplicated += times - 1;
    }
    System.out.println("read " + read + " missing " + missing + " duplicated " + duplicated + " out-of-order " + outOfOrder);
  }
}
