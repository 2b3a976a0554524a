// Small Java programs compiled once against the Kafka jars (kept as text so a bundled emulator carries them).

/**
 * Runs kafka.Kafka, and exits (cleanly, through Kafka's shutdown hook) as soon as its stdin closes: a broker
 * never outlives the emulator process that started it, even if that process is killed.
 */
export const BROKER_LAUNCHER_CLASS = "ExoBrokerLauncher";
export const BROKER_LAUNCHER_SOURCE = `
public final class ExoBrokerLauncher {
  public static void main(String[] args) throws Exception {
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() != -1) { }
      } catch (java.io.IOException ignored) { }
      System.exit(0);
    }, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    kafka.Kafka.main(args);
  }
}
`;

/**
 * Makes the broker's users and ACLs equal to those read on stdin, one per line:
 *   U base64(username) base64(password)     a user: a SCRAM-SHA-256 credential (none when the password is empty)
 *   A base64(username) RESOURCE_TYPE PATTERN_TYPE base64(resource name) OPERATION
 *                                           an ALLOW binding for principal User:<username> (its certificate's CN,
 *                                           or its SASL name) from any host
 * Every other SCRAM credential and ACL is deleted. Usage: ExoUserSync <bootstrap>. Prints nothing on success;
 * errors never contain passwords.
 */
export const USER_SYNC_CLASS = "ExoUserSync";
export const USER_SYNC_SOURCE = `
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.common.acl.*;
import org.apache.kafka.common.resource.*;

public final class ExoUserSync {
  static AclBinding allow(String user, String resourceType, String patternType, String name, String operation) {
    ResourcePattern resource =
        new ResourcePattern(ResourceType.valueOf(resourceType), name, PatternType.valueOf(patternType));
    return new AclBinding(resource,
        new AccessControlEntry("User:" + user, "*", AclOperation.valueOf(operation), AclPermissionType.ALLOW));
  }

  static Collection<UserScramCredentialsDescription> describeScram(Admin admin) throws Exception {
    return admin.describeUserScramCredentials().all().get(30, TimeUnit.SECONDS).values();
  }

  static String decode(String b64) {
    return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> wanted = new LinkedHashMap<>();
    Set<AclBinding> wantedAcls = new HashSet<>();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      if (line.isBlank()) continue;
      String[] f = line.trim().split(" ");
      if (f[0].equals("U")) wanted.put(decode(f[1]), f.length > 2 ? decode(f[2]) : "");
      else if (f[0].equals("A")) wantedAcls.add(allow(decode(f[1]), f[2], f[3], decode(f[4]), f[5]));
      else throw new IllegalArgumentException("unknown input line kind " + f[0]);
    }
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    try (Admin admin = Admin.create(props)) {
      Set<String> scramUsers = new HashSet<>();
      for (Map.Entry<String, String> user : wanted.entrySet()) {
        if (!user.getValue().isEmpty()) scramUsers.add(user.getKey());
      }

      List<UserScramCredentialAlteration> changes = new ArrayList<>();
      boolean passwordsReplaced = false;
      for (UserScramCredentialsDescription existing : describeScram(admin)) {
        for (ScramCredentialInfo info : existing.credentialInfos()) {
          boolean keep = scramUsers.contains(existing.name()) && info.mechanism() == ScramMechanism.SCRAM_SHA_256;
          if (!keep) changes.add(new UserScramCredentialDeletion(existing.name(), info.mechanism()));
          else passwordsReplaced = true;
        }
      }
      ScramCredentialInfo sha256 = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096);
      for (String user : scramUsers) {
        changes.add(new UserScramCredentialUpsertion(user, sha256, wanted.get(user)));
      }
      if (!changes.isEmpty()) admin.alterUserScramCredentials(changes).all().get(30, TimeUnit.SECONDS);

      List<AclBindingFilter> stale = new ArrayList<>();
      Set<AclBinding> missing = new HashSet<>(wantedAcls);
      for (AclBinding binding : admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS)) {
        if (!missing.remove(binding)) stale.add(binding.toFilter());
      }
      if (!stale.isEmpty()) admin.deleteAcls(stale).all().get(30, TimeUnit.SECONDS);
      if (!missing.isEmpty()) admin.createAcls(missing).all().get(30, TimeUnit.SECONDS);

      // The controller has committed the changes; wait until the broker serves them too.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (true) {
        Set<String> served = new HashSet<>();
        for (UserScramCredentialsDescription d : describeScram(admin)) {
          for (ScramCredentialInfo info : d.credentialInfos()) {
            if (info.mechanism() == ScramMechanism.SCRAM_SHA_256) served.add(d.name());
          }
        }
        Set<AclBinding> servedAcls =
            new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS));
        if (served.equals(scramUsers) && servedAcls.equals(wantedAcls)) break;
        if (System.nanoTime() > deadline) throw new IllegalStateException("the broker did not apply the user changes");
        Thread.sleep(50);
      }
      // a replaced password is not visible through the Admin API: give the broker a moment to apply it
      if (passwordsReplaced) Thread.sleep(300);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      System.err.println("user update failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
      System.exit(1);
    }
  }
}
`;

/**
 * Waits until the cluster is whole again: `expectedBrokers` brokers registered and every partition (internal topics
 * included) with all its replicas in sync. Usage: ExoClusterHealth <bootstrap> <expectedBrokers> <timeoutSeconds>.
 * Exit 0 once so; 1, with the last shortfall on stderr, after the timeout.
 */
export const CLUSTER_HEALTH_CLASS = "ExoClusterHealth";
export const CLUSTER_HEALTH_SOURCE = `
import java.util.*;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.common.TopicPartitionInfo;

public final class ExoClusterHealth {
  public static void main(String[] args) throws Exception {
    int expected = Integer.parseInt(args[1]);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    String shortfall = "no answer";
    try (Admin admin = Admin.create(props)) {
      while (System.nanoTime() < deadline) {
        try {
          int brokers = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
          Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(10, TimeUnit.SECONDS);
          int underReplicated = 0;
          for (TopicDescription topic : admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
            for (TopicPartitionInfo partition : topic.partitions()) {
              if (partition.isr().size() < partition.replicas().size()) underReplicated++;
            }
          }
          if (brokers >= expected && underReplicated == 0) return;
          shortfall = brokers + " of " + expected + " brokers, " + underReplicated + " partitions under-replicated";
        } catch (Exception e) {
          Throwable cause = e.getCause() != null ? e.getCause() : e;
          shortfall = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        Thread.sleep(200);
      }
    }
    System.err.println("cluster not in sync: " + shortfall);
    System.exit(1);
  }
}
`;

/**
 * Spreads every partition (internal topics included) over the given brokers, round robin, each keeping its replica
 * count, and waits until the moves are done and every replica is in sync. Usage: ExoReassign <bootstrap>
 * <brokerIds, comma-separated> <timeoutSeconds> [check]. With `check`, or when a topic has more replicas than the
 * brokers given, nothing is moved: exit 3 and the topic on stderr when one does, else exit 0.
 */
export const REASSIGN_CLASS = "ExoReassign";
export const REASSIGN_SOURCE = `
import java.util.*;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

public final class ExoReassign {
  /** The topics' descriptions, without those deleted since they were listed (Kafka deletes asynchronously). */
  static Map<String, TopicDescription> describe(Admin admin, Collection<String> names) throws Exception {
    Map<String, TopicDescription> out = new TreeMap<>();
    for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : admin.describeTopics(names).topicNameValues().entrySet()) {
      try {
        out.put(topic.getKey(), topic.getValue().get(30, TimeUnit.SECONDS));
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) throw e;
      }
    }
    return out;
  }

  static List<Integer> ids(List<Node> nodes) {
    List<Integer> out = new ArrayList<>();
    for (Node node : nodes) out.add(node.id());
    return out;
  }

  public static void main(String[] args) throws Exception {
    List<Integer> brokers = new ArrayList<>();
    for (String id : args[1].split(",")) brokers.add(Integer.parseInt(id));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
    boolean checkOnly = args.length > 3 && args[3].equals("check");
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    try (Admin admin = Admin.create(props)) {
      Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(30, TimeUnit.SECONDS);
      Map<String, TopicDescription> topics = describe(admin, names);
      for (TopicDescription topic : topics.values()) {
        for (TopicPartitionInfo partition : topic.partitions()) {
          if (partition.replicas().size() > brokers.size()) {
            System.err.println("topic " + topic.name() + " has " + partition.replicas().size() + " replicas, more than the "
                + brokers.size() + " nodes left");
            System.exit(3);
          }
        }
      }
      if (checkOnly) return;
      Map<TopicPartition, Optional<NewPartitionReassignment>> moves = new HashMap<>();
      Map<TopicPartition, Set<Integer>> wanted = new HashMap<>();
      int start = 0;
      for (TopicDescription topic : topics.values()) {
        for (TopicPartitionInfo partition : topic.partitions()) {
          List<Integer> target = new ArrayList<>();
          for (int i = 0; i < partition.replicas().size(); i++) target.add(brokers.get((start + i) % brokers.size()));
          start++;
          TopicPartition tp = new TopicPartition(topic.name(), partition.partition());
          if (new HashSet<>(target).equals(new HashSet<>(ids(partition.replicas())))) continue;
          moves.put(tp, Optional.of(new NewPartitionReassignment(target)));
          wanted.put(tp, new HashSet<>(target));
        }
      }
      if (!moves.isEmpty()) admin.alterPartitionReassignments(moves).all().get(30, TimeUnit.SECONDS);
      String shortfall = "";
      while (System.nanoTime() < deadline) {
        int pending = admin.listPartitionReassignments().reassignments().get(30, TimeUnit.SECONDS).size();
        int notThere = 0;
        Set<String> moved = new HashSet<>();
        for (TopicPartition tp : wanted.keySet()) moved.add(tp.topic());
        for (TopicDescription topic : describe(admin, moved).values()) {
          for (TopicPartitionInfo partition : topic.partitions()) {
            Set<Integer> target = wanted.get(new TopicPartition(topic.name(), partition.partition()));
            if (target == null) continue;
            if (!new HashSet<>(ids(partition.replicas())).equals(target) || partition.isr().size() < target.size()) notThere++;
          }
        }
        if (pending == 0 && notThere == 0) {
          System.out.println(moves.size());
          return;
        }
        shortfall = pending + " reassignments running, " + notThere + " partitions not yet in place";
        Thread.sleep(200);
      }
      System.err.println("partitions not moved in time: " + shortfall);
      System.exit(1);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      System.err.println("partition move failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
      System.exit(1);
    }
  }
}
`;
